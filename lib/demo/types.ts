// The shape of a generated demo world: what each connected system does, month by month.
// The generator (generate-demo-world.ts) is pure; the loader (load/) plays it over HTTP.
import type { IsoDate, YearMonth } from '../domain/periods/calendar-date.ts';
import type { LegalEntityCode, Role } from './firm.ts';

export type BillingModel = 'TIME_AND_MATERIALS' | 'FIXED_FEE_MILESTONE' | 'RETAINER_WITH_OVERAGE';
export type DemoConnector = 'crm' | 'psa' | 'erp' | 'hcm' | 'payments' | 'bank';

/** A CloudEvent the loader sends itself (POST /api/v1/events, batch mode, signed). */
export interface DemoEvent {
  id: string;
  connector: DemoConnector;
  /** One of the connector's registered sources, e.g. /demo/time. */
  source: string;
  type: string;
  subject: string;
  time: string;
  sequence?: number;
  data: Record<string, unknown>;
  /** data.engagementRef is filled in by the loader with this quote's PSA project id (or code). */
  engagementOf?: { quoteId: string; by: 'psaProjectId' | 'code' };
  /** A planted fault Threadline must refuse (schema-invalid, payload conflict). */
  expectRefused?: boolean;
}

export interface DemoClient {
  externalId: string;
  name: string;
  legalEntityCode: LegalEntityCode;
  parentExternalId?: string;
  /** Parents are mastered in the CRM first (client.updated); the others arrive with their first quote. */
  kind: 'parent' | 'subsidiary' | 'standalone' | 'prospect';
  nexus: string;
}

export interface DemoEmployee {
  employeeId: string;
  name: string;
  role: Role;
  legalEntityCode: LegalEntityCode;
  currency: string;
  costRate: string;
  costCenter: string;
  hiredOn: IsoDate;
}

export interface DemoQuote {
  /** The q2c.quote.accepted.v1 data without acceptedAt (the CRM stamps it when accepted). */
  data: Record<string, unknown> & { quoteId: string };
  acceptedAt: string;
}

export interface DemoEngagement {
  quoteId: string;
  model: BillingModel;
  legalEntityCode: LegalEntityCode;
  currency: string;
  clientExternalId: string;
  /** Contract value as quoted, before change orders (decimal string). */
  value: string;
  acceptedOn: IsoDate;
  /** How this client pays (payment-plan.ts). */
  payer: PayerHabit;
  /** Planted so the quote is held (the engagement never exists). */
  heldBy?: string;
}

export type PayerHabit = 'prompt' | 'slow' | 'short-payer' | 'disputer' | 'card';

export interface DemoMonth {
  month: YearMonth;
  /** Month end for the billing and revenue runs; absent for the month still running. */
  asOf?: IsoDate;
  hires: DemoEmployee[];
  /** Master data and planted faults sent before the quotes. */
  before: DemoEvent[];
  quotes: DemoQuote[];
  /** Time, expenses, usage, milestones, change orders and faults, after the quotes are live. */
  delivery: DemoEvent[];
  /** Accounting months closed through the API after this month's runs. */
  close: YearMonth[];
}

export interface DemoWorld {
  seed: string;
  scale: number;
  today: IsoDate;
  clients: DemoClient[];
  employees: DemoEmployee[];
  engagements: DemoEngagement[];
  months: DemoMonth[];
  /** The legal entity whose last billing run meets a tax-engine outage. */
  taxOutageLegalEntity: LegalEntityCode;
  /** Bank credits nobody can match (unapplied cash), sent with the last statement. */
  strayCredits: { amount: string; currency: string; debtorName: string; valueDate: IsoDate; remittanceText: string }[];
  /** Which planted fault is expected to raise which exception code (docs/DEMO.md). */
  faults: { code: string; where: string }[];
}
