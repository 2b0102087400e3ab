// Maps camt entries to q2c.payment.received.v1 CloudEvents (pure). Each booked credit entry
// (CdtDbtInd=CRDT, not a reversal) is one payment; debits are counted and skipped. The event
// id is the bank's reference, so importing the same statement again adds nothing: the
// account servicer's reference, else the UETR, else the EndToEndId, else the statement id
// and the entry's place in it (stable for the same file).
import type { CamtEntry } from './parse-camt-xml.ts';

export type CamtMapping = { kind: 'event'; event: Record<string, unknown> } | { kind: 'skipped'; entry: CamtEntry; reason: 'debit' | 'reversal' | 'not-booked' };

export function bankReferenceOf(entry: CamtEntry): string {
  if (entry.accountServicerRef) return `acctsvcr:${entry.accountServicerRef}`;
  if (entry.uetr) return `uetr:${entry.uetr.toLowerCase()}`;
  if (entry.endToEndId) return `e2e:${entry.account ?? ''}:${entry.endToEndId}`;
  return `stmt:${entry.recordId}:${entry.index + 1}`;
}

/**
 * What the credit says it pays: the structured references (creditor reference, referred
 * document numbers); without any, a free-text block that is one token with a digit
 * ("INV-1001") is taken as a reference, since payers often type just the invoice number
 * there. Other free text
 * stays text: guessing numbers inside sentences would apply cash to the wrong invoice.
 */
export function remittanceReferencesOf(entry: Pick<CamtEntry, 'references' | 'unstructured'>): string[] {
  if (entry.references.length > 0) return entry.references;
  return entry.unstructured.filter((text) => /^(?=\S*\d)\S{1,35}$/.test(text));
}

/** 2015-01-02 → 2015-01-02T00:00:00Z; a date-time is kept as sent. */
const toTimestamp = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);

export function mapCamtEntry(entry: CamtEntry, source: string, importedAt: Date): CamtMapping {
  if (entry.creditDebit !== 'CRDT') return { kind: 'skipped', entry, reason: 'debit' };
  if (entry.reversal) return { kind: 'skipped', entry, reason: 'reversal' };
  if (entry.status !== null && entry.status !== 'BOOK') return { kind: 'skipped', entry, reason: 'not-booked' };

  const id = bankReferenceOf(entry);
  const amount = entry.amount; // exact, as the bank wrote it (validated by the parser)
  const when = entry.valueDate ?? entry.bookingDate;
  const receivedAt = when ? toTimestamp(when) : importedAt.toISOString();
  // One reference: it names what the whole credit pays. Several: the split is unknown, so
  // they travel as references for cash application to judge, not as remittance lines.
  const references = remittanceReferencesOf(entry);
  const remittance = references.length === 1 ? [{ invoiceNumber: references[0], amount }] : undefined;
  return {
    kind: 'event',
    event: {
      specversion: '1.0',
      id,
      source,
      type: 'q2c.payment.received.v1',
      subject: id,
      time: receivedAt,
      data: {
        paymentId: id,
        amount,
        currency: entry.currency,
        payer: entry.payerName ? { name: entry.payerName } : {},
        ...(remittance ? { remittance } : {}),
        ...(references.length > 1 ? { remittanceReferences: references } : {}),
        ...(entry.unstructured.length > 0 ? { remittanceText: entry.unstructured.join(' ') } : {}),
        receivedAt,
        bankAccount: entry.account,
      },
    },
  };
}
