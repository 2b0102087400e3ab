// Native senders (Stripe) cannot send our bearer token: the connector is named in the URL
// (`?connector=<code>`, default per route) and proven by its signing secret instead.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { SystemKind } from '../../db/generated/enums.ts';
import type { ConnectorPrincipal } from '../auth/connector-principal.ts';

export async function findNativeConnector(code: string, kind: SystemKind): Promise<ConnectorPrincipal> {
  const row = await db().connector.findUnique({
    where: { code },
    select: { id: true, code: true, name: true, kind: true, sources: true, ingestRateLimitPerMinute: true, active: true },
  });
  // One answer for unknown, inactive and wrong-kind connectors: the URL is public.
  if (!row || !row.active || row.kind !== kind) {
    throw new AppError('UNAUTHENTICATED', `No active ${kind} connector "${code}" receives these webhooks.`);
  }
  const { active: _active, ...principal } = row;
  // Always signed: without a secret there is no proof of who sent the body.
  return { ...principal, requiresSignature: true };
}
