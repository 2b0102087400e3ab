// Where the demo world's load stands, kept in <data dir>/demo-world.json: written by the
// loader (npm start, npm run demo:reset), read by GET /api/v1/health so tests and people
// can wait for it. A file, not a table: it describes this installation's demo, not business data.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../../runtime/read-json-file.ts';

export const demoStatusSchema = z.object({
  status: z.enum(['loading', 'loaded', 'failed']),
  seed: z.string(),
  scale: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** What the loader is doing, or what failed. */
  detail: z.string(),
  /** The process that loads it (npm start), which demo:reset signals. */
  pid: z.number().int().optional(),
});

export type DemoStatus = z.infer<typeof demoStatusSchema>;

export const demoStatusPath = (dataDir: string) => path.join(dataDir, 'demo-world.json');

export function readDemoStatus(dataDir: string): DemoStatus | undefined {
  return readJsonFile(demoStatusPath(dataDir), demoStatusSchema);
}

/** Written to a temporary file and renamed, so a reader never sees half a file. */
export function writeDemoStatus(dataDir: string, status: DemoStatus): void {
  const file = demoStatusPath(dataDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(status, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}
