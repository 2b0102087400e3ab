import { parseCrontab } from 'graphile-worker';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineJob } from './define-job.ts';
import { buildCrontab, buildTaskList, jobs } from './registry.ts';

describe('job registry', () => {
  it('produces a crontab graphile-worker accepts, one line per scheduled job', () => {
    const crontab = buildCrontab();
    const items = parseCrontab(crontab);
    expect(items.map((i) => i.task).sort()).toEqual(jobs.filter((j) => j.cron).map((j) => j.name).sort());
  });

  it('refuses a job name the crontab grammar cannot carry', () => {
    expect(() => defineJob({ name: 'maintenance.prune', payload: z.object({}), run: async () => undefined })).toThrow(/not a valid graphile-worker task identifier/);
  });

  it('refuses to register two jobs under one name', () => {
    const job = defineJob({ name: 'dup', payload: z.object({}), run: async () => undefined });
    expect(() => buildTaskList([job, job])).toThrow(/registered twice/);
  });

  it('runs a job with its parsed payload and drops a payload that fails its schema', async () => {
    const run = vi.fn(async () => undefined);
    const job = defineJob({ name: 'echo', payload: z.object({ n: z.number().default(1) }), run });
    const task = buildTaskList([job]).echo!;
    const helpers = { job: { id: '1' }, logger: { info: () => undefined } } as unknown as Parameters<typeof task>[1];
    await task({}, helpers);
    expect(run).toHaveBeenCalledWith({ n: 1 }, helpers);
    await task({ n: 'x' }, helpers);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
