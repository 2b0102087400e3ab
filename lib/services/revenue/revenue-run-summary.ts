// What a revenue run reports: totals posted, and every flag the core (or the loading of its
// facts) raised, JSON-safe. Most flags have no ExceptionCode that says what they mean —
// a loss contract is not a data fix of any existing kind — so they live here and in the
// engagement's audit record rather than under a borrowed code (exceptionCode says which
// ones did become exceptions).
import type { ExceptionCode } from '../../db/generated/enums.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import { dec, ZERO } from '../../domain/money/decimal.ts';
import { unitId } from '../../domain/revenue/revenue-key.ts';
import type { PlannedRevenueEntry, RevenueFlag } from '../../domain/revenue/revenue-types.ts';

export type RevenueRunFlagCode = RevenueFlag['code'] | 'FX_RATE_MISSING' | 'FACTS_INCOMPLETE' | 'PLAN_FAILED';

export interface RevenueRunFlag {
  engagementId: string;
  engagementCode: string;
  code: RevenueRunFlagCode;
  /** The exception raised for it; null when no exception code fits and this record is the report. */
  exceptionCode: ExceptionCode | null;
  period?: string;
  unit?: string;
  detail?: Record<string, string>;
  message?: string;
}

export interface RevenueRunSummary {
  asOf: string;
  legalEntityCode: string | null;
  /** Engagements with a billing plan the run looked at. */
  engagements: number;
  /** Of those, how many got at least one entry. */
  engagementsPosted: number;
  entriesPosted: number;
  /** Entries that went to a later open period because their own was closed. */
  lateEntries: number;
  /** Net revenue posted, per currency (minor units). */
  byCurrency: Record<string, string>;
  flagCounts: Partial<Record<RevenueRunFlagCode, number>>;
  /** The first MAX_FLAGS_LISTED flags; flagCounts counts them all. */
  flags: RevenueRunFlag[];
  exceptionsRaised: number;
}

export const MAX_FLAGS_LISTED = 500;

export function emptySummary(asOf: string, legalEntityCode: string | null): RevenueRunSummary {
  return { asOf, legalEntityCode, engagements: 0, engagementsPosted: 0, entriesPosted: 0, lateEntries: 0, byCurrency: {}, flagCounts: {}, flags: [], exceptionsRaised: 0 };
}

export interface EngagementOutcome {
  currency: string;
  /** The entries that were inserted (not those another run had already posted). */
  posted: readonly PlannedRevenueEntry[];
  flags: readonly RevenueRunFlag[];
}

export function addOutcome(summary: RevenueRunSummary, outcome: EngagementOutcome): void {
  summary.engagements += 1;
  if (outcome.posted.length > 0) {
    summary.engagementsPosted += 1;
    summary.entriesPosted += outcome.posted.length;
    summary.lateEntries += outcome.posted.filter((e) => e.late).length;
    const net = outcome.posted.reduce((total, e) => total.plus(e.amount), ZERO);
    summary.byCurrency[outcome.currency] = formatMinor(net.plus(summary.byCurrency[outcome.currency] ?? 0), outcome.currency);
  }
  for (const flag of outcome.flags) {
    summary.flagCounts[flag.code] = (summary.flagCounts[flag.code] ?? 0) + 1;
    if (summary.flags.length < MAX_FLAGS_LISTED) summary.flags.push(flag);
  }
}

/** A core flag as a report line; amounts in the engagement's currency. */
export function describeFlag(engagement: { id: string; code: string; currency: string }, flag: RevenueFlag): RevenueRunFlag {
  const base = { engagementId: engagement.id, engagementCode: engagement.code, code: flag.code, exceptionCode: null };
  const money = (amount: Parameters<typeof dec>[0]) => formatMinor(amount, engagement.currency);
  switch (flag.code) {
    case 'LOSS_CONTRACT':
      return { ...base, period: flag.period, detail: { expectedLoss: money(flag.expectedLoss) }, message: 'Estimated total cost exceeds the contract value: a loss provision is due (not made by the run).' };
    case 'ESTIMATE_EXCEEDED':
      return { ...base, period: flag.period, detail: { costToDate: money(flag.costToDate), estimatedTotalCost: money(flag.estimatedTotalCost) }, message: 'Cost to date passed the estimate before completion: progress is held until the estimate is revised.' };
    case 'NO_ESTIMATE':
      return { ...base, period: flag.period, message: 'No estimated total cost: percentage of completion cannot be measured.' };
    case 'USAGE_OUTSIDE_TERM':
      return { ...base, period: flag.period, detail: { units: dec(flag.units).toFixed() }, message: 'Usage recorded for a month outside the retainer term: not priced.' };
    case 'PERIOD_NOT_FOUND':
      return { ...base, period: flag.period, unit: unitId(flag.unit), message: 'The books have no accounting period for this month: the amount waits for the next run.' };
    case 'NO_OPEN_PERIOD':
      return { ...base, period: flag.period, unit: unitId(flag.unit), message: 'The month is closed and no later month is open: the amount waits for the next run.' };
    case 'AS_OF_BEFORE_LAST_RUN':
      return { ...base, detail: { recognizedThrough: flag.recognizedThrough }, message: 'Already recognised through a later date: nothing planned.' };
  }
}
