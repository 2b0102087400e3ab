// The billing run on T&M engagements, end to end on a real database and the simulated tax
// engine: a week of approved time and an expense in another currency become one invoice,
// rounded once per line, taxed per line, numbered, posted to the ERP's outbox and traced
// down to each time entry; a second run issues nothing; two runs at once bill nothing twice
// and leave no gap in the numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet, uniqueId } from '../../../test/fixtures/billing.ts';
import { db } from '../../db/client.ts';
import { parseInvoiceNumber } from '../../domain/billing/invoice-number.ts';
import { expenseApprovedWorkflow } from '../../workflows/expense-approved.ts';
import { timesheetApprovedWorkflow } from '../../workflows/timesheet-approved.ts';
import { runBilling } from './run-billing.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterAll(async () => engine.stop());

const actor = { type: 'SYSTEM', id: 'test' } as const;
const run = (engagementIds: string[], asOf = '2026-04-06') => runBilling({ asOf, engagementIds, now: new Date(`${asOf}T06:00:00Z`), actor });

async function tmEngagementWithWeek() {
  const { psa } = await deliveryConnectors();
  const engagement = await createEngagement({ contractRates: [{ role: 'SENIOR_CONSULTANT', rate: '100.005' }] });
  const employee = await createEmployee({ costRate: '80' });
  await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [
    { date: '2026-03-30', hours: '1', role: 'SENIOR_CONSULTANT' },
    { date: '2026-03-31', hours: '1', role: 'SENIOR_CONSULTANT' },
    { date: '2026-04-01', hours: '1', role: 'SENIOR_CONSULTANT' },
    { date: '2026-04-02', hours: '2.5', role: 'ANALYST' },
    { date: '2026-04-03', hours: '3', role: 'ANALYST', billable: false },
    { date: '2026-04-06', hours: '2', role: 'SENIOR_CONSULTANT' },
  ]));
  await deliver(expenseApprovedWorkflow, psa, { expenseId: uniqueId('X'), engagementRef: engagement.code, amount: '100', currency: 'GBP', billable: true, category: 'EXP-TRAVEL', date: '2026-04-02' });
  return engagement;
}

describe('billing run: time and materials', () => {
  it('bills the ended ISO week: one line per role and rate, rounded once per line, tax per line, traced to each entry', async () => {
    const engagement = await tmEngagementWithWeek();
    const summary = await run([engagement.id]);
    expect(summary).toMatchObject({ invoicesDrafted: 1, invoicesIssued: 1, awaitingTax: 0, held: [], totalsByCurrency: { USD: { invoices: 1, subtotal: '872.52', taxTotal: '34.90', total: '907.42' } } });

    const invoice = await db().invoice.findFirstOrThrow({ where: { engagementId: engagement.id }, include: { lines: { orderBy: { lineNo: 'asc' }, include: { sources: true, taxCode: true } }, accountingPeriod: true } });
    expect(invoice).toMatchObject({ status: 'ISSUED', billingPeriodKey: '2026-W14', latePosting: false, paymentTermsDays: 30 });
    expect(parseInvoiceNumber(invoice.number!)).toMatchObject({ kind: 'INVOICE', legalEntityCode: 'US01', year: 2026 });
    expect([invoice.subtotal, invoice.taxTotal, invoice.total, invoice.balanceDue].map(String)).toEqual(['872.52', '34.9', '907.42', '907.42']);
    expect(invoice.dueDate?.toISOString().slice(0, 10)).toBe('2026-05-06');
    expect(invoice.accountingPeriod?.period).toBe('2026-04');
    expect(invoice.lines.map((l) => [l.kind, l.quantity.toString(), l.unitPrice.toString(), l.amount.toString(), l.taxAmount.toString(), l.taxCode?.code])).toEqual([
      ['TIME', '2.5', '175', '437.5', '17.5', 'US-HI-STD'],
      // 3 × 100.005 = 300.015 → 300.02; rounding each entry would have said 300.03.
      ['TIME', '3', '100.005', '300.02', '12', 'US-HI-STD'],
      ['EXPENSE', '1', '135', '135', '5.4', 'US-HI-STD'],
    ]);
    expect(invoice.lines[1]!.sources.map((s) => s.amount.toString())).toEqual(['100.005', '100.005', '100.005']);
    expect(invoice.lines[2]!.sources[0]).toMatchObject({ kind: 'EXPENSE', sourceCurrency: 'GBP' });
    expect(invoice.lines[2]!.sources[0]!.fxRate?.toString()).toBe('1.35');

    const time = await db().timeTransaction.findMany({ where: { engagementId: engagement.id }, orderBy: { workDate: 'asc' } });
    const billedLines = new Set(invoice.lines.map((l) => l.id));
    expect(time.map((t) => [t.workDate.toISOString().slice(0, 10), t.invoiceLineId ? billedLines.has(t.invoiceLineId) : null])).toEqual([
      ['2026-03-30', true],
      ['2026-03-31', true],
      ['2026-04-01', true],
      ['2026-04-02', true],
      ['2026-04-03', null], // non-billable
      ['2026-04-06', null], // W15 has not ended
    ]);
    const billed = await db().lineageLink.findMany({ where: { toType: 'InvoiceLine', toId: invoice.lines[1]!.id, relation: 'BILLED' } });
    expect(billed.map((l) => [l.fromType, l.amount?.toString()])).toEqual([['TimeTransaction', '100.005'], ['TimeTransaction', '100.005'], ['TimeTransaction', '100.005']]);
    expect(await db().lineageLink.count({ where: { toType: 'Invoice', toId: invoice.id, relation: 'PART_OF' } })).toBe(3);

    const command = await db().outboxCommand.findFirstOrThrow({ where: { entityType: 'Invoice', entityId: invoice.id } });
    expect(command).toMatchObject({ kind: 'POST_INVOICE', status: 'PENDING', idempotencyKey: `erp:post-invoice:${invoice.id}` });
    expect(command.payload).toMatchObject({ number: invoice.number, total: '907.42', accountingPeriod: '2026-04', lines: [{ lineNo: 1 }, { lineNo: 2, amount: '300.02', taxAmount: '12' }, { lineNo: 3 }] });
    const audits = await db().auditRecord.findMany({ where: { entityId: invoice.id }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['invoice.drafted', 'invoice.issued']);
  });

  it('a second identical run issues nothing new', async () => {
    const engagement = await tmEngagementWithWeek();
    await run([engagement.id]);
    const again = await run([engagement.id]);
    expect(again).toMatchObject({ invoicesDrafted: 0, invoicesIssued: 0, awaitingTax: 0 });
    expect(await db().invoice.count({ where: { engagementId: engagement.id } })).toBe(1);
    // The next week, once ended, is a new invoice with only its own time.
    const next = await run([engagement.id], '2026-04-13');
    expect(next.invoicesIssued).toBe(1);
    expect(await db().invoice.findMany({ where: { engagementId: engagement.id }, select: { billingPeriodKey: true }, orderBy: { billingPeriodKey: 'asc' } })).toEqual([{ billingPeriodKey: '2026-W14' }, { billingPeriodKey: '2026-W15' }]);
  });

  it('two runs at once bill every source once and leave no gap in the numbers', async () => {
    const engagements = [];
    for (let i = 0; i < 4; i++) engagements.push(await tmEngagementWithWeek());
    const ids = engagements.map((e) => e.id);
    const [a, b] = await Promise.all([runBilling({ asOf: '2026-04-06', engagementIds: ids, now: new Date('2026-04-06T06:00:00Z'), actor, batchSize: 2 }), run(ids)]);
    expect(a.invoicesDrafted + b.invoicesDrafted).toBe(4);
    expect(a.invoicesIssued + b.invoicesIssued).toBe(4);
    expect(await db().invoice.count({ where: { engagementId: { in: ids } } })).toBe(4);
    const inForce = await db().invoiceLineSource.groupBy({ by: ['timeTransactionId'], where: { timeTransactionId: { not: null }, billingKey: { not: null }, invoiceLine: { invoice: { engagementId: { in: ids } } } }, _count: true });
    expect(inForce).toHaveLength(16);
    expect(inForce.every((g) => g._count === 1)).toBe(true);

    const numbers = await db().invoice.findMany({ where: { legalEntity: { code: 'US01' }, kind: 'INVOICE', number: { not: null } }, select: { sequenceNumber: true } });
    const sequence = numbers.map((n) => n.sequenceNumber!).sort((x, y) => x - y);
    expect(sequence).toEqual(sequence.map((_, i) => i + 1));
    const row = await db().invoiceNumberSequence.findFirstOrThrow({ where: { legalEntity: { code: 'US01' }, series: 'INV-2026' } });
    expect(row.nextNumber).toBe(sequence.length + 1);
  });

  it('a source billed behind the run’s back costs its engagement only: the batch is retried one by one', async () => {
    const [clean, tangled] = [await tmEngagementWithWeek(), await tmEngagementWithWeek()];
    const entry = await db().timeTransaction.findFirstOrThrow({ where: { engagementId: tangled.id, billable: true } });
    // Another writer holds this entry's billing key without pointing the entry at its line.
    await db().invoice.create({
      data: {
        legalEntityId: tangled.legalEntityId, clientId: tangled.clientId, engagementId: tangled.id, correlationId: tangled.correlationId, currency: 'USD',
        lines: { create: { lineNo: 1, kind: 'TIME', description: 'elsewhere', quantity: 1, unitPrice: 1, amount: 1, currency: 'USD', sources: { create: { kind: 'TIME_TRANSACTION', timeTransactionId: entry.id, amount: 1, currency: 'USD', billingKey: `TIME_TRANSACTION:${entry.id}` } } } },
      },
    });
    const summary = await run([clean.id, tangled.id]);
    expect(summary.invoices.map((i) => i.engagementId)).toEqual([clean.id]);
    expect(summary.held).toEqual([expect.objectContaining({ engagementId: tangled.id, code: 'BILLING_CONFLICT' })]);
  });
});
