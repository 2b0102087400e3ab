// The realistic faults planted in the demo world, so that every exception code of
// DESIGN.md §7 shows up in the queue with real money behind it. Each planter takes a
// healthy engagement the generator made and breaks it the way real systems do; `faults`
// lists what is expected where (docs/DEMO.md explains each).
import { addDays, type IsoDate } from '../domain/periods/calendar-date.ts';
import type { GeneratedEngagement } from './generate-engagements.ts';
import type { DemoClient, DemoEvent } from './types.ts';

export interface PlantedFault {
  code: string;
  where: string;
}

type Quote = GeneratedEngagement['quote'];
const quoteClient = (quote: Quote) => quote.data.client as Record<string, unknown>;

/** Quote-level faults: the quote is held at acceptance, so the engagement never starts and its delivery is dropped. */
export const quoteFaults: Record<string, (g: GeneratedEngagement) => string> = {
  UNMAPPED_SERVICE_SKU: (g) => {
    (g.quote.data.lines as Record<string, unknown>[]).push({ sku: 'ADV-GENAI-LAB', description: 'GenAI lab (new CPQ product, not in the service catalog yet)', quantity: '80', unitPrice: '300', role: 'CONSULTANT' });
    return `${g.engagement.quoteId}: line with the CPQ's new SKU ADV-GENAI-LAB`;
  },
  RATE_CARD_MISSING: (g) => {
    (g.quote.data.lines as Record<string, unknown>[]).push({ sku: 'ADV-SENIOR', description: 'Solution architect', quantity: '60', unitPrice: '0', role: 'SOLUTION_ARCHITECT' });
    return `${g.engagement.quoteId}: role SOLUTION_ARCHITECT has no contract or standard rate`;
  },
  CLIENT_NOT_MASTERED: (g) => {
    Object.assign(quoteClient(g.quote), { externalId: `${g.engagement.clientExternalId}-NEW`, name: `${String(quoteClient(g.quote).name)} (new subsidiary)`, parentExternalId: 'C-ACQUIRED-GROUP' });
    return `${g.engagement.quoteId}: parent account C-ACQUIRED-GROUP is not mastered yet`;
  },
  INVALID_LEGAL_ENTITY: (g) => {
    Object.assign(quoteClient(g.quote), { externalId: `${g.engagement.clientExternalId}-FR`, legalEntityCode: 'FR01' });
    return `${g.engagement.quoteId}: bill-to legal entity FR01 does not exist`;
  },
  CURRENCY_MISMATCH: (g) => {
    g.quote.data.currency = 'CHF';
    delete g.quote.data.rateCardCode;
    return `${g.engagement.quoteId}: quoted in CHF, which ${g.engagement.legalEntityCode} neither books nor prices`;
  },
  MISSING_TAX_PROFILE: (g) => {
    g.quote.data.taxProfile = { nexus: 'US-WA', exempt: false };
    return `${g.engagement.quoteId}: tax nexus US-WA has no jurisdiction`;
  },
};

/** A client whose name is longer than the ERP's and the PSA's name fields: every command about it dead-letters. */
export function overlongName(client: DemoClient): DemoClient {
  return { ...client, name: `${client.name.replace(/ [^ ]+$/, '')} Holdings and Shared Services Centre for Europe, the Middle East and Africa ${client.name.split(' ').pop()}` };
}

/** The same event id again with other data (a PSA bug re-using ids): refused 409, PAYLOAD_CONFLICT. */
export function conflictingRepeat(event: DemoEvent, at: string): DemoEvent {
  const data = structuredClone(event.data);
  const entries = data.entries as { hours: string }[];
  entries[0]!.hours = String(Number(entries[0]!.hours) + 2);
  return { ...event, time: at, data, expectRefused: true };
}

/** A timesheet the time tool sends without an employee and with negative hours: 400 in the batch, SCHEMA_INVALID. */
export function schemaInvalidTimesheet(n: number, monday: IsoDate): DemoEvent {
  const timesheetId = `TS-BROKEN-${n}`;
  const at = `${addDays(monday, 7)}T09:45:00Z`;
  return {
    id: `demo-ts-${timesheetId}`, connector: 'psa', source: '/demo/time', type: 'q2c.timesheet.approved.v1', subject: timesheetId, time: at, expectRefused: true,
    data: { timesheetId, engagementRef: 'UNKNOWN', entries: [{ date: monday, hours: '-4', role: 'CONSULTANT', billable: true }], approvedAt: at, approver: 'time-tool' },
  };
}

/** Time booked against a project the PSA migrated without a contract: TIME_FOR_UNKNOWN_ENGAGEMENT. */
export function timeForUnknownProject(n: number, monday: IsoDate, employeeId: string, role: string): DemoEvent {
  const timesheetId = `TS-LEGACY-${n}-${monday}`;
  const at = `${addDays(monday, 7)}T10:00:00Z`;
  return {
    id: `demo-ts-${timesheetId}`, connector: 'psa', source: '/demo/time', type: 'q2c.timesheet.approved.v1', subject: timesheetId, time: at, sequence: 1,
    data: { timesheetId, employeeId, engagementRef: `PSA-LEGACY-${n}`, entries: [{ date: monday, hours: '8', role, billable: true }, { date: addDays(monday, 1), hours: '8', role, billable: true }], approvedAt: at, approver: 'time-tool' },
  };
}

/** A project opened in the PSA for work sales never closed: ORPHANED_PROJECT. */
export function orphanedProject(n: number, day: IsoDate): DemoEvent {
  const projectId = `PSA-ORPHAN-${n}`;
  return { id: `demo-proj-${projectId}`, connector: 'psa', source: '/demo/psa', type: 'q2c.project.created.v1', subject: projectId, time: `${day}T08:00:00Z`, data: { engagementRef: `ENG-PILOT-${n}`, psaProjectId: projectId } };
}

/** Sales ops changes a client's payment terms in the CRM, which the ERP owns: OWNERSHIP_VIOLATION. */
export function termsFromCrm(client: DemoClient, day: IsoDate): DemoEvent {
  return {
    id: `demo-client-terms-${client.externalId}`, connector: 'crm', source: '/demo/crm', type: 'q2c.client.updated.v1', subject: client.externalId, time: `${day}T12:00:00Z`,
    data: { externalId: client.externalId, fields: { paymentTermsDays: 75, taxExempt: true } },
  };
}

/** A change order for a quote Threadline never accepted (held): waits under OUT_OF_ORDER_GAP. */
export function changeOrderForHeldQuote(quoteId: string, at: string): DemoEvent {
  const changeOrderId = `CO-${quoteId}-1`;
  return {
    id: `demo-co-${changeOrderId}-v1`, connector: 'crm', source: '/demo/crm', type: 'q2c.change_order.approved.v1', subject: changeOrderId, sequence: 1, time: at,
    data: { changeOrderId, quoteId, version: 1, valueDelta: '12000.00', estimatedCostDelta: '5000.00', budgetHoursDelta: '40', reason: 'Added a reporting workstream', approvedAt: at },
  };
}

/** The CPQ re-quotes a live T&M engagement as a fixed fee (version 2): QUOTE_CONTRACT_VALUE_MISMATCH. */
export function requotedAsFixedFee(g: GeneratedEngagement, at: string, dueDate: IsoDate): DemoEvent {
  const value = g.engagement.value;
  const data = {
    ...structuredClone(g.quote.data),
    quoteVersion: 2,
    billingModel: 'FIXED_FEE_MILESTONE',
    lines: [{ sku: 'FF-IMPLEMENT', description: 'Re-scoped as a fixed fee', quantity: '1', unitPrice: value }],
    milestones: [{ ref: 'M1', name: 'Delivery', amount: value, dueDate }],
    acceptedAt: at,
  };
  delete (data as Record<string, unknown>).rateCardCode;
  return { id: `demo-quote-${g.engagement.quoteId}-v2`, connector: 'crm', source: '/demo/crm', type: 'q2c.quote.accepted.v1', subject: g.engagement.quoteId, sequence: 2, time: at, data };
}
