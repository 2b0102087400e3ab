// Threadline-Signature (DESIGN.md §5): `t=<unix seconds>,v1=<hex>[,v1=<hex>]`, where v1 is
// HMAC-SHA256 keyed with the signing secret over "<t>." followed by the raw body bytes
// exactly as sent. Several v1 values let a sender sign with old and new secret during a
// rotation; the request passes when any v1 matches any current secret. Pure: the secrets
// and the clock come in as arguments.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Threadline-Signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_HEADER_LENGTH = 4096;
const MAX_SIGNATURES = 16;

export type RawBody = Uint8Array | Buffer | string;

export interface SigningSecret {
  id: string;
  secret: string;
  activeFrom: Date;
  expiresAt: Date | null;
}

/** The hex HMAC-SHA256 of "<t>.<rawBody>". */
export function computeSignature(secret: string, t: number, rawBody: RawBody): string {
  return createHmac('sha256', secret).update(`${t}.`, 'utf8').update(rawBody).digest('hex');
}

/** The Threadline-Signature header value for a body; with several secrets, one v1 each. */
export function signPayload(secret: string | readonly string[], rawBody: RawBody, t: number = Math.floor(Date.now() / 1000)): string {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return [`t=${t}`, ...secrets.map((s) => `v1=${computeSignature(s, t, rawBody)}`)].join(',');
}

export interface ParsedSignatureHeader {
  t: number;
  signatures: Buffer[];
}

/** Undefined when the header is not `t=<digits>,v1=<64 hex>[,...]`; unknown schemes are ignored. */
export function parseSignatureHeader(header: string): ParsedSignatureHeader | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  let t: number | undefined;
  const signatures: Buffer[] = [];
  for (const item of header.split(',')) {
    const separator = item.indexOf('=');
    if (separator <= 0) return undefined;
    const key = item.slice(0, separator).trim();
    const value = item.slice(separator + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      t = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return undefined;
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  if (t === undefined || signatures.length === 0 || signatures.length > MAX_SIGNATURES) return undefined;
  return { t, signatures };
}

export function isSecretCurrent(secret: Pick<SigningSecret, 'activeFrom' | 'expiresAt'>, now: Date): boolean {
  return secret.activeFrom.getTime() <= now.getTime() && (secret.expiresAt === null || secret.expiresAt.getTime() > now.getTime());
}

export type SignatureFailure = 'missing' | 'malformed' | 'outside-tolerance' | 'no-current-secret' | 'mismatch';

export type SignatureCheck = { ok: true; secret: SigningSecret } | { ok: false; failure: SignatureFailure; detail: string };

/**
 * Passes when the header is well-formed, within the tolerance, and one of its v1 values
 * matches one of the secrets current at `now`; the detail of a failure is for the sender.
 */
export function checkSignature(options: { secrets: readonly SigningSecret[]; header: string | null; rawBody: RawBody; now: Date; headerName?: string }): SignatureCheck {
  // Stripe-Signature is the same scheme (Stripe's): only the header's name differs.
  const { secrets, header, rawBody, now, headerName = SIGNATURE_HEADER } = options;
  if (!header) {
    return fail('missing', `This connector signs its events: send ${headerName}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">.`);
  }
  const parsed = parseSignatureHeader(header);
  if (!parsed) return fail('malformed', `The ${headerName} header is malformed: expected t=<unix seconds>,v1=<64 hex characters>.`);
  // Checked before the HMAC: a replayed request is refused however good its signature.
  if (Math.abs(now.getTime() / 1000 - parsed.t) > SIGNATURE_TOLERANCE_SECONDS) {
    return fail('outside-tolerance', `The ${headerName} timestamp is outside the 5-minute tolerance (replay protection): sign each request with the current time.`);
  }
  const current = secrets.filter((secret) => isSecretCurrent(secret, now));
  if (current.length === 0) {
    return fail('no-current-secret', 'This connector has no current signing secret; an administrator must rotate one (npm run connector -- rotate --secret).');
  }
  // Every pair is compared (no early exit), so timing does not tell which secret matched.
  let matched: SigningSecret | undefined;
  for (const secret of current) {
    const expected = Buffer.from(computeSignature(secret.secret, parsed.t, rawBody), 'hex');
    for (const candidate of parsed.signatures) {
      if (timingSafeEqual(expected, candidate) && !matched) matched = secret;
    }
  }
  if (!matched) return fail('mismatch', `No ${headerName} v1 value matches the raw body signed with a current signing secret of this connector.`);
  return { ok: true, secret: matched };
}

function fail(failure: SignatureFailure, detail: string): SignatureCheck {
  return { ok: false, failure, detail };
}
