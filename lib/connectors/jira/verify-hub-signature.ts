// Jira Cloud signs a webhook that has a secret with X-Hub-Signature: sha256=<hex HMAC-SHA256
// of the raw body> (no timestamp: replays are stopped by the webhook identifier dedupe).
// The secret is the connector's inbound signing secret (tl_whsec_…), entered as the
// webhook's secret in Jira; a connector without one sends unsigned webhooks.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { ConnectorPrincipal } from '../../ingest/auth/connector-principal.ts';
import { isSecretCurrent, type SigningSecret } from '../../ingest/auth/signature.ts';
import { signingSecretsOf } from '../../ingest/auth/signing-secrets.ts';

export const HUB_SIGNATURE_HEADER = 'X-Hub-Signature';

export function hubSignature(secret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Pure: does the header match one of the current secrets? */
export function matchesHubSignature(options: { header: string | null; rawBody: Uint8Array; secrets: readonly SigningSecret[]; now: Date }): boolean {
  const { header, rawBody, secrets, now } = options;
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const sent = Buffer.from(header.slice('sha256='.length).toLowerCase(), 'hex');
  return secrets.filter((s) => isSecretCurrent(s, now)).some((s) => timingSafeEqual(sent, Buffer.from(hubSignature(s.secret, rawBody).slice('sha256='.length), 'hex')));
}

export async function verifyHubSignature(options: { connector: ConnectorPrincipal; header: string | null; rawBody: Uint8Array; now: Date }): Promise<void> {
  const { connector, header, rawBody, now } = options;
  if (!connector.requiresSignature) return;
  const { secrets, unreadable } = await signingSecretsOf(connector.id, now);
  if (matchesHubSignature({ header, rawBody, secrets, now })) return;
  if (unreadable > 0) throw new AppError('INTERNAL', "The connector's signing secrets cannot be read with this server's secret key.");
  throw new AppError('UNAUTHENTICATED', header ? `${HUB_SIGNATURE_HEADER} does not match the body with any current secret of this connector.` : `This connector signs its webhooks: ${HUB_SIGNATURE_HEADER} (sha256=…) is required.`);
}
