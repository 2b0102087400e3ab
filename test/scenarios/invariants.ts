// The quote-to-cash invariants (issue 4), read from the database after every scenario step
// that moves money. Each check lists what it found wrong instead of stopping at the first,
// so one failing month says everything that is off:
//   1. every invoice line traces to its sources (source rows, amounts, lineage links);
//   2. no source is billed twice while in force (voided and released billings excluded);
//   3. recognized revenue stays within the contract value (contract currency) after every
//      entry, equals it at completion, and nothing posts into a period after it closed;
//   4. applied cash never exceeds a receipt, and each receipt adds up;
//   5. invoice balance = total − applied − credited, with applied and credited as recorded.
import { expect } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { roundToMinor } from '../../lib/domain/money/currency.ts';
import { dec, sum, ZERO, type Decimal } from '../../lib/domain/money/decimal.ts';

const issuedStatuses = ['ISSUED', 'POSTED', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const;
const m = (value: { toString(): string }) => dec(value.toString());

type Source = Awaited<ReturnType<typeof loadDocuments>>[number]['lines'][number]['sources'][number];

function targetOf(source: Source): { type: string; id: string | null } {
  switch (source.kind) {
    case 'TIME_TRANSACTION':
    case 'TIME_REVERSAL':
      return { type: 'TimeTransaction', id: source.timeTransactionId };
    case 'MILESTONE':
      return { type: 'Milestone', id: source.milestoneId };
    case 'EXPENSE':
      return { type: 'Expense', id: source.expenseId };
    case 'USAGE_RECORD':
      return { type: 'UsageRecord', id: source.usageRecordId };
    case 'RETAINER_FEE':
      return { type: 'BillingPlan', id: source.billingPlanId };
  }
}

function loadDocuments(engagementId: string) {
  return db().invoice.findMany({
    where: { engagementId, status: { in: [...issuedStatuses] } },
    include: { lines: { include: { sources: true } }, cashApplications: true, creditNotes: { where: { status: { in: [...issuedStatuses] } } } },
    orderBy: { createdAt: 'asc' },
  });
}

async function lineTraces(engagementId: string, currency: string, problems: string[]) {
  const documents = await loadDocuments(engagementId);
  const links = await db().lineageLink.findMany({ where: { OR: [{ toId: { in: documents.flatMap((d) => [d.id, ...d.lines.map((l) => l.id)]) } }, { fromId: { in: documents.flatMap((d) => d.lines.map((l) => l.id)) } }] } });
  const has = (from: string, relation: string, to: string) => links.some((l) => l.fromId === from && l.toId === to && l.relation === relation);
  for (const document of documents) {
    const name = `${document.kind} ${document.number}`;
    // A credit note traces through the lines it credits (creditedLineId) and its CREDITS
    // link to the original, which is how BILLING.md describes its lineage.
    if (document.kind === 'CREDIT_NOTE') {
      const original = document.originalInvoiceId ?? '';
      const creditable = new Set((await db().invoiceLine.findMany({ where: { invoiceId: original }, select: { id: true } })).map((l) => l.id));
      if (!(await db().lineageLink.count({ where: { fromId: document.id, toId: original, relation: 'CREDITS' } }))) problems.push(`${name}: no CREDITS lineage to its invoice`);
      for (const line of document.lines) if (!line.creditedLineId || !creditable.has(line.creditedLineId)) problems.push(`${name} line ${line.lineNo}: credits no line of ${original}`);
      continue;
    }
    for (const line of document.lines) {
      if (!has(line.id, 'PART_OF', document.id)) problems.push(`${name} line ${line.lineNo}: no PART_OF lineage to its invoice`);
      if (line.sources.length === 0) {
        problems.push(`${name} line ${line.lineNo} (${line.kind} ${line.amount}): no sources`);
        continue;
      }
      const sourced = roundToMinor(sum(line.sources.map((s) => m(s.amount))), currency);
      if (!sourced.eq(m(line.amount))) problems.push(`${name} line ${line.lineNo}: sources add up to ${sourced.toFixed(2)}, the line says ${m(line.amount).toFixed(2)}`);
      for (const source of line.sources) {
        const target = targetOf(source);
        if (!target.id) problems.push(`${name} line ${line.lineNo}: a ${source.kind} source naming no ${target.type}`);
        else if (source.kind === 'TIME_REVERSAL' ? !has(line.id, 'REVERSES', target.id) : !has(target.id, 'BILLED', line.id)) {
          problems.push(`${name} line ${line.lineNo}: no lineage from ${target.type} ${target.id}`);
        }
      }
    }
  }
  return documents;
}

function billedOnce(documents: Awaited<ReturnType<typeof loadDocuments>>, problems: string[]) {
  const inForce = new Map<string, string[]>();
  for (const document of documents) {
    for (const line of document.lines) {
      for (const source of line.sources) {
        const live = document.status !== 'VOID' && source.releasedAt === null && source.billingKey !== null;
        if (document.status === 'VOID' && source.billingKey !== null) problems.push(`void ${document.number} still holds billing key ${source.billingKey}`);
        if (!live) continue;
        const target = targetOf(source);
        const key = `${source.kind}:${target.id}:${source.periodKey ?? ''}`;
        inForce.set(key, [...(inForce.get(key) ?? []), document.number ?? document.id]);
      }
    }
  }
  for (const [key, where] of inForce) if (where.length > 1) problems.push(`${key} billed ${where.length} times: ${where.join(', ')}`);
}

async function revenueWithinContract(engagementId: string, options: InvariantOptions, problems: string[]) {
  const engagement = await db().engagement.findUniqueOrThrow({ where: { id: engagementId }, include: { billingPlan: true } });
  const schedules = await db().revenueSchedule.findMany({ where: { engagementId }, include: { entries: { include: { accountingPeriod: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } });
  const value = roundToMinor(m(engagement.value), engagement.currency);
  for (const schedule of schedules) {
    let running = ZERO;
    for (const entry of schedule.entries) {
      running = running.plus(m(entry.amount));
      if (!running.eq(m(entry.cumulativeAmount))) problems.push(`${schedule.treatment} ${entry.period}: cumulative ${entry.cumulativeAmount} is not the running sum ${running.toFixed(2)}`);
      const closedAt = entry.accountingPeriod.closedAt;
      if (entry.accountingPeriod.status === 'CLOSED' && closedAt && entry.createdAt > closedAt) problems.push(`${schedule.treatment} entry posted into ${entry.period} after it closed`);
      if (schedule.treatment === engagement.billingPlan?.revenueTreatment && running.gt(value)) problems.push(`${schedule.treatment} recognized ${running.toFixed(2)} > contract value ${value.toFixed(2)} ${engagement.currency}`);
    }
    if (!running.eq(m(schedule.recognizedToDate))) problems.push(`${schedule.treatment}: recognizedToDate ${schedule.recognizedToDate} ≠ sum of entries ${running.toFixed(2)}`);
    if (options.complete && schedule.treatment === engagement.billingPlan?.revenueTreatment && !running.eq(value)) {
      problems.push(`complete, but ${schedule.treatment} recognized ${running.toFixed(2)} ≠ contract value ${value.toFixed(2)}`);
    }
  }
  const invoices = await db().invoice.findMany({ where: { engagementId, accountingPeriodId: { not: null } }, include: { accountingPeriod: true } });
  for (const invoice of invoices) {
    const period = invoice.accountingPeriod!;
    if (period.status === 'CLOSED' && period.closedAt && invoice.issuedAt && invoice.issuedAt > period.closedAt) problems.push(`${invoice.number} posted into ${period.period} after it closed`);
  }
}

async function cashAddsUp(documents: Awaited<ReturnType<typeof loadDocuments>>, problems: string[]) {
  const receiptIds = [...new Set(documents.flatMap((d) => d.cashApplications.map((a) => a.receiptId)))];
  const receipts = await db().cashReceipt.findMany({ where: { id: { in: receiptIds } }, include: { applications: true } });
  for (const receipt of receipts) {
    const applied = sum(receipt.applications.map((a) => m(a.amount)));
    const name = `receipt ${receipt.externalId}`;
    if (!applied.eq(m(receipt.appliedAmount))) problems.push(`${name}: applications add up to ${applied.toFixed(2)}, appliedAmount says ${receipt.appliedAmount}`);
    if (applied.gt(m(receipt.amount)) || applied.isNegative()) problems.push(`${name}: applied ${applied.toFixed(2)} outside 0…${receipt.amount}`);
    const accounted = m(receipt.appliedAmount).plus(m(receipt.unappliedAmount)).plus(m(receipt.refundedAmount));
    if (!accounted.eq(m(receipt.amount))) problems.push(`${name}: applied + unapplied + refunded = ${accounted.toFixed(2)} ≠ ${receipt.amount}`);
  }
  for (const document of documents) {
    if (document.kind !== 'INVOICE') continue;
    const applied = sum(document.cashApplications.map((a) => m(a.amount)));
    const credited = sum(document.creditNotes.map((c) => m(c.total).negated()));
    const name = `${document.number} (${document.status})`;
    if (!applied.eq(m(document.amountApplied))) problems.push(`${name}: cash applied ${applied.toFixed(2)}, amountApplied says ${document.amountApplied}`);
    if (!credited.eq(m(document.amountCredited))) problems.push(`${name}: credit notes ${credited.toFixed(2)}, amountCredited says ${document.amountCredited}`);
    const expected: Decimal = document.status === 'VOID' ? ZERO : m(document.total).minus(applied).minus(credited);
    if (!expected.eq(m(document.balanceDue))) problems.push(`${name}: balance ${document.balanceDue} ≠ total ${document.total} − applied ${applied.toFixed(2)} − credited ${credited.toFixed(2)}`);
  }
}

export interface InvariantOptions {
  /** The engagement is complete: the main revenue schedule must equal the contract value. */
  complete?: boolean;
}

/** Every invariant of the engagement's books, as a list of what is wrong (empty = all hold). */
export async function findViolations(engagementId: string, options: InvariantOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  const { currency } = await db().engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { currency: true } });
  const documents = await lineTraces(engagementId, currency, problems);
  billedOnce(documents, problems);
  await revenueWithinContract(engagementId, options, problems);
  await cashAddsUp(documents, problems);
  return problems;
}

export async function expectInvariants(engagementId: string, step: string, options: InvariantOptions = {}): Promise<void> {
  expect(await findViolations(engagementId, options), `invariants after ${step}`).toEqual([]);
}
