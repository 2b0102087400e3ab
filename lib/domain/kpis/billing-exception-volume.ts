// Billing exception volume (DESIGN.md §10): exceptions that hold up or endanger an invoice,
// raised in the period (firstSeenAt), with their repeats and financial impact (USD, as the
// queue stores it), plus how many of them are still open now — by code and in total.
import type { ExceptionCode, ExceptionStatus } from '../../db/generated/enums.ts';
import { ZERO, dec, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { roundGroup } from './group-currency-conversion.ts';
import { assertPeriod, inPeriod, type Period } from './kpi-period.ts';

/** The codes that stop time, milestones or usage from becoming a posted invoice. */
export const BILLING_EXCEPTION_CODES: readonly ExceptionCode[] = [
  'RATE_CARD_MISSING',
  'MILESTONE_MISSING_EVIDENCE',
  'UNKNOWN_MILESTONE',
  'TIME_FOR_UNKNOWN_ENGAGEMENT',
  'MISSING_TAX_PROFILE',
  'TAX_ENGINE_UNAVAILABLE',
  'UNBILLED_APPROVED_TIME',
  'INVOICE_NOT_CONFIRMED',
];

export interface ExceptionRow {
  code: ExceptionCode;
  status: ExceptionStatus;
  firstSeenAt: Date;
  occurrences: number;
  /** Group currency (Exception.financialImpact). */
  financialImpact: DecimalInput;
}

export interface ExceptionVolume {
  raised: number;
  occurrences: number;
  stillOpen: number;
  financialImpact: Decimal;
}

export function billingExceptionVolume(options: { exceptions: readonly ExceptionRow[]; period: Period; codes?: readonly ExceptionCode[] }): ExceptionVolume & { byCode: ({ code: ExceptionCode } & ExceptionVolume)[] } {
  const { exceptions, period, codes = BILLING_EXCEPTION_CODES } = options;
  assertPeriod(period);
  const byCode = new Map(codes.map((code) => [code, { raised: 0, occurrences: 0, stillOpen: 0, financialImpact: ZERO }]));
  for (const exception of exceptions) {
    const volume = byCode.get(exception.code);
    if (!volume || !inPeriod(exception.firstSeenAt, period)) continue;
    volume.raised++;
    volume.occurrences += exception.occurrences;
    if (exception.status === 'OPEN' || exception.status === 'ASSIGNED') volume.stillOpen++;
    volume.financialImpact = volume.financialImpact.plus(dec(exception.financialImpact));
  }
  const list = [...byCode.entries()].map(([code, volume]) => ({ code, ...volume, financialImpact: roundGroup(volume.financialImpact) }));
  return {
    raised: list.reduce((n, v) => n + v.raised, 0),
    occurrences: list.reduce((n, v) => n + v.occurrences, 0),
    stillOpen: list.reduce((n, v) => n + v.stillOpen, 0),
    financialImpact: list.reduce((a, v) => a.plus(v.financialImpact), ZERO),
    byCode: list,
  };
}
