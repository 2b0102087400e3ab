// When a fixed-fee engagement's work is done, for POC's "100% at completion": when every
// milestone that still counts has become billable (completed, approved by the project
// manager and backed by evidence — the client-facing proof of delivery), or when the
// engagement is closed, whichever comes first. Costs after that date no longer move revenue.
import type { MilestoneStatus } from '../../db/generated/enums.ts';
import { isIsoDate, type IsoDate } from '../periods/calendar-date.ts';

export interface MilestoneCompletionInput {
  status: MilestoneStatus;
  /** The date all three conditions first held (Milestone.billableAt as a date); null while not. */
  billableOn: IsoDate | null;
}

export function fixedFeeCompletedOn(options: { milestones: readonly MilestoneCompletionInput[]; closedOn?: IsoDate | null }): IsoDate | null {
  const closedOn = options.closedOn ?? null;
  if (closedOn !== null && !isIsoDate(closedOn)) throw new RangeError(`closedOn must be a date (YYYY-MM-DD), got ${closedOn}`);
  const counted = options.milestones.filter((m) => m.status !== 'CANCELLED');
  // A milestone that reached BILLABLE (or beyond) has a billable date; one without it is still open.
  const allDelivered = counted.length > 0 && counted.every((m) => m.billableOn !== null);
  const deliveredOn = allDelivered ? counted.map((m) => m.billableOn!).sort().at(-1)! : null;
  if (deliveredOn === null) return closedOn;
  if (closedOn === null) return deliveredOn;
  return deliveredOn < closedOn ? deliveredOn : closedOn;
}
