// The shapes the revenue core speaks in (prisma/schema/revenue.prisma, without Prisma).
// A *unit* is what one line of the ledger is about — a POC month, a time entry, an
// expense, a retainer month's fee or its overage. Every entry's idempotency key names its
// unit and its place in that unit's history, so a run reads what is already recognised
// straight from the ledger and never needs bookkeeping of its own.
import type { RevenueEntryKind, RevenueTreatment } from '../../db/generated/enums.ts';
import type { Decimal, DecimalInput } from '../money/decimal.ts';
import type { IsoDate, YearMonth } from '../periods/calendar-date.ts';
import type { PocStatus } from './poc.ts';

export type { RevenueEntryKind, RevenueTreatment };

export type RevenueUnitType = 'POC' | 'TIME' | 'EXPENSE' | 'FEE' | 'OVERAGE';

/** `ref` is the month (YYYY-MM) for POC, FEE and OVERAGE, the source row's id for TIME and EXPENSE. */
export interface RevenueUnit {
  type: RevenueUnitType;
  ref: string;
}

/** Which RevenueSchedule (one per engagement and treatment) a unit's entries belong to. */
export const TREATMENT_OF_UNIT: Readonly<Record<RevenueUnitType, RevenueTreatment>> = {
  POC: 'PERCENT_COMPLETE',
  TIME: 'AS_DELIVERED',
  EXPENSE: 'POINT_IN_TIME',
  FEE: 'RATABLE',
  OVERAGE: 'USAGE',
};

export interface DatedAmount {
  on: IsoDate;
  amount: DecimalInput;
}

/** A RevenueEntry row of the engagement (any of its schedules), as the core needs to see it. */
export interface PostedRevenueEntry {
  id: string;
  idempotencyKey: string;
  kind: RevenueEntryKind;
  /** The accounting period it was posted into. */
  period: YearMonth;
  /** Set on late entries: the closed period the amount belonged to. */
  originalPeriod?: YearMonth | null;
  amount: DecimalInput;
  reversesEntryId?: string | null;
  /** Set when an invoice void or credit note caused the entry. */
  invoiceId?: string | null;
}

/** Why a POC entry has its amount: the measurement it came from (RevenueEntry.costToDate…). */
export interface PocExplanation {
  status: PocStatus;
  contractValue: Decimal;
  costToDate: Decimal;
  estimatedTotalCost: Decimal | null;
  /** Exact fraction 0..1 (the column keeps 6 places); null when the estimate could not be used. */
  percentComplete: Decimal | null;
  /** Revenue the measurement says is earned through its date (rounded to the minor unit). */
  cumulativeRevenue: Decimal;
}

/** An entry for the workflow to write, field for field a RevenueEntry row. */
export interface PlannedRevenueEntry {
  idempotencyKey: string;
  engagementId: string;
  treatment: RevenueTreatment;
  unit: RevenueUnit;
  kind: RevenueEntryKind;
  /** The open accounting period to post into. */
  period: YearMonth;
  late: boolean;
  /** The closed period the amount belonged to, when late. */
  originalPeriod: YearMonth | null;
  /** Through which date the entry recognises: the run's asOf, or its period's last day if earlier. */
  recognitionDate: IsoDate;
  /** Signed, in minor units of `currency`. */
  amount: Decimal;
  /** The schedule's (treatment's) total after this entry, entries taken in the order returned. */
  cumulativeAmount: Decimal;
  currency: string;
  /** When the revenue first became recognisable (RevenueEntry.eligibleAt): recognition lag. */
  eligibleOn: IsoDate | null;
  reversesEntryId: string | null;
  invoiceId: string | null;
  poc: PocExplanation | null;
}

/**
 * What the facts say a unit should have recognised in total as of the run's date. The
 * planner posts the difference between this and what the ledger holds for the unit.
 */
export interface RevenueTarget {
  unit: RevenueUnit;
  /** Total for the unit, in minor units (already rounded). */
  amount: Decimal;
  /** POC: the part of `amount` that is a cumulative catch-up for a value or estimate change in the period. */
  catchUp?: Decimal;
  /** The period the unit's revenue belongs to. */
  period: YearMonth;
  eligibleOn: IsoDate | null;
  /** The source no longer earns revenue (superseded, rejected): what it recognised is reversed, in the period of `on`. */
  withdrawn?: { on: IsoDate } | null;
  /** TIME / EXPENSE / OVERAGE: issue date of the live invoice billing the source (null = unbilled). */
  billedOn?: IsoDate | null;
  poc?: PocExplanation;
}

/** Things a run or a reversal wants people to know about; the workflow raises exceptions from them. */
export type RevenueFlag =
  /** Estimated total cost above the contract value: a provision for the loss is due (not made here). */
  | { code: 'LOSS_CONTRACT'; period: YearMonth; expectedLoss: Decimal }
  /** Cost to date passed the estimate before completion: progress is held until the estimate is revised. */
  | { code: 'ESTIMATE_EXCEEDED'; period: YearMonth; costToDate: Decimal; estimatedTotalCost: Decimal }
  | { code: 'NO_ESTIMATE'; period: YearMonth }
  | { code: 'USAGE_OUTSIDE_TERM'; period: YearMonth; units: Decimal }
  /** The books have no row for the month, or no open month after it: the unit waits for the next run. */
  | { code: 'PERIOD_NOT_FOUND' | 'NO_OPEN_PERIOD'; period: YearMonth; unit: RevenueUnit }
  /** A run for a date before one already run: everything through it is recognised, nothing is planned. */
  | { code: 'AS_OF_BEFORE_LAST_RUN'; recognizedThrough: IsoDate };
