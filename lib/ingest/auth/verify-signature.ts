// Checks the Threadline-Signature of a request from an authenticated connector against
// every inbound signing secret current at `now` (rotation: old and new both verify until
// the old one expires). A connector without a secret sends unsigned requests.
import { AppError } from '../../errors.ts';
import type { ConnectorPrincipal } from './connector-principal.ts';
import { checkSignature } from './signature.ts';
import { signingSecretsOf } from './signing-secrets.ts';

export interface SignatureVerification {
  /** False when the connector has no signing secret and so sends unsigned requests. */
  verified: boolean;
  /** The secret that matched. */
  secretId?: string;
}

export async function verifySignature(options: {
  connector: ConnectorPrincipal;
  header: string | null;
  rawBody: Uint8Array | Buffer;
  now?: Date;
  /** The header the signature came in, for the sender's error messages (Stripe-Signature). */
  headerName?: string;
}): Promise<SignatureVerification> {
  const { connector, header, rawBody, now = new Date(), headerName } = options;
  if (!connector.requiresSignature) return { verified: false };
  const { secrets, unreadable } = await signingSecretsOf(connector.id, now);
  const check = checkSignature({ secrets, header, rawBody, now, ...(headerName ? { headerName } : {}) });
  if (check.ok) return { verified: true, secretId: check.secret.id };
  // A stored secret we cannot decrypt is our misconfiguration (wrong THREADLINE_SECRET_KEY),
  // not the sender's fault: it is logged where it is loaded, and answered as ours.
  if (unreadable > 0 && (check.failure === 'mismatch' || check.failure === 'no-current-secret')) {
    throw new AppError('INTERNAL', "The connector's signing secrets cannot be read with this server's secret key.");
  }
  throw new AppError('UNAUTHENTICATED', check.detail, { details: { signatureFailure: check.failure } });
}
