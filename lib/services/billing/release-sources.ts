// Makes the sources behind a voided or credited invoice billable again (DESIGN.md §6
// "Reversals"): their billing keys are cleared (releasedAt kept, so the history stays) and
// the time, milestones, expenses and usage no longer point at the line; a retainer month
// is billable again as soon as its key is released. The next run bills them afresh.
import type { Prisma } from '../../db/client.ts';
import type { ReleasedSource } from '../../domain/billing/reverse-invoice.ts';

const COLUMNS = {
  TIME_TRANSACTION: ['TimeTransaction', 'invoiceLineId'],
  TIME_REVERSAL: ['TimeTransaction', 'reversalInvoiceLineId'],
  MILESTONE: ['Milestone', 'invoiceLineId'],
  EXPENSE: ['Expense', 'invoiceLineId'],
  USAGE_RECORD: ['UsageRecord', 'invoiceLineId'],
} as const;

export async function releaseSources(tx: Prisma.TransactionClient, options: { released: readonly ReleasedSource[]; now: Date }): Promise<number> {
  const { released, now } = options;
  if (released.length === 0) return 0;
  const rows = await tx.invoiceLineSource.findMany({ where: { id: { in: released.map((r) => r.invoiceLineSourceId) } }, select: { id: true, invoiceLineId: true } });
  const lineOf = new Map(rows.map((r) => [r.id, r.invoiceLineId]));
  const { count } = await tx.invoiceLineSource.updateMany({ where: { id: { in: released.map((r) => r.invoiceLineSourceId) }, billingKey: { not: null } }, data: { billingKey: null, releasedAt: now } });

  for (const [kind, [table, column]] of Object.entries(COLUMNS)) {
    const of = released.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    // Only where the row still points at this line: a later billing is not undone.
    await tx.$executeRawUnsafe(
      `UPDATE "${table}" t SET "${column}" = NULL, "updatedAt" = $3 FROM unnest($1::uuid[], $2::uuid[]) AS v(id, line) WHERE t.id = v.id AND t."${column}" = v.line`,
      of.map((r) => r.sourceId),
      of.map((r) => lineOf.get(r.invoiceLineSourceId)!),
      now,
    );
  }
  const milestones = released.filter((r) => r.kind === 'MILESTONE').map((r) => r.sourceId);
  if (milestones.length > 0) await tx.milestone.updateMany({ where: { id: { in: milestones }, invoiceLineId: null, status: 'INVOICED' }, data: { status: 'BILLABLE' } });
  return count;
}
