// The simulated ERP (NetSuite/SAP-like, simplified) on the simulator kit: it books what
// Threadline sends and confirms invoices and credit notes with q2c.invoice.posted.v1.
//   POST /v1/customers         → 201 {customerId}        (200 when it already exists)
//   POST /v1/projects          → 201 {projectId}
//   POST /v1/contracts         → 200 {engagementId, sowVersion}
//   POST /v1/invoices          → 201 {erpInvoiceNumber, status}, then emits q2c.invoice.posted.v1
//   POST /v1/credit-notes      → 201 {erpInvoiceNumber, status}, then emits q2c.invoice.posted.v1
//   POST /v1/invoice-voids     → 200 {erpInvoiceNumber, status: VOID}
//   POST /v1/cash-applications → 201 {applicationId}
//   POST /v1/corrections       → 200 {correctionId, status: APPLIED} (kit/corrections.ts): contract value, customer bill-to, project status
// Plus /health and /_control (kit/server.ts); GET /_control shows the books. With the
// businessDated knob a document is posted overnight after its issue date (posting-time.ts).
import { correctionRoute } from '../kit/corrections.ts';
import { SimulatorEventEmitter, type EmitterTarget } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';
import { ErpLedger, type PostedDocument } from './ledger.ts';
import { cashApplicationRequest, contractRequest, creditNoteRequest, customerRequest, invoiceRequest, projectRequest, voidRequest } from './protocol.ts';
import type { CreditNoteRequest, InvoiceRequest } from './protocol.ts';

export interface StartErpOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  /** Where and as whom it sends events; without it, it sends none. */
  events?: EmitterTarget;
}

export interface RunningErp extends RunningSimulator {
  ledger: ErpLedger;
  emitter: SimulatorEventEmitter;
}

export async function startErpSimulator(options: StartErpOptions): Promise<RunningErp> {
  const ledger = new ErpLedger();
  const emitter = new SimulatorEventEmitter({ target: options.events, faults: () => server.faults(), random: options.random });

  const confirm = (request: InvoiceRequest | CreditNoteRequest, document: PostedDocument) => {
    emitter.emit({
      type: 'q2c.invoice.posted.v1',
      subject: document.invoiceId,
      correlationid: typeof request.correlationId === 'string' ? request.correlationId : undefined,
      data: { invoiceId: document.invoiceId, erpInvoiceNumber: document.erpInvoiceNumber, postedAt: document.postedAt },
    });
    return { status: 201, body: { erpInvoiceNumber: document.erpInvoiceNumber, status: document.status, postedAt: document.postedAt } };
  };

  // The emitter reads the knobs of the server below; it only emits once that exists.
  const server: RunningSimulator = await startSimulatorServer({
    ...options,
    name: 'erp',
    routes: [
      {
        path: 'v1/customers',
        schema: customerRequest,
        handle: (body: typeof customerRequest._output) => {
          const result = ledger.createCustomer(body);
          return { status: result.created ? 201 : 200, body: { customerId: result.customerId } };
        },
      },
      { path: 'v1/projects', schema: projectRequest, handle: (body: typeof projectRequest._output) => ({ status: 201, body: { projectId: ledger.createProject(body).projectId } }) },
      { path: 'v1/contracts', schema: contractRequest, handle: (body: typeof contractRequest._output) => ({ status: 200, body: ledger.updateContract(body) }) },
      { path: 'v1/invoices', schema: invoiceRequest, handle: (body: InvoiceRequest) => confirm(body, ledger.post(body, 'INVOICE', { businessDated: server.faults().businessDated })) },
      { path: 'v1/credit-notes', schema: creditNoteRequest, handle: (body: CreditNoteRequest) => confirm(body, ledger.post(body, 'CREDIT_NOTE', { businessDated: server.faults().businessDated })) },
      {
        path: 'v1/invoice-voids',
        schema: voidRequest,
        handle: (body: typeof voidRequest._output) => {
          const document = ledger.voidDocument(body);
          return { status: 200, body: { erpInvoiceNumber: document.erpInvoiceNumber, status: document.status } };
        },
      },
      { path: 'v1/cash-applications', schema: cashApplicationRequest, handle: (body: typeof cashApplicationRequest._output) => ({ status: 201, body: ledger.applyCash(body) }) },
      correctionRoute({
        findRecord: (type, id, externalId) => ledger.findRecord(type, id, externalId),
        fields: { Contract: ['contractValue'], Customer: ['billToLegalEntityCode'], Project: ['status'] },
        applied: ledger.corrections,
      }),
    ],
    state: () => ({ ledger: ledger.summary(), events: { enabled: emitter.enabled, ...emitter.stats } }),
  });
  return {
    ...server,
    ledger,
    emitter,
    stop: async () => {
      emitter.stop();
      await server.stop();
    },
  };
}
