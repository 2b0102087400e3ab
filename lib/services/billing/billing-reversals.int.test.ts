// Reversals end to end (DESIGN.md §5 ordering, §6 "Reversals"): a resubmitted timesheet
// replaces invoiced entries and the next invoice carries the adjustment; a voided invoice
// keeps its number and its time is billed again on a new one; a credit note credits an
// invoice in full (releasing its sources) or partly (a write-off releases nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet, uniqueId } from '../../../test/fixtures/billing.ts';
import { db } from '../../db/client.ts';
import { timesheetApprovedWorkflow } from '../../workflows/timesheet-approved.ts';
import { runThrough } from '../../../test/support/revenue-ledger.ts';
import { creditInvoice } from './credit-invoice.ts';
import { runBilling } from './run-billing.ts';
import { voidInvoice } from './void-invoice.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterAll(async () => engine.stop());

const actor = { type: 'SYSTEM', id: 'test' } as const;
const run = (engagementId: string, asOf = '2026-04-06') => runBilling({ asOf, engagementIds: [engagementId], now: new Date(`${asOf}T06:00:00Z`), actor });
const now = new Date('2026-04-20T10:00:00Z');

async function billedWeek(hours = ['8', '8']) {
  const { psa } = await deliveryConnectors();
  const engagement = await createEngagement({ contractRates: [{ role: 'SENIOR_CONSULTANT', rate: '200' }] });
  const employee = await createEmployee();
  const sheet = timesheet(engagement.code, employee.externalId, hours.map((h, i) => ({ date: `2026-03-3${i}`, hours: h, role: 'SENIOR_CONSULTANT' })), uniqueId('TS'));
  await deliver(timesheetApprovedWorkflow, psa, sheet, { sequence: 1, subject: sheet.timesheetId });
  const summary = await run(engagement.id);
  const invoice = await db().invoice.findUniqueOrThrow({ where: { id: summary.invoices[0]!.id }, include: { lines: { include: { sources: true } } } });
  return { psa, engagement, employee, sheet, invoice };
}

describe('a resubmitted timesheet', () => {
  it('replaces its invoiced entries; the next invoice re-bills the new hours and reverses the old', async () => {
    const { psa, engagement, sheet, invoice } = await billedWeek();
    expect(invoice.total.toString()).toBe('3328'); // 16 h × 200 + 4 %
    const v2 = { ...sheet, entries: [sheet.entries[0]!, { ...sheet.entries[1]!, hours: '6' }] };
    const { outcome } = await deliver(timesheetApprovedWorkflow, psa, v2, { sequence: 2, subject: sheet.timesheetId });
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('replaced 2 earlier entries (2 to reverse') });

    const next = await run(engagement.id, '2026-04-13');
    expect(next.invoicesIssued).toBe(1);
    const adjustment = await db().invoice.findUniqueOrThrow({ where: { id: next.invoices[0]!.id }, include: { lines: { orderBy: { lineNo: 'asc' }, include: { sources: true } } } });
    expect(adjustment.billingPeriodKey).toBe('2026-W14');
    expect(adjustment.lines.map((l) => [l.kind, l.quantity.toString(), l.amount.toString(), l.taxAmount.toString()])).toEqual([
      ['TIME', '14', '2800', '112'],
      ['ADJUSTMENT', '-16', '-3200', '-128'],
    ]);
    expect([adjustment.subtotal, adjustment.taxTotal, adjustment.total].map(String)).toEqual(['-400', '-16', '-416']);
    const old = await db().timeTransaction.findMany({ where: { sourceTimesheetId: sheet.timesheetId, sourceTimesheetVersion: 1 } });
    expect(old.every((t) => t.superseded && t.invoiceLineId !== null && t.reversalInvoiceLineId === adjustment.lines[1]!.id)).toBe(true);
    expect((await run(engagement.id, '2026-04-13')).invoicesIssued).toBe(0);
  });

  it('an older version arriving late is ignored; a repeat of the current one changes nothing', async () => {
    const { psa, sheet } = await billedWeek();
    await deliver(timesheetApprovedWorkflow, psa, { ...sheet, entries: [sheet.entries[0]!] }, { sequence: 3, subject: sheet.timesheetId });
    expect((await deliver(timesheetApprovedWorkflow, psa, sheet, { sequence: 2, subject: sheet.timesheetId })).outcome).toMatchObject({ status: 'ignored' });
    expect((await deliver(timesheetApprovedWorkflow, psa, sheet, { sequence: 3, subject: sheet.timesheetId })).outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('already recorded') });
    expect(await db().timeTransaction.count({ where: { sourceTimesheetId: sheet.timesheetId, superseded: false } })).toBe(1);
  });
});

describe('void and credit notes', () => {
  it('a void keeps the number, releases the sources, tells the ERP; the next run bills them again', async () => {
    const { engagement, invoice } = await billedWeek();
    const result = await voidInvoice({ invoiceId: invoice.id, reason: 'Wrong purchase order', actor, now });
    expect(result).toMatchObject({ status: 'VOID', number: invoice.number, alreadyVoid: false, releasedSources: 2 });
    expect(await voidInvoice({ invoiceId: invoice.id, reason: 'again', actor, now })).toMatchObject({ alreadyVoid: true });
    const voided = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: { include: { sources: true } } } });
    expect(voided).toMatchObject({ status: 'VOID', number: invoice.number, voidReason: 'Wrong purchase order' });
    expect(voided.lines[0]!.sources.every((s) => s.billingKey === null && s.releasedAt !== null)).toBe(true);
    expect(await db().outboxCommand.findFirst({ where: { kind: 'VOID_INVOICE', entityId: invoice.id } })).toMatchObject({ payload: { number: invoice.number, reason: 'Wrong purchase order' } });

    const rebill = await run(engagement.id);
    expect(rebill.invoicesIssued).toBe(1);
    expect(rebill.invoices[0]!.number).not.toBe(invoice.number);
    expect(rebill.invoices[0]!.total).toBe('3328.00');
    const time = await db().timeTransaction.findMany({ where: { engagementId: engagement.id }, include: { invoiceLineSources: true, invoiceLine: true } });
    expect(time.every((t) => t.invoiceLine?.invoiceId === rebill.invoices[0]!.id && t.invoiceLineSources.length === 2)).toBe(true);
  });

  it('a void reverses the revenue of what it billed, in its transaction; a re-bill lets the run recognise it again', async () => {
    const { engagement, invoice } = await billedWeek();
    const recognized = async () => (await db().revenueEntry.findMany({ where: { engagementId: engagement.id } })).reduce((total, e) => total + Number(e.amount), 0);
    await runThrough('2026-04-06', { engagementIds: [engagement.id] });
    expect(await recognized()).toBe(3200);
    await voidInvoice({ invoiceId: invoice.id, reason: 'Wrong purchase order', actor, now });
    const reversals = await db().revenueEntry.findMany({ where: { engagementId: engagement.id, kind: 'REVERSAL' } });
    expect(reversals.map((r) => [r.invoiceId, r.period, r.amount.toString()]).sort()).toEqual([[invoice.id, '2026-04', '-1600'], [invoice.id, '2026-04', '-1600']]);
    await runThrough('2026-04-20', { engagementIds: [engagement.id] });
    expect(await recognized()).toBe(0); // held while unbilled
    await run(engagement.id, '2026-04-20');
    await runThrough('2026-04-21', { engagementIds: [engagement.id] });
    expect(await recognized()).toBe(3200);
  });

  it('a full credit for a billing error releases the sources and settles the balance; the invoice can no longer be voided', async () => {
    const { engagement, invoice } = await billedWeek();
    const credit = await creditInvoice({ invoiceId: invoice.id, reason: 'BILLING_ERROR', actor, now });
    expect(credit).toMatchObject({ number: expect.stringMatching(/^CN-US01-2026-\d{6}$/), total: '-3328.00', fullyCredited: true, releasedSources: 2 });
    const original = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([original.amountCredited, original.balanceDue].map(String)).toEqual(['3328', '0']);
    const note = await db().invoice.findUniqueOrThrow({ where: { id: credit.creditNoteId }, include: { lines: true } });
    expect(note).toMatchObject({ kind: 'CREDIT_NOTE', status: 'ISSUED', originalInvoiceId: invoice.id, creditNoteReason: 'BILLING_ERROR' });
    expect(note.lines.map((l) => [l.kind, l.amount.toString(), l.taxAmount.toString(), l.creditedLineId])).toEqual([['CREDIT', '-3200', '-128', invoice.lines[0]!.id]]);
    expect(await db().outboxCommand.count({ where: { kind: 'POST_CREDIT_NOTE', entityId: note.id } })).toBe(1);
    expect(await db().lineageLink.count({ where: { fromId: note.id, toId: invoice.id, relation: 'CREDITS' } })).toBe(1);
    await expect(voidInvoice({ invoiceId: invoice.id, reason: 'x', actor, now })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await run(engagement.id)).invoicesIssued).toBe(1); // the released time is billed again
  });

  it('a credit note that releases the time reverses its revenue; a write-off reverses none', async () => {
    const released = await billedWeek();
    await runThrough('2026-04-06', { engagementIds: [released.engagement.id] });
    await creditInvoice({ invoiceId: released.invoice.id, reason: 'BILLING_ERROR', actor, now });
    expect((await db().revenueEntry.aggregate({ where: { engagementId: released.engagement.id }, _sum: { amount: true } }))._sum.amount?.toString()).toBe('0');
    const kept = await billedWeek();
    await runThrough('2026-04-06', { engagementIds: [kept.engagement.id] });
    await creditInvoice({ invoiceId: kept.invoice.id, reason: 'WRITE_OFF', actor, now });
    expect(await db().revenueEntry.count({ where: { engagementId: kept.engagement.id, kind: 'REVERSAL' } })).toBe(0);
  });

  it('a partial write-off credits part of a line and releases nothing', async () => {
    const { engagement, invoice } = await billedWeek();
    const credit = await creditInvoice({ invoiceId: invoice.id, reason: 'WRITE_OFF', lines: [{ invoiceLineId: invoice.lines[0]!.id, amount: '100' }], actor, now });
    expect(credit).toMatchObject({ total: '-104.00', fullyCredited: false, releasedSources: 0 });
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).balanceDue.toString()).toBe('3224');
    expect((await run(engagement.id)).invoicesIssued).toBe(0);
  });
});
