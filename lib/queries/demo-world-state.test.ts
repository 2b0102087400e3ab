import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDemoStatus } from '../demo/load/demo-status.ts';
import { demoWorldState } from './demo-world-state.ts';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-state-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const base = { seed: 's', scale: 1, startedAt: '2026-12-04T10:00:00.000Z', detail: '2026-03: 8 quotes' };

describe('demoWorldState', () => {
  it('is off without a status file', () => {
    expect(demoWorldState(dataDir())).toEqual({ status: 'off' });
  });

  it('reports loading while the loader lives, and an interrupted load as failed', () => {
    const dir = dataDir();
    writeDemoStatus(dir, { ...base, status: 'loading', pid: process.pid });
    expect(demoWorldState(dir)).toMatchObject({ status: 'loading', detail: '2026-03: 8 quotes' });
    writeDemoStatus(dir, { ...base, status: 'loading', pid: 2 ** 22 + 12_345 });
    expect(demoWorldState(dir)).toMatchObject({ status: 'failed', detail: expect.stringMatching(/Interrupted.*2026-03: 8 quotes/) });
  });

  it('reports a finished load with its summary', () => {
    const dir = dataDir();
    writeDemoStatus(dir, { ...base, status: 'loaded', finishedAt: '2026-12-04T10:03:00.000Z', detail: '3300 events' });
    expect(demoWorldState(dir)).toEqual({ status: 'loaded', detail: '3300 events', seed: 's', scale: 1, startedAt: base.startedAt, finishedAt: '2026-12-04T10:03:00.000Z' });
  });
});
