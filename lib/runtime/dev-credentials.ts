// .data/dev-credentials.json: what a developer (or a test, or a simulator) needs to talk
// to a local Threadline — base URL, database URL, demo users with passwords and API
// tokens, and (from the ingestion issue on) connector tokens and signing secrets.
// DESIGN.md §5 fixes its shape. Written with mode 0600: it holds secrets.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Role } from '../db/generated/enums.ts';
import { readJsonFile } from './read-json-file.ts';

export const devCredentialsSchema = z.object({
  baseUrl: z.string(),
  databaseUrl: z.string(),
  connectors: z.record(z.string(), z.object({ token: z.string(), signingSecret: z.string().optional(), sources: z.array(z.string()) })).default({}),
  users: z.array(z.object({ email: z.string(), password: z.string(), role: z.enum(Role), apiToken: z.string() })),
});

export type DevCredentials = z.infer<typeof devCredentialsSchema>;

export function devCredentialsPath(dataDir: string): string {
  return path.join(dataDir, 'dev-credentials.json');
}

/** The previous file, or undefined when it is missing or unreadable (it is then rewritten). */
export function readDevCredentials(dataDir: string): DevCredentials | undefined {
  return readJsonFile(devCredentialsPath(dataDir), devCredentialsSchema);
}

export function writeDevCredentials(dataDir: string, credentials: DevCredentials): string {
  const file = devCredentialsPath(dataDir);
  writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return file;
}
