// Plans how an engagement's milestones change (change orders and newer quote versions):
// which are created, which change (name, amount, due date) and which are cancelled. Pure.
// Money already invoiced is not re-priced here: changing the amount of an invoiced
// milestone, or cancelling it, needs a credit note first (MILESTONE_VALUE_MISMATCH); a
// change to a milestone the engagement does not have is UNKNOWN_MILESTONE.
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import type { MilestoneStatus } from '../../db/generated/enums.ts';
import { sum } from '../../domain/money/decimal.ts';

export interface CurrentMilestone {
  id: string;
  ref: string;
  name: string;
  amount: string;
  dueDate: string | null;
  status: MilestoneStatus;
  invoiced: boolean;
  /** The change order that added or last changed it, if any. */
  changeOrderId?: string | null;
}

export interface MilestoneInput {
  ref: string;
  name?: string;
  amount?: string;
  dueDate?: string | null;
}

type Terms = { name: string; amount: string; dueDate: string | null };

export interface MilestonePlan {
  create: (Terms & { ref: string })[];
  update: { id: string; ref: string; before: Terms & { status: MilestoneStatus }; after: Terms & { status: MilestoneStatus } }[];
  cancel: { id: string; ref: string; amount: string }[];
  /** Sum of the amounts of every milestone that is not cancelled once the plan is applied. */
  activeTotal: string;
}

export type MilestonePlanResult = { ok: true; plan: MilestonePlan } | { ok: false; code: 'UNKNOWN_MILESTONE' | 'MILESTONE_VALUE_MISMATCH'; problem: string; refs: string[] };

export function planMilestoneChanges(options: {
  current: readonly CurrentMilestone[];
  /** Full terms; a ref the engagement already has is changed to these terms (and revived if cancelled). */
  added?: readonly (Terms & { ref: string })[];
  changed?: readonly MilestoneInput[];
  cancelRefs?: readonly string[];
}): MilestonePlanResult {
  const byRef = new Map(options.current.map((m) => [m.ref, m]));
  const plan: MilestonePlan = { create: [], update: [], cancel: [], activeTotal: '0' };
  const after = new Map(options.current.map((m) => [m.ref, { ...m }]));

  const unknown = (options.changed ?? []).filter((c) => !byRef.has(c.ref) || byRef.get(c.ref)!.status === 'CANCELLED').map((c) => c.ref);
  if (unknown.length > 0) return { ok: false, code: 'UNKNOWN_MILESTONE', problem: `milestone ${unknown.join(', ')} is not on the engagement`, refs: unknown };

  const edits = [...(options.added ?? []).map((a) => ({ ...a, revive: true })), ...(options.changed ?? []).map((c) => ({ ...c, revive: false }))];
  const repriced: string[] = [];
  for (const edit of edits) {
    const existing = byRef.get(edit.ref);
    if (!existing) {
      const terms = { ref: edit.ref, name: edit.name!, amount: edit.amount!, dueDate: edit.dueDate ?? null };
      plan.create.push(terms);
      after.set(edit.ref, { ...terms, id: '', status: 'PLANNED', invoiced: false });
      continue;
    }
    const next = after.get(edit.ref)!;
    if (edit.name !== undefined) next.name = edit.name;
    if (edit.amount !== undefined) next.amount = edit.amount;
    if (edit.dueDate !== undefined) next.dueDate = edit.dueDate;
    if (edit.revive && next.status === 'CANCELLED') next.status = 'PLANNED';
    if (existing.invoiced && compareDecimalStrings(existing.amount, next.amount) !== 0) repriced.push(edit.ref);
  }
  for (const ref of options.cancelRefs ?? []) {
    const next = after.get(ref);
    if (!next || next.status === 'CANCELLED') continue;
    if (next.invoiced) repriced.push(ref);
    next.status = 'CANCELLED';
  }
  if (repriced.length > 0) {
    return { ok: false, code: 'MILESTONE_VALUE_MISMATCH', problem: `milestone ${repriced.join(', ')} is already invoiced; credit it before changing its amount`, refs: repriced };
  }

  for (const existing of options.current) {
    const next = after.get(existing.ref)!;
    const same = existing.name === next.name && existing.dueDate === next.dueDate && existing.status === next.status && compareDecimalStrings(existing.amount, next.amount) === 0;
    if (same) continue;
    if (next.status === 'CANCELLED' && existing.status !== 'CANCELLED') plan.cancel.push({ id: existing.id, ref: existing.ref, amount: existing.amount });
    else plan.update.push({ id: existing.id, ref: existing.ref, before: pick(existing), after: pick(next) });
  }
  plan.activeTotal = sumActive([...after.values()]);
  return { ok: true, plan };
}

function pick(m: Terms & { status: MilestoneStatus }) {
  return { name: m.name, amount: m.amount, dueDate: m.dueDate, status: m.status };
}

function sumActive(milestones: readonly (Terms & { status: MilestoneStatus })[]): string {
  return sum(milestones.filter((m) => m.status !== 'CANCELLED').map((m) => m.amount)).toString();
}
