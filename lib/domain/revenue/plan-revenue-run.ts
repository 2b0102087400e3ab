// The revenue run for one engagement (POST /api/v1/revenue/runs {asOf}): what to post now
// so that the ledger holds, unit by unit, what the facts say is earned through asOf.
// It is a difference, not a replay: each unit's target minus what its entries already add
// up to. Posting the plan and planning again with the same facts gives nothing — the run
// is repeatable — and the entries' keys make two racing runs collide in the database.
//
// Which kind an amount is: RECOGNITION when the unit has nothing standing (first time, or
// everything before was reversed); ADJUSTMENT when it corrects standing entries (late
// usage, the rest of a month's fee, a restated POC month), for the catch-up of a value or
// estimate change (split from the month's progress), and for anything posted late;
// REVERSAL, entry by entry, when a source stopped earning revenue (superseded or rejected
// time, a month taken out of the term).
// An amount belongs to its unit's period, never to one before the unit's latest entry;
// a closed period sends it to the next open one, flagged late.
import { ZERO } from '../money/decimal.ts';
import { isIsoDate, yearMonthOf, type IsoDate } from '../periods/calendar-date.ts';
import type { AccountingPeriodInput } from '../periods/posting-period.ts';
import { finalizeEntries, laterPeriod, readLedger, type EntryDraft, type Ledger } from './revenue-ledger.ts';
import { unitId } from './revenue-key.ts';
import { buildRevenueSchedule, type RevenueFacts } from './revenue-schedule.ts';
import type { PlannedRevenueEntry, PostedRevenueEntry, RevenueFlag, RevenueTarget } from './revenue-types.ts';

export interface PlanRevenueRunOptions {
  asOf: IsoDate;
  facts: RevenueFacts;
  /** Every RevenueEntry of the engagement, all schedules. */
  posted: readonly PostedRevenueEntry[];
  /** The legal entity's AccountingPeriod rows (any order); months without a row are flagged, not posted. */
  periods: readonly AccountingPeriodInput[];
  /** The latest asOf already run for the engagement (RevenueSchedule.recognizedThrough). */
  recognizedThrough?: IsoDate | null;
}

export interface RevenueRunPlan {
  entries: PlannedRevenueEntry[];
  flags: RevenueFlag[];
}

export function planRevenueRun(options: PlanRevenueRunOptions): RevenueRunPlan {
  const { asOf, facts } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date (YYYY-MM-DD), got ${asOf}`);
  const recognizedThrough = options.recognizedThrough ?? null;
  // Measured at an earlier date, targets would be lower and the plan would undo revenue
  // that was rightly recognised later; everything through that date is already in.
  if (recognizedThrough !== null && asOf < recognizedThrough) return { entries: [], flags: [{ code: 'AS_OF_BEFORE_LAST_RUN', recognizedThrough }] };

  const schedule = buildRevenueSchedule({ asOf, facts });
  const ledger = readLedger(facts.engagementId, options.posted);
  const drafts = schedule.targets.flatMap((target) => draftsFor(target, ledger, asOf));
  const { entries, flags } = finalizeEntries({ engagementId: facts.engagementId, currency: facts.currency, asOf, drafts, ledger, periods: options.periods });
  return { entries, flags: [...schedule.flags, ...flags] };
}

// Units with entries but no target (a source no longer in the facts, a month not yet begun)
// are left as they are: absence from the facts is not evidence that revenue went away.
function draftsFor(target: RevenueTarget, ledger: Ledger, asOf: IsoDate): EntryDraft[] {
  const history = ledger.units.get(unitId(target.unit));
  const net = history?.net ?? ZERO;
  const base = { unit: target.unit, eligibleOn: target.eligibleOn, invoiceId: null, poc: target.poc ?? null };

  if (target.withdrawn) {
    if (!history || net.isZero()) return [];
    const belongsTo = laterPeriod(yearMonthOf(target.withdrawn.on), history.latestPeriod);
    return history.active.map((entry) => ({ ...base, kind: 'REVERSAL', amount: entry.amount.negated(), belongsTo, reversesEntryId: entry.id }));
  }

  // Reversed by a void or credit note: the revenue waits until the source is billed again.
  const billedAgain = target.billedOn != null && target.billedOn <= asOf;
  if (history?.heldByInvoice && !billedAgain) return [];

  const amount = target.amount.minus(net);
  if (amount.isZero()) return [];
  const belongsTo = laterPeriod(target.period, history?.latestPeriod, history?.heldByInvoice ? yearMonthOf(target.billedOn!) : null);
  if (history && history.active.length > 0) return [{ ...base, kind: 'ADJUSTMENT', amount, belongsTo, reversesEntryId: null }];
  // A POC month first posted with a change of value or estimate in it: the progress and
  // the catch-up are separate entries, so the effect of the change is visible on its own.
  const catchUp = !history && target.catchUp ? target.catchUp : ZERO;
  const drafts: EntryDraft[] = [];
  if (!amount.eq(catchUp)) drafts.push({ ...base, kind: 'RECOGNITION', amount: amount.minus(catchUp), belongsTo, reversesEntryId: null });
  if (!catchUp.isZero()) drafts.push({ ...base, kind: 'ADJUSTMENT', amount: catchUp, belongsTo, reversesEntryId: null });
  return drafts;
}
