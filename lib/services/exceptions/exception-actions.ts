// The triage actions of the operations API (DESIGN.md §5, §7) and who may take each one
// (§11): integration ops assigns, resolves, suppresses, replays and pushes corrections;
// finance approves or rejects money decisions. The route checks exceptions:read; the
// service checks these, so a server action or job calling it is held to the same rule.
import type { Permission } from '../../auth/permissions.ts';
import type { ExceptionActionKind } from '../../db/generated/enums.ts';

export const exceptionActionNames = ['assign', 'replay', 'push-correction', 'approve', 'reject', 'resolve', 'suppress'] as const;
export type ExceptionActionName = (typeof exceptionActionNames)[number];

/** Exceptions one bulk action may name (the queue's largest page). */
export const MAX_BULK_EXCEPTIONS = 200;

export const actionPermission: Record<ExceptionActionName, Permission> = {
  assign: 'exceptions:triage',
  resolve: 'exceptions:triage',
  suppress: 'exceptions:triage',
  replay: 'exceptions:replay',
  'push-correction': 'corrections:push',
  approve: 'finance:approve',
  reject: 'finance:approve',
};

export const actionKind: Record<ExceptionActionName, ExceptionActionKind> = {
  assign: 'ASSIGN',
  resolve: 'RESOLVE',
  suppress: 'SUPPRESS',
  replay: 'REPLAY',
  'push-correction': 'PUSH_CORRECTION',
  approve: 'APPROVE',
  reject: 'REJECT',
};

/** The verb of the audit record, e.g. "exception.assigned". */
export const auditVerb: Record<ExceptionActionName, string> = {
  assign: 'exception.assigned',
  resolve: 'exception.resolved',
  suppress: 'exception.suppressed',
  replay: 'exception.replayed',
  'push-correction': 'exception.correction-pushed',
  approve: 'exception.approved',
  reject: 'exception.rejected',
};
