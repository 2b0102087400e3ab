// What a reconciliation job does with its findings and the exceptions it raised before:
//   - a finding is raised (a new exception, or one more occurrence of the open one);
//   - a finding a person already closed (resolved, approved, rejected) stays closed while
//     no more money is at stake than when they closed it and it is the same kind of
//     problem — their decision was about that; more money, or another kind, reopens it;
//     a decision can also say until when it stands (`decisionStandsUntil`: keeping unbilled
//     time billable is a promise about the next run, a write-off covered only what it wrote off);
//     a suppressed one only counts the occurrence (raiseException keeps it suppressed);
//   - an open exception of the job with no finding any more is cleared (resolved by the
//     system) — unless it holds inbox events: then a workflow raised it, and replaying
//     those events after the fix is what closes it; or unless it was found as of a later
//     moment than this run judges: a look at last month cannot say today's finding is gone.
import type { ExceptionStatus } from '../../db/generated/enums.ts';
import { dec } from '../money/decimal.ts';

export interface FindingKey {
  entityType: string;
  entityId: string;
  /** The kind of problem (e.g. CONTRACT_WITHOUT_PROJECT); null when the code has only one. */
  kind: string | null;
  /** The money it holds up, in `currency`. */
  impactAmount: string | null;
  impactCurrency: string | null;
}

export interface KnownException {
  id: string;
  entityType: string;
  entityId: string;
  status: ExceptionStatus;
  /** Who closed it last: a person (USER) or Threadline (SYSTEM); null when never closed. */
  closedBy: 'USER' | 'SYSTEM' | 'CONNECTOR' | null;
  kind: string | null;
  impactAmount: string | null;
  impactCurrency: string | null;
  /** Raised (or seen since) by this job: only those are the job's to clear. */
  ownedByJob: boolean;
  /** Linked to HELD inbox events. */
  holdsEvents: boolean;
  /** The asOf of the run that last raised it (ISO 8601), when the job raised it. */
  lastAsOf: string | null;
  /** The person's decision covers findings of runs as of before this instant only (ISO 8601); null = no limit. */
  decisionStandsUntil?: string | null;
}

export interface ReconciliationPlan<F extends FindingKey> {
  raise: F[];
  /** Findings a person's earlier decision still covers. */
  keepClosed: { finding: F; exceptionId: string }[];
  clear: KnownException[];
}

const keyOf = (e: { entityType: string; entityId: string }) => `${e.entityType}:${e.entityId}`;

export function planReconciliation<F extends FindingKey>(findings: readonly F[], known: readonly KnownException[], asOf: Date): ReconciliationPlan<F> {
  const byEntity = new Map(known.map((e) => [keyOf(e), e]));
  const found = new Set(findings.map(keyOf));
  const plan: ReconciliationPlan<F> = { raise: [], keepClosed: [], clear: [] };
  for (const finding of findings) {
    const existing = byEntity.get(keyOf(finding));
    if (existing && decisionStillCovers(existing, finding, asOf)) plan.keepClosed.push({ finding, exceptionId: existing.id });
    else plan.raise.push(finding);
  }
  for (const exception of known) {
    const open = exception.status === 'OPEN' || exception.status === 'ASSIGNED';
    const foundLater = exception.lastAsOf !== null && Date.parse(exception.lastAsOf) > asOf.getTime();
    if (open && exception.ownedByJob && !exception.holdsEvents && !foundLater && !found.has(keyOf(exception))) plan.clear.push(exception);
  }
  return plan;
}

/** A person closed it, their decision has not run out, and nothing got worse since: same kind, no more money at stake. */
export function decisionStillCovers(existing: KnownException, finding: FindingKey, asOf: Date): boolean {
  if (existing.status !== 'RESOLVED' || existing.closedBy !== 'USER') return false;
  if (existing.decisionStandsUntil && asOf.getTime() >= Date.parse(existing.decisionStandsUntil)) return false;
  if ((existing.kind ?? null) !== (finding.kind ?? null)) return false;
  return !impactGrew(existing, finding);
}

function impactGrew(before: { impactAmount: string | null; impactCurrency: string | null }, now: { impactAmount: string | null; impactCurrency: string | null }): boolean {
  if (now.impactAmount === null) return false;
  if (before.impactAmount === null || before.impactCurrency !== now.impactCurrency) return !dec(now.impactAmount).isZero();
  return dec(now.impactAmount).abs().greaterThan(dec(before.impactAmount).abs());
}
