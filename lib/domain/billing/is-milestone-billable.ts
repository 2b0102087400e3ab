// A fixed-fee milestone becomes billable when it is completed, approved by the project
// manager and backed by evidence (DESIGN.md §6). Every missing condition is reported, so
// the delivery lead sees at once what a milestone still lacks; `reason` is the first one.
import type { MilestoneStatus } from '../../db/generated/enums.ts';
import type { DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';

/** A Milestone with its evidence, as the workflow loads it. */
export interface MilestoneInput {
  id: string;
  ref: string;
  name: string;
  sortOrder?: number;
  amount: DecimalInput;
  currency: string;
  status: MilestoneStatus;
  /** The completion date (the date of Milestone.completedAt); null = not completed. */
  completedOn: IsoDate | null;
  /** The date all three conditions first held (Milestone.billableAt), when recorded. */
  billableOn?: IsoDate | null;
  /** PM approval (Milestone.approvedAt / approvedBy); null = not approved. */
  approvedBy: string | null;
  evidence: readonly { sha256: string; uri?: string }[];
  /** The line currently billing it; null = not invoiced. */
  invoiceLineId: string | null;
  /** The SKU it bills under (FF-TRANSFORM, FF-IMPLEMENT), when known. */
  sku?: string | null;
}

/** MILESTONE_MISSING_EVIDENCE is the exception code of DESIGN.md §7; the others are states. */
export type MilestoneBlock = 'CANCELLED' | 'NOT_COMPLETED' | 'MISSING_APPROVAL' | 'MILESTONE_MISSING_EVIDENCE';

export type MilestoneBillability = { billable: true } | { billable: false; reason: MilestoneBlock; reasons: MilestoneBlock[] };

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function isMilestoneBillable(milestone: Pick<MilestoneInput, 'status' | 'completedOn' | 'approvedBy' | 'evidence'>): MilestoneBillability {
  if (milestone.status === 'CANCELLED') return { billable: false, reason: 'CANCELLED', reasons: ['CANCELLED'] };
  const reasons: MilestoneBlock[] = [];
  if (milestone.completedOn === null) reasons.push('NOT_COMPLETED');
  if (!milestone.approvedBy?.trim()) reasons.push('MISSING_APPROVAL');
  // Evidence counts only with a digest: a link alone proves nothing about what was delivered.
  if (!milestone.evidence.some((e) => SHA256_HEX.test(e.sha256))) reasons.push('MILESTONE_MISSING_EVIDENCE');
  const [reason] = reasons;
  return reason === undefined ? { billable: true } : { billable: false, reason, reasons };
}
