// The words the console uses for exception enums (DESIGN.md §7), and the badge tone of
// each status. One place, so the queue, the detail page and the filters agree.
import type { ExceptionStatus, OwnerTeam, Recoverability } from '@/lib/db/generated/enums';
import type { BadgeTone } from '@/components/ui/badge';

export const exceptionStatusLabels: Record<ExceptionStatus, string> = {
  OPEN: 'Open',
  ASSIGNED: 'Assigned',
  RESOLVED: 'Resolved',
  SUPPRESSED: 'Suppressed',
};

export const exceptionStatusTones: Record<ExceptionStatus, BadgeTone> = {
  OPEN: 'danger',
  ASSIGNED: 'warning',
  RESOLVED: 'accent',
  SUPPRESSED: 'muted',
};

export const recoverabilityLabels: Record<Recoverability, string> = {
  DATA_FIX: 'Data fix',
  DECISION: 'Decision',
  TRANSIENT: 'Transient',
  PERMANENT: 'Permanent',
};

export const ownerTeamLabels: Record<OwnerTeam, string> = {
  SALES_OPS: 'Sales ops',
  DELIVERY: 'Delivery',
  FINANCE_AR: 'Finance / AR',
  INTEGRATION_OPS: 'Integration ops',
  DATA_STEWARDSHIP: 'Data stewardship',
};

/** OWNERSHIP_VIOLATION → "Ownership violation". */
export function codeLabel(code: string): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
