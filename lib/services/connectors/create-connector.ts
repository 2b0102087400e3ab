// Registers a connected system: its code, kind, the CloudEvents sources it may send, and
// its credentials. The bearer token and the signing secret are returned here, once;
// Threadline keeps only the token's SHA-256 and the secret encrypted.
import { db } from '../../db/client.ts';
import type { SystemKind } from '../../db/generated/enums.ts';
import { generateConnectorToken } from '../../ingest/auth/connector-credentials.ts';
import { forgetConnectorCredentials } from '../../ingest/auth/credential-cache.ts';
import { auditConnectorChange, connectorSnapshot, type ConnectorActor } from './connector-audit.ts';
import { connectorConflict, sourcesTaken } from './connector-conflicts.ts';
import { createConnectorSchema, parseConnectorInput, type CreateConnectorInput } from './connector-rules.ts';
import { addSigningSecret } from './signing-secret-rows.ts';

export interface CreatedConnector {
  id: string;
  code: string;
  name: string;
  kind: SystemKind;
  sources: string[];
  endpoint: string | null;
  ingestRateLimitPerMinute: number | null;
  tokenPrefix: string;
  secretFingerprint: string | null;
  createdAt: Date;
  /** The bearer token; shown once. */
  token: string;
  /** The signing secret (null when created without one); shown once. */
  signingSecret: string | null;
}

export async function createConnector(options: CreateConnectorInput & { actor: ConnectorActor; now?: Date }): Promise<CreatedConnector> {
  const { actor, now = new Date(), ...input } = options;
  const registration = parseConnectorInput(createConnectorSchema, input);
  const { token, tokenHash, displayPrefix } = generateConnectorToken();

  try {
    const created = await db().$transaction(async (tx) => {
      // For the message only: the trigger on Connector.sources is what guarantees it.
      const owners = await tx.connector.findMany({ where: { sources: { hasSome: registration.sources } }, select: { code: true, sources: true } });
      if (owners.length > 0) {
        throw sourcesTaken(owners.flatMap((o) => o.sources.filter((s) => registration.sources.includes(s)).map((source) => ({ source, code: o.code }))));
      }
      const { withSigningSecret, ...fields } = registration;
      const row = await tx.connector.create({ data: { ...fields, tokenHash, tokenPrefix: displayPrefix, createdAt: now, updatedAt: now } });
      const secret = withSigningSecret ? await addSigningSecret(tx, { connectorId: row.id, now }) : null;
      await auditConnectorChange(tx, {
        actor,
        connectorId: row.id,
        action: 'connector.created',
        before: null,
        after: { ...connectorSnapshot(row), secretFingerprints: secret ? [secret.fingerprint] : [] },
        at: now,
      });
      return { row, secret };
    });
    forgetConnectorCredentials();
    const { row, secret } = created;
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      sources: row.sources,
      endpoint: row.endpoint,
      ingestRateLimitPerMinute: row.ingestRateLimitPerMinute,
      tokenPrefix: displayPrefix,
      secretFingerprint: secret?.fingerprint ?? null,
      createdAt: row.createdAt,
      token,
      signingSecret: secret?.signingSecret ?? null,
    };
  } catch (error) {
    throw connectorConflict(error, registration.code);
  }
}
