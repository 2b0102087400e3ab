// Validates an event's `data` against its catalog schema and reports the first problem
// as a path inside `data` (the envelope turns it into a JSON pointer for the sender).
import type { z } from 'zod';
import { eventCatalog, type EventData, type EventType } from './catalog.ts';

export type EventDataResult<T extends EventType> =
  | { ok: true; data: EventData<T> }
  | { ok: false; path: PropertyKey[]; message: string };

// zod's default for a missing member is "expected string, received undefined"; a sender
// reads "Required." next to the pointer more easily. Schema-specific messages still win.
const parseOptions = {
  error: (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? 'Required.' : undefined),
};

export function validateEventData<T extends EventType>(type: T, data: unknown): EventDataResult<T> {
  const result = (eventCatalog[type].schema as z.ZodType).safeParse(data, parseOptions);
  if (result.success) return { ok: true, data: result.data as EventData<T> };
  const first = result.error.issues[0];
  return { ok: false, path: first ? [...first.path] : [], message: first?.message ?? 'Invalid data.' };
}
