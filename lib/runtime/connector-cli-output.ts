// What `npm run connector` prints: plaintext credentials exactly once with a warning to
// store them (the warning on stderr, so --json output stays machine-readable), and the
// list of connectors without credentials.
import type { ConnectorView } from '../queries/connectors/connector-view.ts';
import type { CreatedConnector } from '../services/connectors/create-connector.ts';
import type { RevokedSecret } from '../services/connectors/revoke-connector-secret.ts';
import type { RotatedCredential } from '../services/connectors/rotate-connector.ts';

/** A mistake in the command line (as opposed to a refusal from Threadline). */
export class UsageError extends Error {}

export const usage = `Usage: npm run connector -- <command> [flags] [--json]

  create         --code <code> --name <name> --kind <CRM|PSA|TIME|ERP|HCM|TAX|PAYMENTS|BANK|SERVICE_PLATFORM>
                 --source <CloudEvents source> [--source ...] [--endpoint <http(s) URL>]
                 [--rate-limit <events per minute>] [--no-signing]
  rotate         --code <code> --token | --secret [--overlap-hours <hours, default 24; 0 = at once>]
  revoke-secret  --code <code> --fingerprint <fingerprint or secret id>
  list

Uses DATABASE_URL, or the database of a running \`npm start\` (from .data/dev-credentials.json).
`;

const out = (line = ''): void => void process.stdout.write(line + '\n');
const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

function warnOnce(what: string): void {
  process.stderr.write(`Store the ${what} now: ${what.includes(' and ') ? 'they are' : 'it is'} shown only once. Threadline keeps only a hash of tokens and secrets encrypted.\n`);
}

function until(date: Date | null): string {
  return date ? `until ${date.toISOString()}` : 'no longer';
}

export function printCreated(created: CreatedConnector, asJson: boolean): void {
  if (asJson) json(created);
  else {
    out(`Created connector ${created.code} (${created.kind}; sources ${created.sources.join(', ')}).`);
    out(`  Token           ${created.token}`);
    out(`  Signing secret  ${created.signingSecret ?? '(none: requests are not signed)'}`);
  }
  warnOnce(created.signingSecret ? 'token and the signing secret' : 'token');
}

export function printRotated(rotated: RotatedCredential, asJson: boolean): void {
  if (asJson) json(rotated);
  else if (rotated.what === 'token') {
    out(`New token for ${rotated.code}: ${rotated.token}`);
    out(`The previous token works ${until(rotated.previousValidUntil)}.`);
  } else {
    out(`New signing secret for ${rotated.code}: ${rotated.signingSecret} (fingerprint ${rotated.fingerprint})`);
    out(`The previous secrets verify ${until(rotated.previousValidUntil)}.`);
  }
  warnOnce(rotated.what === 'token' ? 'token' : 'signing secret');
}

export function printRevoked(revoked: RevokedSecret, asJson: boolean): void {
  if (asJson) return json(revoked);
  out(`Revoked signing secret ${revoked.fingerprint} of ${revoked.code} (at ${revoked.revokedAt.toISOString()}).`);
  if (revoked.remaining === 0) out(`${revoked.code} has no signing secret left: its requests are no longer signature-checked.`);
}

export function printConnectors(connectors: ConnectorView[], asJson: boolean): void {
  if (asJson) return json({ connectors });
  if (connectors.length === 0) return out('No connectors yet: npm run connector -- create --help');
  for (const c of connectors) {
    const secrets = c.secrets.filter((s) => s.state === 'current').map((s) => s.fingerprint + (s.expiresAt ? ` (until ${s.expiresAt.toISOString()})` : ''));
    out(`${c.code}  ${c.kind}${c.active ? '' : '  INACTIVE'}  ${c.name}`);
    out(`  sources  ${c.sources.join(', ')}`);
    out(`  token    ${c.tokenPrefix ?? '?'}…${c.previousTokenValidUntil ? `  (previous token works until ${c.previousTokenValidUntil.toISOString()})` : ''}`);
    out(`  signing  ${c.requiresSignature ? (secrets.length > 0 ? secrets.join(', ') : 'required, but no current secret') : 'off'}`);
    out(`  last event ${c.lastEventAt?.toISOString() ?? 'never'}${c.endpoint ? `   endpoint ${c.endpoint}` : ''}`);
  }
}
