// The connected systems a commercial flow sends commands to, resolved before anything is
// written. A missing (or ambiguous) target holds the event rather than dropping the
// command or creating an engagement the ERP or PSA will never hear of: the exception is
// CONNECTOR_DELIVERY_FAILED on the connector kind (one per kind, every held event linked,
// integration ops' queue), and configuring the connector then replaying completes the
// flow with nothing half-done. TRANSIENT because no data is wrong — only the wiring.
import type { SystemKind } from '../../db/generated/enums.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import { WorkflowHold, type Tx } from '../workflow.ts';

export interface HoldContext {
  /** What waits, for the title: "Quote Q-1 v3". */
  about: string;
  impact?: { amount: string; currency: string; date: Date };
  legalEntityId?: string;
}

export async function requireCommandTarget(tx: Tx, kind: SystemKind, context: HoldContext): Promise<string> {
  const target = await resolveCommandTarget(tx, kind);
  if (target.ok) return target.code;
  const problem = target.reason === 'missing' ? `no active ${kind} connector` : `several active ${kind} connectors (${target.candidates.join(', ')}) and none is coded "${kind.toLowerCase()}"`;
  throw new WorkflowHold({
    code: 'CONNECTOR_DELIVERY_FAILED',
    entityType: 'Connector',
    entityId: kind,
    title: `${context.about} waits: ${problem} to send its commands to`,
    impact: context.impact,
    legalEntityId: context.legalEntityId,
    details: { reason: target.reason === 'missing' ? 'CONNECTOR_MISSING' : 'CONNECTOR_AMBIGUOUS', kind, candidates: target.candidates, waiting: context.about },
  });
}
