// Which triage buttons the exception page shows: only what this role may do (the same
// table the service checks) and what makes sense in the exception's state. The service
// still decides; hiding a button is a courtesy, not the check.
import { can } from '@/lib/auth/permissions';
import type { ExceptionCode, ExceptionStatus, Role } from '@/lib/db/generated/enums';
import { classify, type DecisionOptions } from '@/lib/domain/exceptions/classification';
import { actionPermission } from '@/lib/services/exceptions/exception-actions';

export type TriageButton = 'assign' | 'replay' | 'approve' | 'reject' | 'resolve' | 'suppress';

export interface AvailableActions {
  buttons: TriageButton[];
  /** For DECISION codes: what approving and rejecting decide. */
  decision: DecisionOptions | null;
}

export function availableActions(options: {
  role: Role;
  userId: string;
  exception: { code: ExceptionCode; status: ExceptionStatus; assigneeId: string | null };
  /** Linked events held by it: replay only does something when there are some. */
  heldEvents: number;
}): AvailableActions {
  const { role, userId, exception, heldEvents } = options;
  const open = exception.status === 'OPEN' || exception.status === 'ASSIGNED';
  const decision = classify(exception.code).decision ?? null;
  const may = (button: TriageButton) => can(role, actionPermission[button]);
  const shown: [TriageButton, boolean][] = [
    ['assign', open && exception.assigneeId !== userId],
    ['replay', exception.status !== 'SUPPRESSED' && heldEvents > 0],
    ['approve', open && decision !== null],
    ['reject', open && decision !== null],
    ['resolve', open],
    ['suppress', open],
  ];
  return { buttons: shown.filter(([button, sensible]) => sensible && may(button)).map(([button]) => button), decision };
}
