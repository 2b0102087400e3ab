// Fixed fee with milestones (DESIGN.md §6): every billable milestone not yet invoiced and
// completed on or before asOf goes on one invoice per engagement per run, one line per
// milestone for its amount. Milestones that are completed but not billable are returned
// with their reasons, so the workflow can raise MILESTONE_MISSING_EVIDENCE and the like.
import { compareDecimalStrings } from '../money/decimal-string.ts';
import type { IsoDate } from '../periods/calendar-date.ts';
import { milestoneKey } from './billing-key.ts';
import { decimalText, draftLine, draftSource, type HeldSource, type InvoiceDraft } from './invoice-draft.ts';
import { isMilestoneBillable, type MilestoneBlock, type MilestoneInput } from './is-milestone-billable.ts';

export interface MilestoneBilling {
  invoice: InvoiceDraft | null;
  /** Completed on or before asOf, not invoiced, but not billable yet. */
  notBillable: { milestoneId: string; ref: string; reason: MilestoneBlock; reasons: MilestoneBlock[] }[];
  held: HeldSource[];
}

export function billMilestones(options: { engagementId: string; currency: string; asOf: IsoDate; milestones: readonly MilestoneInput[] }): MilestoneBilling {
  const { engagementId, asOf } = options;
  const currency = options.currency.toUpperCase();
  const notBillable: MilestoneBilling['notBillable'] = [];
  const held: HeldSource[] = [];
  const due: MilestoneInput[] = [];

  const ordered = [...options.milestones].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  for (const m of ordered) {
    if (m.invoiceLineId !== null || m.status === 'CANCELLED') continue;
    if (m.completedOn === null || m.completedOn > asOf) continue;
    const billability = isMilestoneBillable(m);
    if (!billability.billable) {
      notBillable.push({ milestoneId: m.id, ref: m.ref, reason: billability.reason, reasons: billability.reasons });
    } else if (m.currency.toUpperCase() !== currency) {
      held.push({ sourceKind: 'MILESTONE', sourceId: m.id, code: 'CURRENCY_MISMATCH', message: `Milestone ${m.ref} is in ${m.currency}, engagement bills in ${currency}` });
    } else if (compareDecimalStrings(decimalText(m.amount), '0') <= 0) {
      throw new RangeError(`Milestone ${m.ref} has a non-positive amount`);
    } else {
      due.push(m);
    }
  }
  if (due.length === 0) return { invoice: null, notBillable, held };

  const lines = due.map((m) =>
    draftLine({
      kind: 'MILESTONE',
      description: `Milestone ${m.ref}: ${m.name}`,
      sku: m.sku ?? null,
      quantity: 1,
      unitPrice: m.amount,
      currency,
      sources: [draftSource({ kind: 'MILESTONE', billingKey: milestoneKey(m.id), sourceId: m.id, quantity: 1, rate: m.amount, amount: m.amount, currency })],
    }),
  );
  // Eligibility (invoice timeliness) is when the earliest of them became billable.
  const [eligibleOn] = due.map((m) => m.billableOn ?? m.completedOn ?? asOf).sort();
  return {
    invoice: {
      engagementId,
      currency,
      billingPeriodKey: due.map((m) => m.ref).join(','),
      servicePeriodStart: null,
      servicePeriodEnd: null,
      eligibleOn: eligibleOn ?? asOf,
      lines,
    },
    notBillable,
    held,
  };
}
