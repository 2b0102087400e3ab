// Which exceptions can be fixed by a choice in the console (issue 6), and what the choice
// is about, read from the exception's code and details. Pure: the service validates the
// choice against the reference data and writes it; the workflow reads it on replay.
//   UNMAPPED_SERVICE_SKU   each sender SKU → a catalog item (FieldMapping INBOUND VALUE "sku")
//   INVALID_LEGAL_ENTITY   the sender's legal entity code → ours (FieldMapping INBOUND VALUE "code")
//   CLIENT_NOT_MASTERED    the sender's unknown (parent) client id → an existing client (id crosswalk)
// Other codes are fixed in the owning system (or need judgement), then replayed.
import type { ExceptionCode } from '../../db/generated/enums.ts';

export type InlineFixKind = 'service-sku' | 'legal-entity' | 'client-link';

export interface InlineFix {
  kind: InlineFixKind;
  /** The sender's code (Connector.code) the mapping belongs to; null when the details do not say (the service asks the linked events). */
  system: string | null;
  /** The sender's values that need a canonical counterpart, each chosen once. */
  externalValues: string[];
}

export const inlineFixLabels: Record<InlineFixKind, { title: string; choose: string }> = {
  'service-sku': { title: 'Map the SKU to a catalog item', choose: 'Catalog item for' },
  'legal-entity': { title: 'Pick the legal entity', choose: 'Legal entity for' },
  'client-link': { title: 'Link the client', choose: 'Existing client for' },
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

export function inlineFixFor(code: ExceptionCode, details: unknown): InlineFix | null {
  const d = details !== null && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  const system = text(d.system);
  const one = (kind: InlineFixKind, value: string | null): InlineFix | null => (value ? { kind, system, externalValues: [value] } : null);
  switch (code) {
    case 'UNMAPPED_SERVICE_SKU': {
      const skus = Array.isArray(d.unmappedSkus) ? [...new Set(d.unmappedSkus.map(text).filter((s): s is string => s !== null))] : [];
      return skus.length ? { kind: 'service-sku', system, externalValues: skus } : null;
    }
    case 'INVALID_LEGAL_ENTITY':
      return one('legal-entity', text(d.legalEntityCode) ?? text(d.billToLegalEntityCode));
    case 'CLIENT_NOT_MASTERED':
      // A crosswalk conflict (the id is linked to another client) is not a choice: someone must untangle it.
      if (d.reason === 'EXTERNAL_REF_CONFLICT') return null;
      return one('client-link', text(d.parentExternalId) ?? text(d.clientExternalId) ?? text(d.externalId));
    default:
      return null;
  }
}
