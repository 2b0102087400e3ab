// A voided invoice or a credit note reverses the revenue tied to its sources (DESIGN.md §6
// "Reversals"): one REVERSAL per standing entry of each source, pointing at it
// (reversesEntryId) and at the invoice. Only revenue that follows the source can be tied to
// an invoice — approved time, billable expenses, a month's overage. Percentage-of-completion
// revenue (milestones) and the retainer fee are earned by progress and by time passing,
// not by billing, so a void leaves them alone: the difference shows up as unbilled
// receivable instead. A source reversed here is held — the revenue run will not recognise
// it again until the source is billed again (its new invoice's date) — because revenue
// whose billing was withdrawn is in doubt until the firm bills it again.
//
// The reversal covers the whole of each source's revenue (a void, or a credit note that
// credits its lines in full, which makes the sources billable again). A partial credit — a
// price concession or deduction — is not a reversal of a source and is not handled here.
import type { InvoiceLineSourceKind } from '../../db/generated/enums.ts';
import { isIsoDate, isYearMonth, yearMonthOf, type IsoDate, type YearMonth } from '../periods/calendar-date.ts';
import type { AccountingPeriodInput } from '../periods/posting-period.ts';
import { finalizeEntries, laterPeriod, readLedger, type EntryDraft } from './revenue-ledger.ts';
import { unitId } from './revenue-key.ts';
import type { PlannedRevenueEntry, PostedRevenueEntry, RevenueFlag, RevenueUnit } from './revenue-types.ts';

/** An InvoiceLineSource of the voided invoice, or of the lines a credit note credits. */
export interface InvoiceRevenueSource {
  kind: InvoiceLineSourceKind;
  /** The time transaction, expense, usage record, milestone or billing plan. */
  id: string;
  /** InvoiceLineSource.periodKey: the usage (or retainer) month; required for USAGE_RECORD. */
  periodKey?: YearMonth | null;
}

export type NotReversedReason =
  /** Milestones (POC) and retainer fees: revenue does not follow billing. */
  | 'NOT_TIED_TO_BILLING'
  /** A TIME_REVERSAL line: its time's revenue already followed the resubmitted timesheet. */
  | 'FOLLOWS_TIMESHEET'
  /** Nothing standing for the source: not yet recognised, or already reversed. */
  | 'NOTHING_RECOGNIZED';

export interface RevenueReversal {
  entries: PlannedRevenueEntry[];
  notReversed: { source: InvoiceRevenueSource; reason: NotReversedReason }[];
  flags: RevenueFlag[];
}

export function reverseRevenue(options: {
  engagementId: string;
  currency: string;
  invoiceId: string;
  /** The date of the void or of the credit note. */
  on: IsoDate;
  sources: readonly InvoiceRevenueSource[];
  /** Every RevenueEntry of the engagement. */
  posted: readonly PostedRevenueEntry[];
  periods: readonly AccountingPeriodInput[];
}): RevenueReversal {
  const { engagementId, invoiceId, on } = options;
  if (!isIsoDate(on)) throw new RangeError(`on must be a date (YYYY-MM-DD), got ${on}`);
  if (!invoiceId) throw new RangeError('A reversal needs the invoice that caused it');
  const ledger = readLedger(engagementId, options.posted);
  const notReversed: RevenueReversal['notReversed'] = [];
  const drafts: EntryDraft[] = [];
  const seen = new Set<string>();

  for (const source of options.sources) {
    const unit = unitOf(source);
    if (typeof unit === 'string') {
      notReversed.push({ source, reason: unit });
      continue;
    }
    // Several usage records of one month are one overage unit: reverse it once.
    if (seen.has(unitId(unit))) continue;
    seen.add(unitId(unit));
    const history = ledger.units.get(unitId(unit));
    if (!history || history.active.length === 0) {
      notReversed.push({ source, reason: 'NOTHING_RECOGNIZED' });
      continue;
    }
    const belongsTo = laterPeriod(yearMonthOf(on), history.latestPeriod);
    for (const entry of history.active) {
      drafts.push({ unit, kind: 'REVERSAL', amount: entry.amount.negated(), belongsTo, eligibleOn: null, reversesEntryId: entry.id, invoiceId, poc: null });
    }
  }
  const { entries, flags } = finalizeEntries({ engagementId, currency: options.currency, asOf: on, drafts, ledger, periods: options.periods });
  return { entries, notReversed, flags };
}

function unitOf(source: InvoiceRevenueSource): RevenueUnit | NotReversedReason {
  switch (source.kind) {
    case 'TIME_TRANSACTION':
      return { type: 'TIME', ref: source.id };
    case 'EXPENSE':
      return { type: 'EXPENSE', ref: source.id };
    case 'USAGE_RECORD':
      if (!source.periodKey || !isYearMonth(source.periodKey)) throw new RangeError(`Usage record ${source.id} needs its month (periodKey) to find its overage revenue`);
      return { type: 'OVERAGE', ref: source.periodKey };
    case 'TIME_REVERSAL':
      return 'FOLLOWS_TIMESHEET';
    case 'MILESTONE':
    case 'RETAINER_FEE':
      return 'NOT_TIED_TO_BILLING';
  }
}
