// Who is sending events: a registered connector, resolved from its bearer token. The
// ingest route checks each event's `source` against `sources` and, when
// `requiresSignature`, the Threadline-Signature header (verify-signature.ts).
import type { SystemKind } from '../../db/generated/enums.ts';

export interface ConnectorPrincipal {
  id: string;
  code: string;
  name: string;
  kind: SystemKind;
  sources: string[];
  ingestRateLimitPerMinute: number | null;
  /** True while the connector has an inbound signing secret that is not revoked. */
  requiresSignature: boolean;
}
