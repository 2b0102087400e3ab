// The world a year-long scenario runs in: the connected systems registered as connectors,
// a frozen clock the scenario moves by hand, events sent as CloudEvents through
// POST /api/v1/events (token, signature, batch mode) and applied by the inbox processor
// with every registered workflow, and finance working through the public API with a
// personal token, period close included. Nothing is inserted behind the engine's back.
import { randomUUID } from 'node:crypto';
import { expect, vi } from 'vitest';
import { POST as billingRunRoute } from '@/app/api/v1/billing/runs/route';
import { POST as reverseApplicationRoute } from '@/app/api/v1/cash/applications/[id]/reverse/route';
import { GET as engagementRoute } from '@/app/api/v1/engagements/[id]/route';
import { GET as engagementsRoute } from '@/app/api/v1/engagements/route';
import { POST as ingestRoute } from '@/app/api/v1/events/route';
import { POST as exceptionActionRoute } from '@/app/api/v1/exceptions/[id]/actions/route';
import { POST as creditNoteRoute } from '@/app/api/v1/invoices/[id]/credit-notes/route';
import { GET as explanationRoute } from '@/app/api/v1/invoices/[id]/explanation/route';
import { POST as voidRoute } from '@/app/api/v1/invoices/[id]/void/route';
import { GET as invoicesRoute } from '@/app/api/v1/invoices/route';
import { POST as closePeriodRoute } from '@/app/api/v1/periods/[legalEntityCode]/[period]/close/route';
import { GET as periodsRoute } from '@/app/api/v1/periods/route';
import { GET as revenueRoute } from '@/app/api/v1/revenue/route';
import { POST as revenueRunRoute } from '@/app/api/v1/revenue/runs/route';
import { db } from '../../lib/db/client.ts';
import type { SystemKind } from '../../lib/db/generated/enums.ts';
import { processInboxBatch } from '../../lib/workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../../lib/workflows/registry.ts';
import type { RunningTaxEngine } from '../../simulators/tax-engine/server.ts';
import { startTaxSimulator } from '../fixtures/billing.ts';
import { createPerson } from '../fixtures/exceptions.ts';
import { ingestRequest, testConnector } from '../support/ingest.ts';

export type System = 'crm' | 'psa' | 'erp' | 'hcm' | 'platform' | 'payments';
const KINDS: Record<System, SystemKind> = { crm: 'CRM', psa: 'PSA', erp: 'ERP', hcm: 'HCM', platform: 'SERVICE_PLATFORM', payments: 'PAYMENTS' };

export interface OutgoingEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
  sequence?: number;
  correlationId?: string;
  /** The event's `time`; the clock's now when absent. */
  time?: string;
  /** A fixed event id, to send the very same event twice. */
  id?: string;
}

/** A CloudEvent exactly as the system would put it on the wire. */
export function cloudEventOf(system: System, event: OutgoingEvent, now: Date): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: `/scenario/${system}`,
    type: event.type,
    subject: event.subject,
    time: event.time ?? now.toISOString(),
    ...(event.sequence !== undefined ? { sequence: event.sequence } : {}),
    ...(event.correlationId ? { correlationid: event.correlationId } : {}),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

export interface World {
  /** Moves the frozen clock (never backwards: the scenario is a year in order). */
  at(iso: string): Date;
  now(): Date;
  /** Sends the events as one batch from the system and expects each accepted (or a duplicate). */
  send(system: System, events: OutgoingEvent[] | OutgoingEvent): Promise<{ id: string; status: string }[]>;
  /** Sends CloudEvents already built (the hostile-ordering replay). */
  sendRaw(system: System, events: Record<string, unknown>[]): Promise<{ id: string; status: string }[]>;
  /** Runs the inbox processor until nothing is left to claim; answers how many events it handled. */
  drain(): Promise<number>;
  api: {
    billingRun(asOf: string, legalEntityCode?: string): Promise<BillingRunAnswer>;
    revenueRun(asOf: string, legalEntityCode?: string): Promise<Record<string, unknown>>;
    engagement(idOrCode: string): Promise<EngagementAnswer>;
    /** The engagement's figures, after checking that the revenue API tells the same story. */
    figures(engagementId: string): Promise<EngagementAnswer>;
    engagementByCorrelation(correlationId: string): Promise<EngagementAnswer>;
    invoices(engagementId: string): Promise<InvoiceAnswer[]>;
    explanation(invoiceId: string): Promise<Explanation>;
    voidInvoice(id: string, reason: string): Promise<Record<string, unknown>>;
    creditNote(id: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
    exceptionAction(id: string, action: string, note?: string): Promise<Record<string, unknown>>;
    reverseApplication(id: string, reason: string): Promise<Record<string, unknown>>;
  };
  /**
   * Closes a legal entity's month through the API, as finance does: months close in order,
   * so every earlier month still open is closed first (the seeded books start in 2025-01).
   */
  closePeriod(legalEntityCode: string, period: string): Promise<void>;
  stop(): Promise<void>;
}

export interface BillingRunAnswer {
  invoicesIssued: number;
  invoices: { id: string; engagementId: string; number: string; total: string; accountingPeriod?: string; latePosting?: boolean }[];
  held: { code: string }[];
  [key: string]: unknown;
}
export interface EngagementAnswer {
  id: string;
  code: string;
  status: string;
  currency: string;
  value: string;
  billed: string;
  billedExcludingTax: string;
  recognized: string;
  collected: string;
  unbilled: string;
  [key: string]: unknown;
}
export interface ExplanationNode {
  kind: string;
  label: string;
  amount?: string;
  currency?: string;
  detail?: string;
  children: ExplanationNode[];
}
export interface Explanation {
  invoice: { total: string };
  summary: string;
  tree: ExplanationNode;
  events: { eventId: string; type: string }[];
}
export interface InvoiceAnswer {
  id: string;
  kind: string;
  number: string | null;
  status: string;
  billingPeriodKey: string | null;
  subtotal: string;
  tax: string;
  total: string;
  balanceDue: string;
  lines: { kind: string; amount: string; quantity: string; sources: { kind: string; inForce: boolean }[] }[];
  [key: string]: unknown;
}

async function answer<T>(response: Response, expected = [200, 201]): Promise<T> {
  const body = await response.json();
  expect(expected, JSON.stringify(body)).toContain(response.status);
  return body as T;
}

export async function openWorld(options: { start: string }): Promise<World> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(options.start));
  const engine: RunningTaxEngine = await startTaxSimulator();
  const connectors = new Map<System, Awaited<ReturnType<typeof testConnector>>>();
  for (const system of Object.keys(KINDS) as System[]) {
    connectors.set(system, await testConnector({ code: system, kind: KINDS[system], sources: [`/scenario/${system}`], withSigningSecret: true, ingestRateLimitPerMinute: 1_000_000 }));
  }
  const finance = await createPerson('FINANCE');
  const resolve = buildWorkflowResolver();
  const json = (path: string, body: unknown) => new Request(`http://localhost${path}`, { method: 'POST', headers: { ...finance.bearer, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const get = (path: string) => new Request(`http://localhost${path}`, { headers: finance.bearer });

  const sendRaw = async (system: System, events: Record<string, unknown>[]) => {
    const body = JSON.stringify(events);
    const response = await ingestRoute(ingestRequest(connectors.get(system)!, body, { contentType: 'application/cloudevents-batch+json' }));
    const result = await answer<{ results: { id: string; status: string; error?: unknown }[] }>(response, [202]);
    for (const r of result.results) expect(['accepted', 'duplicate'], JSON.stringify(r)).toContain(r.status);
    return result.results;
  };

  const world: World = {
    at(iso) {
      const next = new Date(iso);
      expect(next.getTime(), `the clock moves forward only (to ${iso})`).toBeGreaterThanOrEqual(Date.now());
      vi.setSystemTime(next);
      return next;
    },
    now: () => new Date(),
    send: (system, events) => sendRaw(system, (Array.isArray(events) ? events : [events]).map((e) => cloudEventOf(system, e, new Date()))),
    sendRaw,
    async drain() {
      let handled = 0;
      for (;;) {
        const batch = await processInboxBatch({ batchSize: 100, gapTimeoutMs: 3_600_000, maxAttempts: 1, resolve, now: () => new Date() });
        if (batch.claimed === 0) return handled;
        handled += batch.claimed;
      }
    },
    api: {
      billingRun: async (asOf, legalEntityCode) => answer(await billingRunRoute(json('/api/v1/billing/runs', { asOf, legalEntityCode }), noParams)),
      revenueRun: async (asOf, legalEntityCode) => answer(await revenueRunRoute(json('/api/v1/revenue/runs', { asOf, legalEntityCode }), noParams)),
      engagement: async (id) => answer(await engagementRoute(get(`/api/v1/engagements/${encodeURIComponent(id)}`), withId(id))),
      async figures(id) {
        const engagement = await world.api.engagement(id);
        const revenue = await answer<Record<string, string>>(await revenueRoute(get(`/api/v1/revenue?engagementId=${id}`), noParams));
        const fields = ['recognized', 'billedExcludingTax', 'unbilledReceivable', 'deferredRevenue'];
        const pick = (o: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, o[f]]));
        expect(pick(revenue), 'GET /api/v1/revenue agrees with GET /api/v1/engagements/{id}').toEqual(pick(engagement));
        return engagement;
      },
      async engagementByCorrelation(correlationId) {
        const page = await answer<{ items: EngagementAnswer[] }>(await engagementsRoute(get(`/api/v1/engagements?correlationId=${encodeURIComponent(correlationId)}`), noParams));
        expect(page.items, `one engagement on thread ${correlationId}`).toHaveLength(1);
        return page.items[0]!;
      },
      async invoices(engagementId) {
        const page = await answer<{ items: InvoiceAnswer[] }>(await invoicesRoute(get(`/api/v1/invoices?engagementId=${engagementId}&limit=100`), noParams));
        return page.items;
      },
      explanation: async (id) => answer(await explanationRoute(get(`/api/v1/invoices/${id}/explanation`), withId(id))),
      voidInvoice: async (id, reason) => answer(await voidRoute(json(`/api/v1/invoices/${id}/void`, { reason }), withId(id))),
      creditNote: async (id, body) => answer(await creditNoteRoute(json(`/api/v1/invoices/${id}/credit-notes`, body), withId(id))),
      exceptionAction: async (id, action, note) => answer(await exceptionActionRoute(json(`/api/v1/exceptions/${id}/actions`, { action, note }), withId(id))),
      reverseApplication: async (id, reason) => answer(await reverseApplicationRoute(json(`/api/v1/cash/applications/${id}/reverse`, { reason }), withId(id))),
    },
    async closePeriod(legalEntityCode, period) {
      const books = await answer<{ items: { period: string; status: string }[] }>(await periodsRoute(get(`/api/v1/periods?legalEntityCode=${legalEntityCode}`), noParams));
      const toClose = books.items.filter((p) => p.status === 'OPEN' && p.period <= period).map((p) => p.period);
      expect(toClose, `${legalEntityCode} ${period} is open`).toContain(period);
      for (const month of toClose) {
        const closed = await answer<{ changed: boolean; period: { status: string } }>(
          await closePeriodRoute(json(`/api/v1/periods/${legalEntityCode}/${month}/close`, {}), { params: Promise.resolve({ legalEntityCode, period: month }) }),
        );
        expect(closed, `${legalEntityCode} ${month} closed`).toMatchObject({ changed: true, period: { status: 'CLOSED' } });
      }
    },
    async stop() {
      await engine.stop();
      vi.useRealTimers();
    },
  };
  return world;
}

/** The open exception of a code about an entity (the queue as finance sees it). */
export async function openException(code: string, entityId: string) {
  return db().exception.findFirstOrThrow({ where: { code: code as never, entityId, status: { in: ['OPEN', 'ASSIGNED'] } } });
}
