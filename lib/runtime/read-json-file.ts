// A small JSON file of the data folder (dev credentials, demo status, the running stack),
// read and checked with its schema; undefined when it is missing, unreadable or not of
// that shape, so the caller writes it afresh instead of crashing.
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

export function readJsonFile<T extends z.ZodType>(file: string, schema: T): z.output<T> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
