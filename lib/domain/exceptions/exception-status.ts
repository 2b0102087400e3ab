// The life of an exception (DESIGN.md §7): OPEN → ASSIGNED → RESOLVED or SUPPRESSED, and
// back to OPEN when a resolved problem is seen again. Suppressed ones stay suppressed and
// only count their occurrences. Invalid moves are values, so callers choose the answer
// (409 in the API). Repeating a finished action is "already done", not an error.
import type { ExceptionCode, ExceptionStatus } from '../../db/generated/enums.ts';
import { classify } from './classification.ts';

export type TriageAction =
  | { kind: 'assign' }
  | { kind: 'resolve'; note?: string | null }
  | { kind: 'suppress'; reason?: string | null }
  | { kind: 'replay' }
  | { kind: 'approve' | 'reject'; code: ExceptionCode }
  | { kind: 'recur' };

export type TransitionError = 'INVALID_TRANSITION' | 'NOTE_REQUIRED' | 'REASON_REQUIRED' | 'NOT_A_DECISION';

export type Transition =
  | { ok: true; status: ExceptionStatus; alreadyDone: boolean }
  | { ok: false; error: TransitionError; message: string };

/** Status after the same problem is raised again; the upsert in raise-exception uses it. */
export const statusOnRecurrence: Record<ExceptionStatus, ExceptionStatus> = {
  OPEN: 'OPEN',
  ASSIGNED: 'ASSIGNED',
  RESOLVED: 'OPEN',
  SUPPRESSED: 'SUPPRESSED',
};

const open = (status: ExceptionStatus) => status === 'OPEN' || status === 'ASSIGNED';
const to = (status: ExceptionStatus, alreadyDone = false): Transition => ({ ok: true, status, alreadyDone });
const invalid = (action: string, status: ExceptionStatus, why: string): Transition => ({
  ok: false,
  error: 'INVALID_TRANSITION',
  message: `Cannot ${action} an exception that is ${status.toLowerCase()}: ${why}`,
});
const blank = (text: string | null | undefined) => !text || text.trim() === '';

export function nextStatusAfter(action: TriageAction, current: ExceptionStatus): Transition {
  switch (action.kind) {
    case 'recur':
      return to(statusOnRecurrence[current]);
    case 'assign':
      return open(current) ? to('ASSIGNED') : invalid('assign', current, 'it reopens by itself when the problem recurs.');
    case 'replay':
      // A resolved exception may still hold events (fixed, then resolved, then replayed).
      return current === 'SUPPRESSED' ? invalid('replay', current, 'its events are deliberately left alone.') : to(current);
    case 'resolve':
      if (blank(action.note)) return { ok: false, error: 'NOTE_REQUIRED', message: 'Resolving needs a note saying what was done.' };
      if (current === 'RESOLVED') return to('RESOLVED', true);
      return open(current) ? to('RESOLVED') : invalid('resolve', current, 'it was suppressed.');
    case 'suppress':
      if (blank(action.reason)) return { ok: false, error: 'REASON_REQUIRED', message: 'Suppressing needs a reason.' };
      if (current === 'SUPPRESSED') return to('SUPPRESSED', true);
      return open(current) ? to('SUPPRESSED') : invalid('suppress', current, 'it is already resolved.');
    case 'approve':
    case 'reject':
      if (!classify(action.code).decision) {
        return { ok: false, error: 'NOT_A_DECISION', message: `${action.code} is not a business decision; fix the data and replay, or resolve it.` };
      }
      // A decision is made once; a second one would contradict the first.
      return open(current) ? to('RESOLVED') : invalid(action.kind, current, 'the decision has already been made.');
  }
}
