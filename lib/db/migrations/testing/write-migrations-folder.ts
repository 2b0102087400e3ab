// Test helper: a throwaway prisma/migrations-style folder in the OS temp dir.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeMigrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'threadline-migrations-'));
  for (const [name, script] of Object.entries(migrations)) writeMigration(dir, name, script);
  return dir;
}

export function writeMigration(dir: string, name: string, script: string): string {
  mkdirSync(path.join(dir, name), { recursive: true });
  const file = path.join(dir, name, 'migration.sql');
  writeFileSync(file, script);
  return file;
}
