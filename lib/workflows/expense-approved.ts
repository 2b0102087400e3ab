// q2c.expense.approved.v1 (DESIGN.md §5, §6): an approved expense, upserted by the sender's
// expense id. Billable ones are invoiced at cost on the engagement's next invoice, converted
// to its currency with the rate of the expense date (the billing core does that). A change
// to an expense not yet invoiced is applied and audited; one already invoiced keeps its
// billed figures (void or credit the invoice first) and the event says so. Holds: an
// engagementRef that does not resolve (TIME_FOR_UNKNOWN_ENGAGEMENT, impact = the amount)
// and a currency the money module does not know (CURRENCY_MISMATCH).
import type { ExpenseApprovedData } from '../ingest/schemas/expense-approved.ts';
import { isKnownCurrency } from '../domain/money/currency.ts';
import { compareDecimalStrings } from '../domain/money/decimal-string.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { findDeliveryEngagement } from './delivery/find-engagement.ts';
import { resolveTimesheetEmployee } from './delivery/resolve-employee.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const EXPENSE_APPROVED_V1 = 'q2c.expense.approved.v1';

export const expenseApprovedWorkflow: Workflow<ExpenseApprovedData> = {
  type: EXPENSE_APPROVED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const expenseDate = new Date(`${data.date}T00:00:00Z`);
    const hold = (code: 'TIME_FOR_UNKNOWN_ENGAGEMENT' | 'CURRENCY_MISMATCH', title: string) =>
      new WorkflowHold({ code, entityType: 'Expense', entityId: data.expenseId, title, impact: isKnownCurrency(data.currency) ? { amount: data.amount, currency: data.currency, date: expenseDate } : undefined, details: { engagementRef: data.engagementRef, system: sender.system } });

    if (!isKnownCurrency(data.currency)) throw hold('CURRENCY_MISMATCH', `Expense ${data.expenseId} is in ${data.currency}, a currency Threadline does not know`);
    const engagement = await findDeliveryEngagement(tx, { system: sender.system, engagementRef: data.engagementRef });
    if (!engagement) throw hold('TIME_FOR_UNKNOWN_ENGAGEMENT', `Expense ${data.expenseId} names engagement "${data.engagementRef}", which does not resolve`);

    const employee = data.employeeId ? await resolveTimesheetEmployee(tx, { system: sender.system, employeeId: data.employeeId }) : null;
    const sku = await tx.serviceCatalogItem.findFirst({ where: { sku: { in: [data.category, `EXP-${data.category.toUpperCase()}`] }, kind: 'EXPENSE' }, select: { id: true } });
    const values = {
      engagementId: engagement.id,
      employeeId: employee?.id ?? null,
      category: data.category,
      description: data.description ?? null,
      expenseDate,
      amount: data.amount,
      currency: data.currency,
      billable: data.billable,
      approvalStatus: 'APPROVED' as const,
      approvedAt: event.time ?? event.receivedAt,
      serviceCatalogItemId: sku?.id ?? null,
      costCenterId: employee?.costCenterId ?? null,
    };
    const key = { sourceSystem_externalId: { sourceSystem: sender.system, externalId: data.expenseId } };
    const audit = { actor: sender.actor, entityType: 'Expense' as const, correlationId: engagement.correlationId, eventId: event.inboxEventId, at: now };

    const { count } = await tx.expense.createMany({ data: [{ ...values, sourceSystem: sender.system, externalId: data.expenseId }], skipDuplicates: true });
    const row = await tx.expense.findUniqueOrThrow({ where: key });
    if (count === 1) {
      await writeAudit(tx, { ...audit, entityId: row.id, action: 'expense.recorded', after: { ...values, expenseDate: data.date } });
      await linkLineage(tx, [{ from: { type: 'Engagement', id: engagement.id }, to: { type: 'Expense', id: row.id }, relation: 'CONTAINS', amount: data.amount, currency: data.currency, eventId: event.inboxEventId, correlationId: engagement.correlationId }]);
      return { status: 'applied', note: 'Expense recorded.' };
    }

    const changed: Record<string, [unknown, unknown]> = {};
    const compare = (field: string, before: unknown, after: unknown) => {
      if (before !== after) changed[field] = [before, after];
    };
    compare('engagementId', row.engagementId, values.engagementId);
    compare('expenseDate', row.expenseDate.toISOString().slice(0, 10), data.date);
    if (compareDecimalStrings(row.amount.toString(), data.amount) !== 0) changed.amount = [row.amount.toString(), data.amount];
    compare('currency', row.currency, values.currency);
    compare('billable', row.billable, values.billable);
    compare('category', row.category, values.category);
    compare('description', row.description, values.description);
    if (Object.keys(changed).length === 0) return { status: 'applied', note: 'No change.' };
    if (row.invoiceLineId !== null) {
      return { status: 'ignored', note: `Expense ${data.expenseId} is already invoiced; ${Object.keys(changed).join(', ')} not changed. Void or credit its invoice, then replay.` };
    }
    await tx.expense.update({ where: { id: row.id }, data: values });
    if (changed.engagementId) await linkLineage(tx, [{ from: { type: 'Engagement', id: engagement.id }, to: { type: 'Expense', id: row.id }, relation: 'CONTAINS', amount: data.amount, currency: data.currency, eventId: event.inboxEventId, correlationId: engagement.correlationId }]);
    await writeAudit(tx, {
      ...audit,
      entityId: row.id,
      action: 'expense.updated',
      before: Object.fromEntries(Object.entries(changed).map(([k, [b]]) => [k, b])),
      after: Object.fromEntries(Object.entries(changed).map(([k, [, a]]) => [k, a])),
    });
    return { status: 'applied', note: `Expense updated: ${Object.keys(changed).join(', ')}.` };
  },
};
