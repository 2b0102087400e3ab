// The reconciliation jobs of DESIGN.md §8 and the settings that decide when something is a
// finding: how long a new contract may wait for its projects, how long an issued invoice
// may wait for the ERP's confirmation, how long cash may sit unapplied, and how large a
// difference between quote and contract values must be to count. Each finding is an
// exception of one code; the job that looks for it is the only one that clears it.
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';

export const reconciliationJobs = ['orphaned-projects', 'unbilled-approved-time', 'unapplied-cash', 'quote-contract-value', 'invoice-confirmation'] as const;
export type ReconciliationJob = (typeof reconciliationJobs)[number];

/** The exception each job raises, and on which kinds of entity. */
export const jobExceptions: Record<ReconciliationJob, { code: ExceptionCode; entityTypes: readonly EntityType[] }> = {
  'orphaned-projects': { code: 'ORPHANED_PROJECT', entityTypes: ['Engagement', 'ExternalRef'] },
  'unbilled-approved-time': { code: 'UNBILLED_APPROVED_TIME', entityTypes: ['Engagement'] },
  'unapplied-cash': { code: 'UNAPPLIED_CASH', entityTypes: ['CashReceipt'] },
  'quote-contract-value': { code: 'QUOTE_CONTRACT_VALUE_MISMATCH', entityTypes: ['Contract'] },
  'invoice-confirmation': { code: 'INVOICE_NOT_CONFIRMED', entityTypes: ['Invoice'] },
};

export interface ReconciliationSettings {
  /** A contract whose PSA or ERP project is still missing this long after acceptance is orphaned. */
  projectGraceHours: number;
  /** An issued invoice (or credit note) not posted by the ERP this long after issue. */
  erpConfirmationGraceHours: number;
  /** Cash unapplied this long after receipt (0: at once, as cash application raises it). */
  unappliedCashGraceHours: number;
  /** Differences below this many minor units of the currency are rounding, not a mismatch. */
  valueToleranceMinorUnits: number;
  /** …or below this share of the quoted value (0.001 = 0.1 %), whichever is larger. */
  valueToleranceRatio: string;
}

export const defaultReconciliationSettings: ReconciliationSettings = {
  projectGraceHours: 72,
  erpConfirmationGraceHours: 24,
  unappliedCashGraceHours: 0,
  valueToleranceMinorUnits: 1,
  valueToleranceRatio: '0',
};

export function isReconciliationJob(value: string): value is ReconciliationJob {
  return (reconciliationJobs as readonly string[]).includes(value);
}

const HOUR_MS = 3_600_000;

/** The instant `hours` before asOf: things that happened at or before it are past their grace. */
export function graceCutoff(asOf: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`A grace period must be a non-negative number of hours, got ${hours}`);
  return new Date(asOf.getTime() - hours * HOUR_MS);
}

/** True when something that happened `at` is past its grace period at asOf. */
export function isPastGrace(at: Date, asOf: Date, hours: number): boolean {
  return at.getTime() <= graceCutoff(asOf, hours).getTime();
}
