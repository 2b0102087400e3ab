// How a connector is shown to people and the admin API: everything but credentials. The
// token appears as its display prefix, secrets as fingerprints with their state.
import type { Prisma } from '../../db/client.ts';
import type { SystemKind } from '../../db/generated/enums.ts';

export type SecretState = 'current' | 'scheduled' | 'expired' | 'revoked';

export interface ConnectorSecretView {
  id: string;
  fingerprint: string;
  state: SecretState;
  activeFrom: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

// A type (not an interface) so route handlers can return it as JSON (Record<string, unknown>).
export type ConnectorView = {
  id: string;
  code: string;
  name: string;
  kind: SystemKind;
  sources: string[];
  endpoint: string | null;
  active: boolean;
  ingestRateLimitPerMinute: number | null;
  tokenPrefix: string | null;
  /** While a token rotation's overlap lasts, the old token works until then. */
  previousTokenValidUntil: Date | null;
  /** True while the connector has an unrevoked signing secret: requests must be signed. */
  requiresSignature: boolean;
  activeSecretCount: number;
  secrets: ConnectorSecretView[];
  lastEventAt: Date | null;
  lastDeliveryAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const connectorViewSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  sources: true,
  endpoint: true,
  active: true,
  ingestRateLimitPerMinute: true,
  tokenPrefix: true,
  previousTokenExpiresAt: true,
  lastEventAt: true,
  lastDeliveryAt: true,
  createdAt: true,
  updatedAt: true,
  secrets: {
    where: { purpose: 'INBOUND_SIGNING' },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { id: true, fingerprint: true, activeFrom: true, expiresAt: true, revokedAt: true, createdAt: true },
  },
} satisfies Prisma.ConnectorSelect;

type Row = {
  previousTokenExpiresAt: Date | null;
  secrets: Omit<ConnectorSecretView, 'state'>[];
} & Omit<ConnectorView, 'previousTokenValidUntil' | 'requiresSignature' | 'activeSecretCount' | 'secrets'>;

export function secretState(secret: { activeFrom: Date; expiresAt: Date | null; revokedAt: Date | null }, now: Date): SecretState {
  if (secret.revokedAt) return 'revoked';
  if (secret.expiresAt && secret.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (secret.activeFrom.getTime() > now.getTime()) return 'scheduled';
  return 'current';
}

export function toConnectorView(row: Row, now: Date): ConnectorView {
  const { previousTokenExpiresAt, secrets, ...rest } = row;
  const views = secrets.map((secret) => ({ ...secret, state: secretState(secret, now) }));
  return {
    ...rest,
    previousTokenValidUntil: previousTokenExpiresAt && previousTokenExpiresAt.getTime() > now.getTime() ? previousTokenExpiresAt : null,
    requiresSignature: views.some((s) => s.state !== 'revoked'),
    activeSecretCount: views.filter((s) => s.state === 'current').length,
    secrets: views,
  };
}
