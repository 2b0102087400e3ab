// Whether a failed event is held or retried. Workflow holds are decisions (held until
// someone fixes data); everything else — a dependency down (TransientWorkflowError), a
// deadlock or lost connection, and unknown errors too, since a bug fixed by the next
// deploy should not lose the event — is retried with backoff until the attempts run out.
import { WorkflowHold } from './workflow.ts';

export type FailureKind = { kind: 'hold'; hold: WorkflowHold } | { kind: 'retry'; message: string };

const MAX_ERROR_LENGTH = 2000;

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof WorkflowHold) return { kind: 'hold', hold: error };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', message: message.slice(0, MAX_ERROR_LENGTH) };
}
