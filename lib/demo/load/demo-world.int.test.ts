// The demo world end to end: `npm start` (scripts/start.ts, production build) against this
// file's database, with the web app, the worker and every simulator as real processes; a
// small-scale world is loaded over real HTTP and must leave a living firm — all three
// billing models in all four currencies, invoices issued and posted by the ERP, cash
// applied, revenue recognized, and an open exception of every code of DESIGN.md §7; then
// `npm run demo:reset` empties it and loads the very same world again, credentials kept.
// Builds .next first when it is missing or stale.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { ensureProductionBuild } from '../../../test/support/production-build.ts';
import { findFreePort } from '../../runtime/ports.ts';

const root = process.cwd();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'threadline-demo-'));
let start: ChildProcess;
let output = '';
let baseUrl = '';

const CODES = [
  'CLIENT_NOT_MASTERED', 'INVALID_LEGAL_ENTITY', 'MISSING_TAX_PROFILE', 'CURRENCY_MISMATCH', 'UNMAPPED_SERVICE_SKU', 'RATE_CARD_MISSING',
  'TIME_FOR_UNKNOWN_ENGAGEMENT', 'MILESTONE_MISSING_EVIDENCE', 'OUT_OF_ORDER_GAP', 'PAYLOAD_CONFLICT', 'OWNERSHIP_VIOLATION', 'SCHEMA_INVALID',
  'CONNECTOR_DELIVERY_FAILED', 'TAX_ENGINE_UNAVAILABLE', 'UNAPPLIED_CASH', 'SHORT_PAY_DEDUCTION', 'PAYMENT_DISPUTED', 'ORPHANED_PROJECT',
  'UNBILLED_APPROVED_TIME', 'QUOTE_CONTRACT_VALUE_MISMATCH',
];

beforeAll(async () => {
  await ensureProductionBuild(root);
  const port = await findFreePort(3620);
  baseUrl = `http://127.0.0.1:${port}`;
  start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      THREADLINE_DATA_DIR: dataDir,
      SEED_DEMO_USERS: 'true',
      DEMO_WORLD: 'true',
      DEMO_WORLD_SCALE: '0.05',
      DEMO_WORLD_SEED: 'integration-test',
      NEXTAUTH_SECRET: 'demo-world-test-secret-that-is-at-least-32-chars',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 540_000;
  for (;;) {
    const ready = await fetch(`${baseUrl}/api/v1/health?demo=ready`).catch(() => undefined);
    if (ready?.ok) break;
    if (start.exitCode !== null || Date.now() > deadline || /could not be loaded/.test(output)) throw new Error(`The demo world did not load:\n${output.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}, 600_000);

afterAll(async () => {
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the demo world, loaded by npm start over real HTTP', () => {
  it('says on GET /api/v1/health that it is loaded, with what it sent', async () => {
    const health = (await (await fetch(`${baseUrl}/api/v1/health`)).json()) as { status: string; demo: { status: string; seed: string; detail: string } };
    expect(health).toMatchObject({ status: 'ok', demo: { status: 'loaded', seed: 'integration-test' } });
    expect(health.demo.detail).toMatch(/\d+ events, \d+ quotes, \d+ invoices/);
    expect(output).toMatch(/Demo world loaded/);
  });

  it('runs engagements of all three billing models in all four currencies', async () => {
    const plans = await db().billingPlan.findMany({ select: { model: true, currency: true } });
    expect(new Set(plans.map((p) => p.model))).toEqual(new Set(['TIME_AND_MATERIALS', 'FIXED_FEE_MILESTONE', 'RETAINER_WITH_OVERAGE']));
    expect(new Set(plans.map((p) => p.currency))).toEqual(new Set(['USD', 'GBP', 'EUR', 'INR']));
    expect(await db().engagement.count({ where: { status: 'ACTIVE' } })).toBeGreaterThan(5);
    const clients = await db().client.findMany({ select: { parentId: true } });
    expect(clients.filter((c) => c.parentId).length).toBeGreaterThan(0);
  });

  it('has invoices issued and posted by the ERP, cash applied and revenue recognized', async () => {
    expect(await db().invoice.count({ where: { status: { in: ['POSTED', 'PARTIALLY_PAID', 'PAID'] }, erpInvoiceNumber: { not: null } } })).toBeGreaterThan(5);
    expect(await db().cashApplication.count()).toBeGreaterThan(3);
    expect(await db().revenueEntry.count()).toBeGreaterThan(10);
    expect(await db().accountingPeriod.count({ where: { status: 'CLOSED' } })).toBeGreaterThan(4 * 12);
  });

  it('shows a living firm in its time-based KPIs, not the minutes the load took', async () => {
    // As the executive dashboard asks: GET /api/v1/kpis over the year and the last 90 days, and the monthly trends.
    const credentials = JSON.parse(readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8')) as { users: { role: string; apiToken: string }[] };
    const token = credentials.users.find((u) => u.role === 'EXECUTIVE')!.apiToken;
    const get = async <T,>(query: string) => {
      const response = await fetch(`${baseUrl}/api/v1/kpis${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as T;
    };
    type Kpis = { kpis: { key: string; value: string | null; breakdown?: Record<string, unknown> }[] };
    const figure = (answer: Kpis, key: string) => answer.kpis.find((k) => k.key === key)!;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const year = await get<Kpis>(`?from=${yearAgo}&to=${tomorrow}`);

    // Projects ready one to five days after the quote was accepted (the PSA's set-up time), not months.
    const activation = Number(figure(year, 'activationCycleTime').value);
    expect(activation).toBeGreaterThanOrEqual(1);
    expect(activation).toBeLessThanOrEqual(5);
    // Invoices posted overnight after weekly billing: mostly on time; late are the ones waiting for
    // tax since the outage, and milestones signed off early in a week.
    const timeliness = figure(year, 'invoiceTimeliness');
    expect(Number(timeliness.value)).toBeGreaterThanOrEqual(0.6);
    expect(Number(timeliness.value)).toBeLessThan(1);
    expect(timeliness.breakdown).toMatchObject({ late: expect.any(Number), onTime: expect.any(Number) });
    expect(timeliness.breakdown!.onTime as number).toBeGreaterThan(20);
    // Revenue recognised at month end for work approved during the month: days, not months.
    const lag = Number(figure(year, 'revenueRecognitionLag').value);
    expect(lag).toBeGreaterThan(1);
    expect(lag).toBeLessThan(40);
    // Receivables of a firm whose clients pay in 30–60 days, some late and some never yet.
    const dso = Number(figure(await get<Kpis>(''), 'dso').value);
    expect(dso).toBeGreaterThan(15);
    expect(dso).toBeLessThan(150);
    // Billed and collected across the year, not in the month of the load; so every month end's
    // receivable is what clients had not paid yet then.
    const series = await get<{ months: { month: string }[]; series: Record<string, (string | null)[]> }>('/series');
    const billedMonths = series.series.billedAndCollected!.filter((v) => v !== null && Number(v) > 0).length;
    expect(billedMonths).toBeGreaterThanOrEqual(9);
    const collected = series.series.collected!.map((v) => dec(v ?? '0'));
    const collectedInYear = collected.reduce((sum, v) => sum.plus(v), dec('0'));
    expect(collected.at(-1)!.lessThan(collectedInYear.dividedBy(4))).toBe(true);
    const dsoByMonth = series.series.dso!.filter((v): v is string => v !== null).map(Number);
    expect(dsoByMonth.length).toBeGreaterThanOrEqual(9);
    expect(Math.max(...dsoByMonth)).toBeLessThan(150);
  });

  it('leaves an open exception of every code of DESIGN.md §7 in the queue', async () => {
    const open = await db().exception.groupBy({ by: ['code'], where: { status: { in: ['OPEN', 'ASSIGNED'] } }, _count: true });
    const codes = new Set(open.map((o) => o.code as string));
    expect(CODES.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('is reloaded by npm run demo:reset: the same world again, users and connector credentials kept', async () => {
    const figures = async () => ({
      engagements: await db().engagement.count(),
      invoices: await db().invoice.count(),
      receipts: await db().cashReceipt.count(),
      clients: await db().client.count(),
      openCodes: (await db().exception.groupBy({ by: ['code'], where: { status: { in: ['OPEN', 'ASSIGNED'] } } })).map((o) => o.code).sort(),
    });
    const before = await figures();
    const credentials = readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8');
    // Asynchronously: npm start keeps writing to this process while the reset runs.
    const reset = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-reset.ts'], { cwd: root, env: { ...process.env, THREADLINE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    reset.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    reset.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => reset.once('exit', resolve));
    expect(code, `${said}\n${output.slice(-3000)}`).toBe(0);
    expect(said).toMatch(/Demo world loaded/);
    expect(await figures()).toEqual(before);
    expect(readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8')).toBe(credentials);
  }, 600_000);
});
