// The invariant helper the scenarios rely on must see what is wrong: books that hold say
// nothing, and each kind of break (a source billed twice, a line without sources, a wrong
// balance, cash applied beyond its receipt, revenue beyond the contract) is named.
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { createCashApplication, createInvoice, createRevenueEntry } from '../fixtures/q2c-billing.ts';
import { createEmployee, createEngagement, createTime } from '../fixtures/q2c-delivery.ts';
import { findViolations } from './invariants.ts';

/** A T&M engagement with one invoiced time entry, its lineage and half of it paid: books that hold. */
async function soundBooks() {
  const { engagement } = await createEngagement({ value: '1000.00' });
  const employee = await createEmployee();
  const time = await createTime({ engagementId: engagement.id, employeeId: employee.id, hours: '2', rate: '200', amount: '400' });
  const invoice = await createInvoice({
    engagement,
    status: 'ISSUED',
    subtotal: '400',
    total: '400',
    balanceDue: '200',
    lines: [{ kind: 'TIME', amount: '400', sources: [{ kind: 'TIME_TRANSACTION', amount: '400', timeTransactionId: time.id }] }],
  });
  const line = invoice.lines[0]!;
  await db().lineageLink.createMany({
    data: [
      { fromType: 'TimeTransaction', fromId: time.id, toType: 'InvoiceLine', toId: line.id, relation: 'BILLED', correlationId: engagement.correlationId },
      { fromType: 'InvoiceLine', fromId: line.id, toType: 'Invoice', toId: invoice.id, relation: 'PART_OF', correlationId: engagement.correlationId },
    ],
  });
  const application = await createCashApplication({ invoiceId: invoice.id, amount: '200' });
  await db().cashReceipt.update({ where: { id: application.receiptId }, data: { appliedAmount: '200' } });
  await db().invoice.update({ where: { id: invoice.id }, data: { amountApplied: '200' } });
  const entry = await createRevenueEntry({ engagement, period: '2026-04', amount: '400', cumulative: '400' });
  await db().revenueSchedule.update({ where: { id: entry.scheduleId }, data: { recognizedToDate: '400' } });
  return { engagement, time, invoice, line, application };
}

describe('findViolations', () => {
  it('says nothing about books that hold', async () => {
    const { engagement } = await soundBooks();
    expect(await findViolations(engagement.id)).toEqual([]);
  });

  it('names a source billed twice and a line without sources', async () => {
    const { engagement, time } = await soundBooks();
    await createInvoice({ engagement, status: 'ISSUED', subtotal: '400', total: '400', lines: [{ kind: 'TIME', amount: '400', sources: [{ kind: 'TIME_TRANSACTION', amount: '400', timeTransactionId: time.id }] }, { kind: 'EXPENSE', amount: '50' }] });
    const problems = await findViolations(engagement.id);
    expect(problems).toContainEqual(expect.stringMatching(/^TIME_TRANSACTION:.* billed 2 times/));
    expect(problems).toContainEqual(expect.stringMatching(/line 2 \(EXPENSE 50\): no sources/));
  });

  it('names a balance that is not total − applied − credited, and cash applied beyond its receipt', async () => {
    const { engagement, invoice, application } = await soundBooks();
    await db().invoice.update({ where: { id: invoice.id }, data: { balanceDue: '150' } });
    await db().cashApplication.update({ where: { id: application.id }, data: { amount: '900' } });
    const problems = await findViolations(engagement.id);
    expect(problems).toContainEqual(expect.stringMatching(/balance 150 ≠ total 400/));
    expect(problems).toContainEqual(expect.stringMatching(/applied 900.00 outside 0…200/));
  });

  it('names revenue beyond the contract value, and short of it at completion', async () => {
    const { engagement } = await soundBooks();
    await createRevenueEntry({ engagement, period: '2026-05', amount: '700', cumulative: '1100' });
    expect(await findViolations(engagement.id)).toContainEqual(expect.stringMatching(/recognized 1100.00 > contract value 1000.00 USD/));
    const { engagement: other } = await soundBooks();
    expect(await findViolations(other.id, { complete: true })).toContainEqual(expect.stringMatching(/complete, but AS_DELIVERED recognized 400.00 ≠ contract value 1000.00/));
  });
});
