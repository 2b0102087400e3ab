// The simulated ERP's books, in memory: customers, projects, contracts, invoices and
// credit notes, voids and cash applications. A document Threadline sends twice under
// different idempotency keys is refused (409 DUPLICATE_DOCUMENT), as an ERP refuses a
// second document with the same external reference; the same key is answered by the
// kit's idempotency store before it gets here. So `documents` never holds a duplicate,
// and `duplicateRefusals` counts the attempts a caller made without its key.
import type { AppliedCorrection } from '../kit/corrections.ts';
import { SimulatorProblem } from '../kit/problem.ts';
import { postingTime } from './posting-time.ts';
import type { CashApplicationRequest, ContractRequest, CreditNoteRequest, CustomerRequest, InvoiceRequest, ProjectRequest, VoidRequest } from './protocol.ts';

export interface PostedDocument {
  erpInvoiceNumber: string;
  invoiceId: string;
  number: string;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  total: string;
  currency: string;
  status: 'POSTED' | 'VOID';
  postedAt: string;
}

export class ErpLedger {
  readonly customers = new Map<string, { customerId: string; name: string; billToLegalEntityCode: string }>();
  readonly projects = new Map<string, { projectId: string; engagementCode: string; status: string }>();
  readonly contracts = new Map<string, { engagementId: string; sowVersion: number; contractValue: string }>();
  readonly documents = new Map<string, PostedDocument>();
  readonly cashApplications = new Map<string, { applicationId: string; invoiceId: string; amount: string }>();
  readonly corrections: AppliedCorrection[] = [];
  duplicateRefusals = 0;
  private counter = 100_000;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  createCustomer(request: CustomerRequest): { customerId: string; created: boolean } {
    const existing = this.customers.get(request.clientId);
    if (existing) return { customerId: existing.customerId, created: false };
    const customerId = `CUST-${this.next()}`;
    this.customers.set(request.clientId, { customerId, name: request.name, billToLegalEntityCode: request.billToLegalEntityCode });
    return { customerId, created: true };
  }

  createProject(request: ProjectRequest): { projectId: string; created: boolean } {
    const existing = this.projects.get(request.engagementId);
    if (existing) return { projectId: existing.projectId, created: false };
    const projectId = `ERP-PRJ-${this.next()}`;
    this.projects.set(request.engagementId, { projectId, engagementCode: request.engagementCode, status: 'ACTIVE' });
    return { projectId, created: true };
  }

  updateContract(request: ContractRequest): { engagementId: string; sowVersion: number } {
    const current = this.contracts.get(request.engagementId);
    // A late, older version changes nothing: the contract keeps its newest terms.
    if (!current || current.sowVersion <= request.sowVersion) {
      this.contracts.set(request.engagementId, { engagementId: request.engagementId, sowVersion: request.sowVersion, contractValue: request.contractValue });
    }
    return { engagementId: request.engagementId, sowVersion: Math.max(request.sowVersion, current?.sowVersion ?? 0) };
  }

  /** `businessDated`: posted overnight after the document's issue date (posting-time.ts), not now. */
  post(request: InvoiceRequest | CreditNoteRequest, kind: PostedDocument['kind'], options: { businessDated?: boolean } = {}): PostedDocument {
    if (this.documents.has(request.invoiceId)) {
      this.duplicateRefusals++;
      throw new SimulatorProblem(409, 'DUPLICATE_DOCUMENT', `Document ${request.number} (${request.invoiceId}) is already posted as ${this.documents.get(request.invoiceId)!.erpInvoiceNumber}.`);
    }
    if (kind === 'CREDIT_NOTE' && !this.documents.has((request as CreditNoteRequest).originalInvoiceId)) {
      throw new SimulatorProblem(422, 'UNKNOWN_ORIGINAL', `The credited invoice ${(request as CreditNoteRequest).originalInvoiceId} is not posted in the ERP.`);
    }
    const document: PostedDocument = {
      erpInvoiceNumber: `${kind === 'INVOICE' ? 'ERP-INV' : 'ERP-CN'}-${request.legalEntityCode}-${this.next()}`,
      invoiceId: request.invoiceId,
      number: request.number,
      kind,
      total: request.total,
      currency: request.currency,
      status: 'POSTED',
      postedAt: postingTime({ issueDate: request.issueDate, businessDated: options.businessDated ?? false, now: this.clock() }).toISOString(),
    };
    this.documents.set(request.invoiceId, document);
    return document;
  }

  voidDocument(request: VoidRequest): PostedDocument {
    const document = this.documents.get(request.invoiceId);
    if (!document) throw new SimulatorProblem(422, 'UNKNOWN_DOCUMENT', `Invoice ${request.number} (${request.invoiceId}) is not posted in the ERP.`);
    document.status = 'VOID';
    return document;
  }

  applyCash(request: CashApplicationRequest): { applicationId: string } {
    this.cashApplications.set(request.applicationId, { applicationId: request.applicationId, invoiceId: request.invoice.id, amount: request.amount });
    return { applicationId: request.applicationId };
  }

  /** A record a correction names: by Threadline's key (client or engagement id) or the ERP's own id. */
  findRecord(type: string, id: string, externalId: string | null): Record<string, unknown> | undefined {
    const byKeyOrOwnId = <T extends Record<string, unknown>>(map: Map<string, T>, ownId: keyof T) =>
      map.get(id) ?? [...map.values()].find((row) => externalId !== null && row[ownId] === externalId);
    if (type === 'Customer') return byKeyOrOwnId(this.customers, 'customerId');
    if (type === 'Project') return byKeyOrOwnId(this.projects, 'projectId');
    if (type === 'Contract') return this.contracts.get(id);
    return undefined;
  }

  summary(): Record<string, unknown> {
    return {
      customers: this.customers.size,
      projects: this.projects.size,
      contracts: this.contracts.size,
      documents: [...this.documents.values()],
      cashApplications: this.cashApplications.size,
      duplicateRefusals: this.duplicateRefusals,
      corrections: this.corrections,
    };
  }

  private next(): number {
    return ++this.counter;
  }
}
