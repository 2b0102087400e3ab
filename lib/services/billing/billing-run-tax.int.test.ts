// Tax at invoice time (DESIGN.md §6): while the tax engine is down the invoice waits
// AWAITING_TAX — no number, nothing to the ERP — under a TRANSIENT TAX_ENGINE_UNAVAILABLE;
// once it answers, the retry issues it with its tax and resolves the exception. A missing
// tax profile is a DATA_FIX: fix the plan, and the next run issues. A run drafts batch k+1
// while batch k is taxed and issued, then sweeps what earlier runs left waiting: each waiting
// invoice goes to the engine once per run, and numbers stay gap-free across batches.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet, type EngagementOptions } from '../../../test/fixtures/billing.ts';
import { db } from '../../db/client.ts';
import { timesheetApprovedWorkflow } from '../../workflows/timesheet-approved.ts';
import { runBilling } from './run-billing.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterEach(() => void engine.setFaults({ outage: false }));
afterAll(async () => engine.stop());

const actor = { type: 'SYSTEM', id: 'test' } as const;
const run = (engagementId: string, draft = true) => runBilling({ asOf: '2026-04-06', engagementIds: [engagementId], draft, now: new Date('2026-04-06T06:00:00Z'), actor });

async function weekOfTime(options: EngagementOptions = {}) {
  const { psa } = await deliveryConnectors();
  const engagement = await createEngagement(options);
  const employee = await createEmployee();
  await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-04-01', hours: '10', role: 'MANAGER' }]));
  return engagement;
}

const exceptionOf = (code: 'TAX_ENGINE_UNAVAILABLE' | 'MISSING_TAX_PROFILE', invoiceId: string) => db().exception.findUnique({ where: { code_entityType_entityId: { code, entityType: 'Invoice', entityId: invoiceId } } });

describe('billing run: tax', () => {
  it('waits for an unavailable tax engine, then issues with tax when it answers', async () => {
    const engagement = await weekOfTime();
    engine.setFaults({ outage: true });
    const down = await run(engagement.id);
    expect(down).toMatchObject({ invoicesDrafted: 1, invoicesIssued: 0, awaitingTax: 1, held: [{ code: 'TAX_ENGINE_UNAVAILABLE' }] });
    const waiting = await db().invoice.findFirstOrThrow({ where: { engagementId: engagement.id } });
    expect(waiting).toMatchObject({ status: 'AWAITING_TAX', number: null, sequenceNumber: null });
    expect(waiting.subtotal.toString()).toBe('4250'); // 10 h × MANAGER list rate 425
    expect(await db().outboxCommand.count({ where: { entityId: waiting.id } })).toBe(0);
    const exception = await exceptionOf('TAX_ENGINE_UNAVAILABLE', waiting.id);
    expect(exception).toMatchObject({ recoverability: 'TRANSIENT', status: 'OPEN', correlationId: engagement.correlationId, impactCurrency: 'USD' });
    expect(exception!.impactAmount?.toString()).toBe('4250');

    // Still down: the same invoice waits; nothing new is drafted.
    expect(await run(engagement.id)).toMatchObject({ invoicesDrafted: 0, invoicesIssued: 0, awaitingTax: 1 });
    expect((await exceptionOf('TAX_ENGINE_UNAVAILABLE', waiting.id))!.occurrences).toBe(2);

    engine.setFaults({ outage: false });
    const retried = await run(engagement.id, false);
    expect(retried).toMatchObject({ invoicesDrafted: 0, invoicesIssued: 1, awaitingTax: 0, totalsByCurrency: { USD: { subtotal: '4250.00', taxTotal: '170.00', total: '4420.00' } } });
    const issued = await db().invoice.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(issued).toMatchObject({ status: 'ISSUED', taxEngineRef: `tax:${waiting.id}` });
    expect(issued.number).toMatch(/^US01-2026-\d{6}$/);
    expect(await exceptionOf('TAX_ENGINE_UNAVAILABLE', waiting.id)).toMatchObject({ status: 'RESOLVED' });
    expect(await db().outboxCommand.count({ where: { kind: 'POST_INVOICE', entityId: waiting.id } })).toBe(1);
  });

  it('holds an invoice whose buyer has no tax profile until the plan names one', async () => {
    const engagement = await weekOfTime({ taxNexus: null });
    const first = await run(engagement.id);
    expect(first).toMatchObject({ invoicesIssued: 0, awaitingTax: 1, held: [{ code: 'MISSING_TAX_PROFILE' }] });
    const invoice = await db().invoice.findFirstOrThrow({ where: { engagementId: engagement.id } });
    expect(await exceptionOf('MISSING_TAX_PROFILE', invoice.id)).toMatchObject({ recoverability: 'DATA_FIX', status: 'OPEN' });

    await db().billingPlan.update({ where: { engagementId: engagement.id }, data: { taxNexus: 'US-NY' } });
    const fixed = await run(engagement.id);
    expect(fixed).toMatchObject({ invoicesIssued: 1, totalsByCurrency: { USD: { taxTotal: '0.00', total: '4250.00' } } });
    expect(await exceptionOf('MISSING_TAX_PROFILE', invoice.id)).toMatchObject({ status: 'RESOLVED' });
  });

  it('an exempt buyer is still sent to the engine and carries its exempt code', async () => {
    const engagement = await weekOfTime({ taxExempt: true });
    expect(await run(engagement.id)).toMatchObject({ invoicesIssued: 1, totalsByCurrency: { USD: { taxTotal: '0.00' } } });
    const line = await db().invoiceLine.findFirstOrThrow({ where: { invoice: { engagementId: engagement.id } }, include: { taxCode: true, invoice: true } });
    expect(line.taxCode?.code).toBe('US-HI-EXEMPT');
    expect(line.invoice.taxExempt).toBe(true);
  });
});

const runInBatchesOfOne = (engagementIds: string[]) => runBilling({ asOf: '2026-04-06', engagementIds, batchSize: 1, now: new Date('2026-04-06T06:00:00Z'), actor });

async function engagementsWithAWeek(count: number) {
  const { psa } = await deliveryConnectors();
  const employee = await createEmployee();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const engagement = await createEngagement({ legalEntityCode: 'GB01', currency: 'GBP', taxNexus: 'GB' });
    await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-04-01', hours: String(1 + i), role: 'CONSULTANT' }]));
    ids.push(engagement.id);
  }
  return ids;
}

describe('billing run: batches in a pipeline', () => {
  it('sends each waiting invoice to the engine once per run, and issues them all with consecutive numbers once it answers', async () => {
    const ids = await engagementsWithAWeek(3);
    engine.setFaults({ outage: true });
    const down = await runInBatchesOfOne(ids);
    expect(down).toMatchObject({ engagementsConsidered: 3, invoicesDrafted: 3, invoicesIssued: 0, awaitingTax: 3 });
    expect(down.held.map((h) => h.code)).toEqual(['TAX_ENGINE_UNAVAILABLE', 'TAX_ENGINE_UNAVAILABLE', 'TAX_ENGINE_UNAVAILABLE']);
    const waiting = await db().invoice.findMany({ where: { engagementId: { in: ids } }, select: { id: true } });
    const exceptions = await db().exception.findMany({ where: { code: 'TAX_ENGINE_UNAVAILABLE', entityId: { in: waiting.map((w) => w.id) } } });
    expect(exceptions.map((e) => e.occurrences)).toEqual([1, 1, 1]);

    engine.setFaults({ outage: false });
    const up = await runInBatchesOfOne(ids);
    expect(up).toMatchObject({ invoicesDrafted: 0, invoicesIssued: 3, awaitingTax: 0, held: [] });
    const issued = await db().invoice.findMany({ where: { engagementId: { in: ids } }, select: { sequenceNumber: true, status: true } });
    const numbers = issued.map((i) => i.sequenceNumber!).sort((a, b) => a - b);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    expect(await runInBatchesOfOne(ids)).toMatchObject({ invoicesDrafted: 0, invoicesIssued: 0, awaitingTax: 0 });
  });

  it('drafts, taxes and issues every batch of a run', async () => {
    const ids = await engagementsWithAWeek(4);
    const summary = await runInBatchesOfOne(ids);
    expect(summary).toMatchObject({ engagementsConsidered: 4, invoicesDrafted: 4, invoicesIssued: 4, awaitingTax: 0, held: [] });
    expect(new Set(summary.invoices.map((i) => i.engagementId))).toEqual(new Set(ids));
  });
});
