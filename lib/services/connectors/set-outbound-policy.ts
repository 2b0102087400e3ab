// How Threadline delivers commands to a connector (DESIGN.md §6): its shared concurrency
// and rate budget, attempts before the dead letter, request timeout, and whether its
// endpoint may be a private or loopback address (an ERP on a VPN, the demo simulators on
// 127.0.0.1). Only the fields given change; audited with before/after; the same values
// again change nothing and write no audit record.
import { z } from 'zod';
import { db } from '../../db/client.ts';
import { auditConnectorChange, type ConnectorActor } from './connector-audit.ts';
import { parseConnectorInput } from './connector-rules.ts';
import { findConnectorForUpdate } from './find-connector-for-update.ts';

export const outboundPolicySchema = z
  .object({
    allowPrivate: z.boolean(),
    maxConcurrency: z.number().int('A whole number of requests.').min(1, 'At least 1.').max(1000, 'At most 1000.'),
    ratePerSecond: z.number().int('Whole requests per second.').min(1, 'At least 1.').max(100_000, 'At most 100,000.'),
    maxAttempts: z.number().int('A whole number of attempts.').min(1, 'At least 1.').max(1000, 'At most 1000.'),
    timeoutMs: z.number().int('Whole milliseconds.').min(100, 'At least 100 ms.').max(300_000, 'At most 300,000 ms.'),
  })
  .partial()
  .strict();

export type OutboundPolicy = z.infer<typeof outboundPolicySchema>;

const columns = {
  allowPrivate: 'outboundAllowPrivate',
  maxConcurrency: 'outboundMaxConcurrency',
  ratePerSecond: 'outboundRatePerSecond',
  maxAttempts: 'outboundMaxAttempts',
  timeoutMs: 'outboundTimeoutMs',
} as const;

export async function setConnectorOutboundPolicy(options: { code: string; policy: OutboundPolicy; actor: ConnectorActor; now?: Date }): Promise<{ code: string; policy: Required<OutboundPolicy>; changed: boolean }> {
  const { code, actor, now = new Date() } = options;
  const policy = parseConnectorInput(outboundPolicySchema, options.policy);
  return db().$transaction(async (tx) => {
    const connector = await findConnectorForUpdate(tx, code);
    const current = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, connector[column]])) as Required<OutboundPolicy>;
    const changes = Object.entries(policy).filter(([field, value]) => current[field as keyof OutboundPolicy] !== value);
    if (changes.length === 0) return { code, policy: current, changed: false };
    const next = { ...current, ...policy };
    await tx.connector.update({
      where: { id: connector.id },
      data: { ...Object.fromEntries(changes.map(([field, value]) => [columns[field as keyof OutboundPolicy], value])), updatedAt: now },
    });
    await auditConnectorChange(tx, {
      actor,
      connectorId: connector.id,
      action: 'connector.outbound_policy_changed',
      before: Object.fromEntries(changes.map(([field]) => [field, current[field as keyof OutboundPolicy]])),
      after: Object.fromEntries(changes),
      at: now,
    });
    return { code, policy: next, changed: true };
  });
}
