// Helpers for the schema tests: the first problem as the sender would see it (a pointer
// inside `data`), and a deep copy of a type's example with a few members changed.
import { toJsonPointer } from '../../http/validation-errors.ts';
import type { EventType } from './catalog.ts';
import { exampleEventData } from './examples.ts';
import { validateEventData } from './validate-event-data.ts';

/** As a change's value: delete the member instead of setting it. */
export const REMOVE = Symbol('remove');

export type Change = [path: (string | number)[], value: unknown];

export function firstProblem(type: EventType, data: unknown): { pointer: string; message: string } | null {
  const result = validateEventData(type, data);
  return result.ok ? null : { pointer: toJsonPointer(result.path), message: result.message };
}

export function exampleWith(type: EventType, ...changes: Change[]): Record<string, unknown> {
  const copy = structuredClone(exampleEventData[type]) as Record<string, unknown>;
  for (const [path, value] of changes) {
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1]!;
    let parent = copy as Record<string | number, unknown>;
    for (const segment of parentPath) parent = parent[segment] as Record<string | number, unknown>;
    if (value === REMOVE) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}
