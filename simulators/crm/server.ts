// The simulated CRM (Salesforce-like, simplified) on the simulator kit: it keeps accounts
// (the quote's client) and quotes, and accepting a quote emits q2c.quote.accepted.v1
// (CloudEvents, signed) with the quote as Threadline's catalog describes it; Threadline
// creates the engagement from it. The quote's body is kept as sent: Threadline, not the
// simulator, decides whether it is valid (a refused quote shows in the emitter's failures).
//   POST /v1/quotes         {quoteId, client: {externalId, name, …}, …the q2c.quote.accepted.v1 data but acceptedAt}
//                           → 201 {quoteId, status: DRAFT} (200 when replaced)
//   POST /v1/quotes/accept  {quoteId, acceptedAt?} → 200 {quoteId, status: ACCEPTED, eventId};
//                           404 unknown, 409 already accepted
//   POST /v1/corrections    Threadline's PUSH_CORRECTION (kit/corrections.ts): a quote's currency
//                           or client.legalEntityCode → 200 {correctionId, status: APPLIED}
//   GET  /records/Quote/<id>  → 200 the quote as a Salesforce Quote record (the Salesforce
//                               connector's re-read; salesforce-record.ts), 404 unknown
// With `salesforce` set, an acceptance is also sent as a Salesforce change event (CDC) to
// POST /api/v1/webhooks/salesforce (the crm connector's token and Threadline-Signature, as
// the relay that forwards CDC sends it); Threadline then re-reads the record here.
// Apart from corrections, Threadline sends the CRM no commands, so the quote routes are the
// demo's and the tests' levers. Plus /health and /_control; GET /_control shows the
// accounts, quotes and applied corrections.
import { z } from 'zod';
import { correctionRoute, type AppliedCorrection } from '../kit/corrections.ts';
import { SimulatorEventEmitter, threadlineSignature, type EmitterTarget } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { SimulatorProblem } from '../kit/problem.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';
import { quoteAcceptedChangeEvent, salesforceQuoteRecord } from './salesforce-record.ts';

const quoteRequest = z.looseObject({
  quoteId: z.string().min(1).max(128),
  client: z.looseObject({ externalId: z.string().min(1).max(128), name: z.string().min(1).max(256) }),
});
const acceptRequest = z.strictObject({ quoteId: z.string().min(1).max(128), acceptedAt: z.iso.datetime({ offset: true }).optional() });

export interface CrmQuote {
  data: z.infer<typeof quoteRequest>;
  status: 'DRAFT' | 'ACCEPTED';
  acceptedAt?: string;
}

export interface StartCrmOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  events?: EmitterTarget;
  /** Where change events go: ingestUrl = …/api/v1/webhooks/salesforce, with the crm connector's token and secret. */
  salesforce?: EmitterTarget;
}

export interface RunningCrm extends RunningSimulator {
  accounts: Map<string, { externalId: string; name: string }>;
  quotes: Map<string, CrmQuote>;
  corrections: AppliedCorrection[];
  emitter: SimulatorEventEmitter;
  changeEvents: SimulatorEventEmitter;
  /** Record reads served (GET /records/…), found or not. */
  recordReads(): number;
}

export async function startCrmSimulator(options: StartCrmOptions): Promise<RunningCrm> {
  const accounts = new Map<string, { externalId: string; name: string }>();
  const quotes = new Map<string, CrmQuote>();
  const emitter = new SimulatorEventEmitter({ target: options.events, faults: () => server.faults(), random: options.random });
  const changeEvents = new SimulatorEventEmitter({
    target: options.salesforce,
    faults: () => server.faults(),
    random: options.random,
    encode: (event, to) => {
      const body = JSON.stringify(event);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${to.token}` };
      if (to.signingSecret) headers['Threadline-Signature'] = threadlineSignature(to.signingSecret, body);
      return { url: to.ingestUrl, body, headers };
    },
  });
  let commitNumber = 11_657_372_700_000;
  let recordReads = 0;
  const corrections: AppliedCorrection[] = [];

  const server: RunningSimulator = await startSimulatorServer({
    ...options,
    name: 'crm',
    routes: [
      {
        path: 'v1/quotes',
        schema: quoteRequest,
        handle: (body: z.infer<typeof quoteRequest>) => {
          const existing = quotes.get(body.quoteId);
          if (existing?.status === 'ACCEPTED') throw new SimulatorProblem(409, 'QUOTE_ACCEPTED', `Quote ${body.quoteId} is accepted and can no longer change.`);
          accounts.set(body.client.externalId, { externalId: body.client.externalId, name: body.client.name });
          quotes.set(body.quoteId, { data: body, status: 'DRAFT' });
          return { status: existing ? 200 : 201, body: { quoteId: body.quoteId, status: 'DRAFT' } };
        },
      },
      {
        path: 'v1/quotes/accept',
        schema: acceptRequest,
        handle: (body: z.infer<typeof acceptRequest>) => {
          const quote = quotes.get(body.quoteId);
          if (!quote) throw new SimulatorProblem(404, 'NOT_FOUND', `No quote ${body.quoteId}.`);
          if (quote.status === 'ACCEPTED') throw new SimulatorProblem(409, 'QUOTE_ACCEPTED', `Quote ${body.quoteId} was accepted at ${quote.acceptedAt}.`);
          const acceptedAt = body.acceptedAt ?? new Date().toISOString();
          quote.status = 'ACCEPTED';
          quote.acceptedAt = acceptedAt;
          const event = emitter.emit({ type: 'q2c.quote.accepted.v1', subject: body.quoteId, time: acceptedAt, data: { ...quote.data, acceptedAt } });
          changeEvents.deliver(quoteAcceptedChangeEvent(body.quoteId, new Date(acceptedAt), ++commitNumber));
          return { status: 200, body: { quoteId: body.quoteId, status: 'ACCEPTED', eventId: event?.id ?? null } };
        },
      },
      correctionRoute({ findRecord: (type, id) => (type === 'Quote' ? quotes.get(id)?.data : undefined), fields: { Quote: ['currency', 'client.legalEntityCode'] }, applied: corrections }),
    ],
    readRoutes: [
      {
        prefix: '/records/',
        handle: (rest) => {
          recordReads++;
          const [entity, id] = rest.split('/');
          const quote = entity === 'Quote' && id ? quotes.get(id) : undefined;
          if (!quote) throw new SimulatorProblem(404, 'NOT_FOUND', `No record ${rest}.`);
          return { status: 200, body: salesforceQuoteRecord(quote.data, quote.status === 'ACCEPTED' ? 'Accepted' : 'Draft') };
        },
      },
    ],
    state: () => ({ accounts: [...accounts.values()], quotes: [...quotes.values()], corrections, events: { enabled: emitter.enabled, ...emitter.stats }, changeEvents: { enabled: changeEvents.enabled, ...changeEvents.stats } }),
  });
  return {
    ...server,
    accounts,
    quotes,
    corrections,
    emitter,
    changeEvents,
    recordReads: () => recordReads,
    stop: async () => {
      emitter.stop();
      changeEvents.stop();
      await server.stop();
    },
  };
}
