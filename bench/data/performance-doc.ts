// Each benchmark owns one section of docs/PERFORMANCE.md, between its begin and end
// markers: a run replaces its own section and leaves the others' alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, '../../docs/PERFORMANCE.md');

/** Replaces the text between begin and end (markers included), or appends it. */
export function writePerformanceSection(begin: string, end: string, section: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Performance\n';
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  writeFileSync(FILE, start >= 0 && stop > start ? current.slice(0, start) + section + current.slice(stop + end.length) : `${current.trimEnd()}\n\n${section}\n`);
}
