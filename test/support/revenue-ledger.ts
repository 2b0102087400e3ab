// Running revenue in tests and reading the ledger back: runs at a frozen clock that moves
// forward with every run (entries read back in posting order by createdAt), the entries as
// comparable rows, and the revenue core's own invariant checks on what was written.
import { expect } from 'vitest';
import { db } from '../../lib/db/client.ts';
import {
  checkCumulativeEqualsSumOfEntries,
  checkRecognizedEqualsContractValueAtCompletion,
  checkRecognizedWithinContractValue,
} from '../../lib/domain/revenue/invariants.ts';
import { runRevenue, type RunRevenueOptions } from '../../lib/services/revenue/run-revenue.ts';

let tick = 0;

/** A clock for a run through asOf: that evening, a second later than the previous run. */
export function clockFor(asOf: string): Date {
  tick += 1;
  return new Date(new Date(`${asOf}T20:00:00Z`).getTime() + tick * 1000);
}

export function runThrough(asOf: string, options: Partial<RunRevenueOptions> = {}) {
  return runRevenue({ asOf, now: clockFor(asOf), actor: { type: 'SYSTEM', id: 'test' }, ...options });
}

/** The engagement's entries in posting order: [unit key, kind, period, amount, late marker]. */
export async function ledgerRows(engagementId: string) {
  const entries = await db().revenueEntry.findMany({ where: { engagementId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return entries.map((e) => [e.idempotencyKey.slice(engagementId.length + 1), e.kind, e.period, e.amount.toFixed(2), e.late ? `late:${e.originalPeriod}` : '']);
}

export async function entriesOf(engagementId: string) {
  return db().revenueEntry.findMany({ where: { engagementId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { schedule: { select: { treatment: true } } } });
}

/**
 * Every schedule: cumulative = running sum of its entries in posting order, and
 * recognizedToDate = the last. With a contract value, the POC schedule stays within it
 * after every entry, and equals it when the engagement is complete.
 */
export async function expectRevenueInvariants(engagementId: string, options: { currency: string; contractValue?: string; complete?: boolean }) {
  const schedules = await db().revenueSchedule.findMany({ where: { engagementId }, include: { entries: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } });
  expect(schedules.length).toBeGreaterThan(0);
  for (const schedule of schedules) {
    const entries = schedule.entries.map((e) => ({ amount: e.amount.toString(), cumulativeAmount: e.cumulativeAmount.toString() }));
    expect(checkCumulativeEqualsSumOfEntries({ entries, recognizedToDate: schedule.recognizedToDate.toString() }), schedule.treatment).toEqual({ ok: true });
    if (schedule.treatment !== 'PERCENT_COMPLETE' || options.contractValue === undefined) continue;
    const { contractValue, currency } = options;
    expect(checkRecognizedWithinContractValue({ entries, contractValue, currency })).toEqual({ ok: true });
    if (options.complete) expect(checkRecognizedEqualsContractValueAtCompletion({ entries, contractValue, currency })).toEqual({ ok: true });
  }
}
