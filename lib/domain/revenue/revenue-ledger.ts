// What the ledger already says, unit by unit, and the one way new amounts become entries:
// each unit's history continues its sequence (the idempotency key), the posting period
// comes from the books (a closed month rolls forward to the next open one, flagged late),
// and each schedule's cumulative amount continues from what is posted.
import { dec, ZERO, type Decimal } from '../money/decimal.ts';
import { firstDayOfMonth, lastDayOfMonth, type IsoDate, type YearMonth } from '../periods/calendar-date.ts';
import { postingPeriod, type AccountingPeriodInput } from '../periods/posting-period.ts';
import { parseRevenueKey, revenueKey, unitId } from './revenue-key.ts';
import {
  TREATMENT_OF_UNIT,
  type PlannedRevenueEntry,
  type PocExplanation,
  type PostedRevenueEntry,
  type RevenueEntryKind,
  type RevenueFlag,
  type RevenueTreatment,
  type RevenueUnit,
  type RevenueUnitType,
} from './revenue-types.ts';

export interface LedgerEntry {
  id: string;
  kind: RevenueEntryKind;
  sequence: number;
  amount: Decimal;
  /** The period the amount belongs to: originalPeriod when it was posted late. */
  belongsTo: YearMonth;
  reversesEntryId: string | null;
  invoiceId: string | null;
}

export interface UnitHistory {
  unit: RevenueUnit;
  /** In sequence order. */
  entries: LedgerEntry[];
  net: Decimal;
  nextSequence: number;
  /** Recognitions and adjustments that no reversal points at. */
  active: LedgerEntry[];
  latestPeriod: YearMonth;
  /** An invoice void or credit note reversed it and nothing has been recognised since. */
  heldByInvoice: boolean;
}

export interface Ledger {
  units: Map<string, UnitHistory>;
  totals: Map<RevenueTreatment, Decimal>;
}

export function readLedger(engagementId: string, posted: readonly PostedRevenueEntry[]): Ledger {
  const grouped = new Map<string, { unit: RevenueUnit; entries: LedgerEntry[] }>();
  const totals = new Map<RevenueTreatment, Decimal>();
  for (const row of posted) {
    const key = parseRevenueKey(row.idempotencyKey);
    // An entry the core cannot place would be invisible to the diff and recognised twice.
    if (!key) throw new RangeError(`Revenue entry ${row.id} has a key the revenue core did not write: ${row.idempotencyKey}`);
    if (key.engagementId !== engagementId) throw new RangeError(`Revenue entry ${row.id} belongs to engagement ${key.engagementId}, not ${engagementId}`);
    const entry: LedgerEntry = {
      id: row.id,
      kind: row.kind,
      sequence: key.sequence,
      amount: dec(row.amount),
      belongsTo: row.originalPeriod ?? row.period,
      reversesEntryId: row.reversesEntryId ?? null,
      invoiceId: row.invoiceId ?? null,
    };
    const id = unitId(key.unit);
    const group = grouped.get(id) ?? { unit: key.unit, entries: [] };
    group.entries.push(entry);
    grouped.set(id, group);
    const treatment = TREATMENT_OF_UNIT[key.unit.type];
    totals.set(treatment, (totals.get(treatment) ?? ZERO).plus(entry.amount));
  }
  const units = new Map<string, UnitHistory>();
  for (const [id, { unit, entries }] of grouped) units.set(id, history(unit, entries));
  return { units, totals };
}

function history(unit: RevenueUnit, unsorted: LedgerEntry[]): UnitHistory {
  const entries = [...unsorted].sort((a, b) => a.sequence - b.sequence);
  const reversed = new Set(entries.map((e) => e.reversesEntryId).filter((id): id is string => id !== null));
  const lastInvoiceReversal = entries.findLastIndex((e) => e.kind === 'REVERSAL' && e.invoiceId !== null);
  const recognisedSince = entries.slice(lastInvoiceReversal + 1).some((e) => e.kind !== 'REVERSAL');
  return {
    unit,
    entries,
    net: entries.reduce((total, e) => total.plus(e.amount), ZERO),
    nextSequence: (entries.at(-1)?.sequence ?? 0) + 1,
    active: entries.filter((e) => e.kind !== 'REVERSAL' && !reversed.has(e.id)),
    latestPeriod: entries.map((e) => e.belongsTo).sort().at(-1)!,
    heldByInvoice: lastInvoiceReversal >= 0 && !recognisedSince,
  };
}

/** An amount to post for a unit, before the books and the ledger give it its key and period. */
export interface EntryDraft {
  unit: RevenueUnit;
  kind: RevenueEntryKind;
  amount: Decimal;
  belongsTo: YearMonth;
  eligibleOn: IsoDate | null;
  reversesEntryId: string | null;
  invoiceId: string | null;
  poc: PocExplanation | null;
}

const UNIT_ORDER: readonly RevenueUnitType[] = ['POC', 'TIME', 'EXPENSE', 'FEE', 'OVERAGE'];

/**
 * Turns drafts into entries in a deterministic order (posting period, own period, unit).
 * A draft whose month has no books row, or no open month after it, is left out and
 * flagged: its unit is still out of balance, so the next run proposes it again.
 */
export function finalizeEntries(options: {
  engagementId: string;
  currency: string;
  /** recognitionDate is this date, or the last day of the entry's own period when earlier. */
  asOf: IsoDate;
  drafts: readonly EntryDraft[];
  ledger: Ledger;
  periods: readonly AccountingPeriodInput[];
}): { entries: PlannedRevenueEntry[]; flags: RevenueFlag[] } {
  const { engagementId, currency, asOf, ledger } = options;
  const flags: RevenueFlag[] = [];
  const placed: { draft: EntryDraft; index: number; period: YearMonth; late: boolean }[] = [];
  options.drafts.forEach((draft, index) => {
    const posting = postingPeriod(firstDayOfMonth(draft.belongsTo), options.periods);
    if (!posting.ok) {
      if (!flags.some((f) => f.code === posting.code && 'unit' in f && unitId(f.unit) === unitId(draft.unit))) {
        flags.push({ code: posting.code, period: posting.originalPeriod, unit: draft.unit });
      }
      return;
    }
    placed.push({ draft, index, period: posting.period, late: posting.late });
  });
  placed.sort(
    (a, b) =>
      compare(a.period, b.period) ||
      compare(a.draft.belongsTo, b.draft.belongsTo) ||
      UNIT_ORDER.indexOf(a.draft.unit.type) - UNIT_ORDER.indexOf(b.draft.unit.type) ||
      compare(a.draft.unit.ref, b.draft.unit.ref) ||
      a.index - b.index,
  );

  const sequences = new Map<string, number>();
  const cumulative = new Map(ledger.totals);
  const entries = placed.map(({ draft, period, late }): PlannedRevenueEntry => {
    const id = unitId(draft.unit);
    const sequence = sequences.get(id) ?? ledger.units.get(id)?.nextSequence ?? 1;
    sequences.set(id, sequence + 1);
    const treatment = TREATMENT_OF_UNIT[draft.unit.type];
    const total = (cumulative.get(treatment) ?? ZERO).plus(draft.amount);
    cumulative.set(treatment, total);
    const periodEnd = lastDayOfMonth(draft.belongsTo);
    return {
      idempotencyKey: revenueKey({ engagementId, unit: draft.unit, sequence }),
      engagementId,
      treatment,
      unit: draft.unit,
      // A late amount adjusts the period it lands in (the schema's "late item" ADJUSTMENT).
      kind: late && draft.kind === 'RECOGNITION' ? 'ADJUSTMENT' : draft.kind,
      period,
      late,
      originalPeriod: late ? draft.belongsTo : null,
      recognitionDate: periodEnd < asOf ? periodEnd : asOf,
      amount: draft.amount,
      cumulativeAmount: total,
      currency,
      eligibleOn: draft.eligibleOn,
      reversesEntryId: draft.reversesEntryId,
      invoiceId: draft.invoiceId,
      poc: draft.poc,
    };
  });
  return { entries, flags };
}

export function laterPeriod(...periods: (YearMonth | null | undefined)[]): YearMonth {
  const known = periods.filter((p): p is YearMonth => !!p).sort();
  if (known.length === 0) throw new RangeError('laterPeriod needs at least one period');
  return known.at(-1)!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
