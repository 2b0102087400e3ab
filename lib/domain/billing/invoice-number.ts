// Invoice numbers: '<LEGAL_ENTITY>-<YYYY>-<6-digit sequence>' (US01-2026-000042), credit
// notes in their own 'CN-' series (CN-US01-2026-000007). The sequence is per legal entity,
// kind and year (InvoiceNumberSequence.series 'INV-2026' / 'CN-2026'), so it restarts at 1
// each year and stays gap-free: the issuing transaction locks the row, takes nextNumber,
// writes the invoice and stores the incremented value — this file only does the arithmetic.
import type { InvoiceKind } from '../../db/generated/enums.ts';
import type { IsoDate } from '../periods/calendar-date.ts';

const PADDING = 6;
const MAX_SEQUENCE = 10 ** PADDING - 1;
const LEGAL_ENTITY_CODE = /^[A-Z0-9]{2,10}$/;
const NUMBER_PATTERN = /^(CN-)?([A-Z0-9]{2,10})-(\d{4})-(\d{6})$/;

export interface InvoiceNumberParts {
  kind: InvoiceKind;
  legalEntityCode: string;
  year: number;
  sequence: number;
}

/** The InvoiceNumberSequence.series of a kind and year. */
export function invoiceNumberSeries(options: { kind: InvoiceKind; year: number }): string {
  return `${options.kind === 'CREDIT_NOTE' ? 'CN' : 'INV'}-${options.year}`;
}

export function formatInvoiceNumber(parts: InvoiceNumberParts): string {
  const { kind, legalEntityCode, year, sequence } = parts;
  if (!LEGAL_ENTITY_CODE.test(legalEntityCode)) throw new RangeError(`Not a legal entity code: ${legalEntityCode}`);
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a four-digit year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`Sequence out of range 1..${MAX_SEQUENCE}: ${sequence}`);
  return `${kind === 'CREDIT_NOTE' ? 'CN-' : ''}${legalEntityCode}-${year}-${String(sequence).padStart(PADDING, '0')}`;
}

export function parseInvoiceNumber(text: string): InvoiceNumberParts | null {
  const match = NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  const sequence = Number(match[4]);
  if (sequence < 1) return null;
  return { kind: match[1] ? 'CREDIT_NOTE' : 'INVOICE', legalEntityCode: match[2] as string, year: Number(match[3]), sequence };
}

export type NextNumberResult =
  | { ok: true; number: string; sequenceNumber: number; series: string; nextNumber: number }
  /** A seventh digit would break the format's promise (sorting, parsing, remittance matching). */
  | { ok: false; code: 'SEQUENCE_EXHAUSTED'; series: string; message: string };

/**
 * The number for an invoice or credit note issued on `issueDate`, from the locked
 * sequence row's nextNumber (1 for a series not yet created), and the value to store back.
 */
export function nextNumber(options: { legalEntityCode: string; kind: InvoiceKind; issueDate: IsoDate; nextNumber: number }): NextNumberResult {
  const year = Number(options.issueDate.slice(0, 4));
  const series = invoiceNumberSeries({ kind: options.kind, year });
  const sequence = options.nextNumber;
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`A sequence's next number is a whole number ≥ 1, got ${sequence}`);
  if (sequence > MAX_SEQUENCE) {
    return { ok: false, code: 'SEQUENCE_EXHAUSTED', series, message: `Series ${series} of ${options.legalEntityCode} has used all ${MAX_SEQUENCE} numbers.` };
  }
  return {
    ok: true,
    number: formatInvoiceNumber({ kind: options.kind, legalEntityCode: options.legalEntityCode, year, sequence }),
    sequenceNumber: sequence,
    series,
    nextNumber: sequence + 1,
  };
}
