// The simulated bank on the simulator kit: incoming credits are booked on one account and a
// statement closes the day: every credit booked since the last statement goes into a
// camt.053 document (camt053.ts) that is POSTed to Threadline's /api/v1/imports/camt053 with
// the bank connector's bearer token (and Threadline-Signature when it has a signing secret),
// retried on network errors, 5xx and 429; the kit's knobs send it twice (duplicateRate),
// late (emitDelayMs) or after the next statement (outOfOrderRate).
//   POST /v1/credits            {amount "1250.00", currency, debtorName, invoiceNumber?, remittanceText?, valueDate?}
//                               → 201 the booked credit with its AcctSvcrRef
//   POST /v1/statements         {} → 201 {messageId, statementId, credits, closingBalance}
//   POST /v1/statements/resend  {messageId} → 200: the same document sent again (a bank re-delivering a file)
// Plus /health and /_control (kit/server.ts); GET /_control shows the account and statements.
import { z } from 'zod';
import { SimulatorEventEmitter, threadlineSignature, type EmitterTarget } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { SimulatorProblem } from '../kit/problem.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';
import { camt053Xml, closingBalance, type BankCredit, type Statement } from './camt053.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const creditRequest = z.strictObject({
  amount: z.string().regex(/^\d{1,15}\.\d{2}$/, 'a positive amount with two decimals, e.g. "1250.00"').refine((a) => !/^0+\.00$/.test(a), 'more than zero'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code'),
  debtorName: z.string().min(1).max(140),
  invoiceNumber: z.string().min(1).max(35).optional(),
  remittanceText: z.string().min(1).max(140).optional(),
  valueDate: isoDate.optional(),
});
const statementRequest = z.strictObject({});
const resendRequest = z.strictObject({ messageId: z.string().min(1).max(35) });

export interface StartBankOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  /** ingestUrl is the camt import URL (…/api/v1/imports/camt053); token and secret are the bank connector's. */
  events?: EmitterTarget;
  iban?: string;
  currency?: string;
}

export interface RunningBank extends RunningSimulator {
  pending: BankCredit[];
  statements: Map<string, Statement>;
  emitter: SimulatorEventEmitter;
}

export async function startBankSimulator(options: StartBankOptions): Promise<RunningBank> {
  const iban = options.iban ?? 'DE89370400440532013000';
  const currency = options.currency ?? 'EUR';
  const pending: BankCredit[] = [];
  const statements = new Map<string, Statement>();
  let balance = '0.00';
  let refCounter = 0;
  const emitter = new SimulatorEventEmitter({
    target: options.events,
    faults: () => server.faults(),
    random: options.random,
    encode: (document, to) => {
      const body = document.xml as string;
      const headers: Record<string, string> = { 'Content-Type': 'application/xml', Authorization: `Bearer ${to.token}` };
      if (to.signingSecret) headers['Threadline-Signature'] = threadlineSignature(to.signingSecret, body);
      return { url: to.ingestUrl, body, headers };
    },
  });
  const send = (statement: Statement) => emitter.deliver({ messageId: statement.messageId, xml: camt053Xml(statement) });

  const server: RunningSimulator = await startSimulatorServer({
    ...options,
    name: 'bank',
    routes: [
      {
        path: 'v1/credits',
        schema: creditRequest,
        handle: (body: z.infer<typeof creditRequest>) => {
          if (body.currency !== currency) throw new SimulatorProblem(422, 'CURRENCY_MISMATCH', `The account ${iban} is kept in ${currency}, not ${body.currency}.`);
          const today = new Date().toISOString().slice(0, 10);
          const credit: BankCredit = { accountServicerRef: `SIMBANK-${Date.now().toString(36)}-${++refCounter}`, amount: body.amount, currency, debtorName: body.debtorName, invoiceNumber: body.invoiceNumber, remittanceText: body.remittanceText, bookingDate: today, valueDate: body.valueDate ?? today };
          pending.push(credit);
          return { status: 201, body: credit };
        },
      },
      {
        path: 'v1/statements',
        schema: statementRequest,
        handle: () => {
          const sequence = statements.size + 1;
          const createdAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
          const statement: Statement = { messageId: `SIMBANK-MSG-${Date.now().toString(36)}-${sequence}`, statementId: `${iban}-${sequence}`, sequence, iban, currency, openingBalance: balance, createdAt, credits: pending.splice(0) };
          balance = closingBalance(statement);
          statements.set(statement.messageId, statement);
          send(statement);
          return { status: 201, body: { messageId: statement.messageId, statementId: statement.statementId, credits: statement.credits.length, closingBalance: balance } };
        },
      },
      {
        path: 'v1/statements/resend',
        schema: resendRequest,
        handle: (body: z.infer<typeof resendRequest>) => {
          const statement = statements.get(body.messageId);
          if (!statement) throw new SimulatorProblem(404, 'NOT_FOUND', `No statement ${body.messageId}.`);
          send(statement);
          return { status: 200, body: { messageId: statement.messageId, resent: true } };
        },
      },
    ],
    state: () => ({ account: { iban, currency, balance, pending }, statements: [...statements.values()].map((s) => ({ messageId: s.messageId, credits: s.credits.length })), uploads: { enabled: emitter.enabled, ...emitter.stats } }),
  });
  return {
    ...server,
    pending,
    statements,
    emitter,
    stop: async () => {
      emitter.stop();
      await server.stop();
    },
  };
}
