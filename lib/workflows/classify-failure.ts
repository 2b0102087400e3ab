// Whether a failed event is worth retrying. Workflow holds are decisions (held until
// someone fixes data); everything else is retried with backoff — including unknown
// errors, since a bug fixed by the next deploy should not lose the event — until the
// attempts run out.
import { TransientWorkflowError, WorkflowHold } from './workflow.ts';

export type FailureKind = { kind: 'hold'; hold: WorkflowHold } | { kind: 'retry'; message: string };

// PostgreSQL errors that go away on retry: serialization, deadlock, lock timeout,
// statement timeout, connection trouble, too many connections.
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '53300', '57P01']);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { code?: unknown; meta?: { code?: unknown }; cause?: unknown }).code;
  if (typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate)) return candidate;
  const meta = (error as { meta?: { code?: unknown } }).meta?.code;
  return typeof meta === 'string' ? meta : undefined;
}

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof WorkflowHold) return { kind: 'hold', hold: error };
  const message = error instanceof Error ? error.message : String(error);
  const state = sqlState(error);
  if (error instanceof TransientWorkflowError || (state && (TRANSIENT_SQLSTATES.has(state) || state.startsWith('08')))) {
    return { kind: 'retry', message };
  }
  return { kind: 'retry', message: message.slice(0, 2000) };
}
