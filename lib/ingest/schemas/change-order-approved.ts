// q2c.change_order.approved.v1 — an approved change to a quote's engagement: deltas on
// value, cost estimate and budget hours, and the milestones it adds or changes. Deltas
// may be negative (a descoped change order); the sent milestone changes are kept as-is.
import { z } from 'zod';
import { amount, hoursDelta, identifier, isoDate, nonEmptyText, optional, positiveInteger, requireUniqueKeys, timestamp } from './fields.ts';
import { quotedMilestone } from './quote-accepted.ts';

/** A change to a milestone the engagement already has: its ref plus what changes. */
const changedMilestone = z.looseObject({
  ref: identifier,
  name: optional(nonEmptyText),
  amount: optional(amount({ positive: true })),
  dueDate: optional(isoDate),
});

export const changeOrderApprovedData = z
  .looseObject({
    changeOrderId: identifier,
    quoteId: identifier,
    version: positiveInteger(),
    valueDelta: amount(),
    estimatedCostDelta: amount(),
    budgetHoursDelta: hoursDelta(),
    milestonesAdded: optional(z.array(quotedMilestone)),
    milestonesChanged: optional(z.array(changedMilestone)),
    reason: nonEmptyText,
    approvedAt: timestamp,
  })
  .superRefine((changeOrder, ctx) => {
    if (changeOrder.milestonesAdded) requireUniqueKeys(changeOrder.milestonesAdded, 'ref', ctx, ['milestonesAdded']);
    if (changeOrder.milestonesChanged) requireUniqueKeys(changeOrder.milestonesChanged, 'ref', ctx, ['milestonesChanged']);
  });

export type ChangeOrderApprovedData = z.output<typeof changeOrderApprovedData>;
