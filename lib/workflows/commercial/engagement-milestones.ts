// Reads an engagement's milestones for planning, and applies a MilestonePlan to them.
// A cancelled milestone is kept (status CANCELLED): nothing on a billing plan is deleted.
import type { Tx } from '../workflow.ts';
import type { CurrentMilestone, MilestonePlan } from './milestone-changes.ts';

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const dateOf = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

export interface TouchedMilestone {
  id: string;
  ref: string;
  amount: string;
  change: 'created' | 'updated' | 'cancelled';
}

export async function loadMilestones(tx: Tx, engagementId: string): Promise<CurrentMilestone[]> {
  const rows = await tx.milestone.findMany({ where: { engagementId }, orderBy: [{ sortOrder: 'asc' }, { ref: 'asc' }] });
  return rows.map((row) => ({
    id: row.id,
    ref: row.ref,
    name: row.name,
    amount: row.amount.toString(),
    dueDate: isoDay(row.dueDate),
    status: row.status,
    invoiced: row.invoiceLineId !== null || row.status === 'INVOICED',
    changeOrderId: row.changeOrderId,
  }));
}

/** Locks the engagement row for the rest of the transaction (amendments are serialised per engagement). */
export async function lockEngagement(tx: Tx, engagementId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Engagement" WHERE id = ${engagementId}::uuid FOR UPDATE`;
}

export async function applyMilestonePlan(
  tx: Tx,
  options: { engagementId: string; currency: string; plan: MilestonePlan; changeOrderId?: string | null },
): Promise<TouchedMilestone[]> {
  const { engagementId, currency, plan } = options;
  const changeOrderId = options.changeOrderId ?? null;
  const touched: TouchedMilestone[] = [];
  const last = await tx.milestone.aggregate({ where: { engagementId }, _max: { sortOrder: true } });
  let sortOrder = last._max.sortOrder ?? 0;
  for (const m of plan.create) {
    const row = await tx.milestone.create({
      data: { engagementId, ref: m.ref, name: m.name, amount: m.amount, currency, dueDate: dateOf(m.dueDate), sortOrder: (sortOrder += 1), changeOrderId },
      select: { id: true },
    });
    touched.push({ id: row.id, ref: m.ref, amount: m.amount, change: 'created' });
  }
  for (const m of plan.update) {
    await tx.milestone.update({
      where: { id: m.id },
      data: { name: m.after.name, amount: m.after.amount, dueDate: dateOf(m.after.dueDate), status: m.after.status, ...(changeOrderId ? { changeOrderId } : {}) },
    });
    touched.push({ id: m.id, ref: m.ref, amount: m.after.amount, change: 'updated' });
  }
  for (const m of plan.cancel) {
    await tx.milestone.update({ where: { id: m.id }, data: { status: 'CANCELLED', ...(changeOrderId ? { changeOrderId } : {}) } });
    touched.push({ id: m.id, ref: m.ref, amount: m.amount, change: 'cancelled' });
  }
  return touched;
}
