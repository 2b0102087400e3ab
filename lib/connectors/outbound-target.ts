// Where and as whom Threadline calls a connected system: the connector's configured
// endpoint (the only URL allowed, DESIGN.md §6) and its current OUTBOUND_TOKEN. Read at
// each call, so that a fix by an administrator takes effect on the next retry.
import { applicationSecretKey } from '../crypto/application-key.ts';
import { decryptSecret } from '../crypto/secret-box.ts';
import { db, type Prisma } from '../db/client.ts';
import type { SystemKind } from '../db/generated/enums.ts';

export interface OutboundTarget {
  connectorId: string;
  code: string;
  kind: SystemKind;
  /** Always http(s), with a trailing slash so that relative paths stay under it. */
  baseUrl: URL;
  token: string;
  /** May its endpoint resolve to a private or loopback address (Connector.outboundAllowPrivate)? */
  allowPrivate: boolean;
}

export type OutboundTargetProblem = 'no-connector' | 'inactive' | 'no-endpoint' | 'bad-endpoint' | 'no-token' | 'unreadable-token';

export class OutboundTargetError extends Error {
  constructor(
    readonly problem: OutboundTargetProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundTargetError';
  }
}

export async function loadOutboundTarget(options: { tx?: Prisma.TransactionClient; code: string; kind?: SystemKind; now: Date }): Promise<OutboundTarget> {
  const { code, now } = options;
  const client = options.tx ?? db();
  const connector = await client.connector.findUnique({
    where: { code },
    select: {
      id: true,
      kind: true,
      active: true,
      endpoint: true,
      outboundAllowPrivate: true,
      secrets: {
        where: { purpose: 'OUTBOUND_TOKEN', revokedAt: null, activeFrom: { lte: now }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        orderBy: { activeFrom: 'desc' },
        take: 1,
        select: { encryptedSecret: true },
      },
    },
  });
  if (!connector || (options.kind && connector.kind !== options.kind)) {
    throw new OutboundTargetError('no-connector', `There is no ${options.kind ? `${options.kind} connector` : 'connector'} ${code}.`);
  }
  if (!connector.active) throw new OutboundTargetError('inactive', `Connector ${code} is inactive.`);
  if (!connector.endpoint) throw new OutboundTargetError('no-endpoint', `Connector ${code} has no endpoint configured.`);
  const baseUrl = httpBaseUrl(connector.endpoint);
  if (!baseUrl) throw new OutboundTargetError('bad-endpoint', `Connector ${code}'s endpoint is not an absolute http(s) URL; Threadline calls no other scheme.`);
  const sealed = connector.secrets[0]?.encryptedSecret;
  if (!sealed) throw new OutboundTargetError('no-token', `Connector ${code} has no current outbound token.`);
  let token: string;
  try {
    token = decryptSecret(sealed, applicationSecretKey());
  } catch {
    throw new OutboundTargetError('unreadable-token', `Connector ${code}'s outbound token cannot be decrypted with this server's secret key.`);
  }
  return { connectorId: connector.id, code, kind: connector.kind, baseUrl, token, allowPrivate: connector.outboundAllowPrivate };
}

function httpBaseUrl(endpoint: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return undefined;
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
