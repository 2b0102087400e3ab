// A Salesforce Quote as the CRM answers a re-read (record + Account + QuoteLineItems +
// Threadline's custom fields, see docs/CONNECTORS.md) → q2c.quote.accepted.v1 (pure).
// The record's shape is checked here (what Salesforce sends); the canonical rules (SKUs,
// milestones, billing model) are the catalog schema's, applied by the inbox write.
import { z } from 'zod';

const records = <T extends z.ZodType>(item: T) => z.looseObject({ records: z.array(item) });
const text = z.string();
const numberLike = z.union([z.number(), z.string()]);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

export const salesforceQuoteRecord = z.looseObject({
  Id: text.regex(/^\S+$/, 'A record id has no spaces.'),
  Status: nullable(text),
  Opportunity: nullable(z.looseObject({ Id: nullable(text), StageName: nullable(text) })),
  CurrencyIsoCode: text,
  Threadline_Quote_Version__c: nullable(z.number().int()),
  Threadline_Billing_Model__c: text,
  Threadline_Rate_Card__c: nullable(text),
  Threadline_Estimated_Cost__c: nullable(numberLike),
  Threadline_Tax_Nexus__c: text,
  Threadline_Tax_Exempt__c: nullable(z.boolean()),
  Account: z.looseObject({ Id: text, Name: text, ParentId: nullable(text), Threadline_Legal_Entity__c: text }),
  QuoteLineItems: records(z.looseObject({ Product2: z.looseObject({ ProductCode: text }), Description: nullable(text), Quantity: numberLike, UnitPrice: numberLike, Threadline_Role__c: nullable(text) })),
  Threadline_Milestones__r: nullable(records(z.looseObject({ Threadline_Ref__c: text, Name: text, Threadline_Amount__c: numberLike, Threadline_Due_Date__c: nullable(text) }))),
  // Retainer terms (RETAINER_WITH_OVERAGE): fee per month, hours included, the overage rate
  // per hour, the first month (a Salesforce date: its month counts) and the term in months.
  Threadline_Retainer_Fee__c: nullable(numberLike),
  Threadline_Included_Hours__c: nullable(numberLike),
  Threadline_Overage_Rate__c: nullable(numberLike),
  Threadline_Retainer_Start__c: nullable(text),
  Threadline_Retainer_Months__c: nullable(numberLike),
});

export type SalesforceQuoteRecord = z.output<typeof salesforceQuoteRecord>;

export type QuoteRecordReading = { kind: 'invalid'; pointer: string; message: string } | { kind: 'not-accepted'; reason: string } | { kind: 'accepted'; data: Record<string, unknown>; quoteId: string };

/**
 * Is the re-read record accepted now, and if so its canonical `data` (still to be validated
 * by the catalog schema). `acceptedAt` is the change event's commit time: the moment the
 * CRM committed the acceptance, and the same on every re-read of the same event.
 */
export function readQuoteRecord(record: unknown, acceptedAt: Date): QuoteRecordReading {
  const parsed = salesforceQuoteRecord.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'invalid', pointer: `/${issue.path.map(String).join('/')}`, message: issue.message };
  }
  const q = parsed.data;
  if (q.Status !== 'Accepted' && q.Opportunity?.StageName !== 'Closed Won') {
    return { kind: 'not-accepted', reason: `Quote ${q.Id} is ${q.Status ?? 'without status'}${q.Opportunity?.StageName ? ` (opportunity ${q.Opportunity.StageName})` : ''}, not accepted.` };
  }
  const milestones = q.Threadline_Milestones__r?.records.map((m) => ({ ref: m.Threadline_Ref__c, name: m.Name, amount: m.Threadline_Amount__c, ...(m.Threadline_Due_Date__c ? { dueDate: m.Threadline_Due_Date__c } : {}) }));
  const data = {
    quoteId: q.Id,
    // Salesforce has no quote version; without the custom field a quote is version 1.
    quoteVersion: q.Threadline_Quote_Version__c ?? 1,
    client: { externalId: q.Account.Id, name: q.Account.Name, ...(q.Account.ParentId ? { parentExternalId: q.Account.ParentId } : {}), legalEntityCode: q.Account.Threadline_Legal_Entity__c },
    currency: q.CurrencyIsoCode,
    billingModel: q.Threadline_Billing_Model__c,
    lines: q.QuoteLineItems.records.map((l) => ({ sku: l.Product2.ProductCode, description: l.Description ?? '', quantity: l.Quantity, unitPrice: l.UnitPrice, ...(l.Threadline_Role__c ? { role: l.Threadline_Role__c } : {}) })),
    ...(milestones?.length ? { milestones } : {}),
    ...retainerTerms(q),
    ...(q.Threadline_Rate_Card__c ? { rateCardCode: q.Threadline_Rate_Card__c } : {}),
    ...(q.Threadline_Estimated_Cost__c !== undefined ? { estimatedCost: q.Threadline_Estimated_Cost__c } : {}),
    taxProfile: { nexus: q.Threadline_Tax_Nexus__c, exempt: q.Threadline_Tax_Exempt__c ?? false },
    acceptedAt: acceptedAt.toISOString(),
    ...(q.Opportunity?.Id ? { crmOpportunityId: q.Opportunity.Id } : {}),
  };
  return { kind: 'accepted', data, quoteId: q.Id };
}

// Present when any retainer field is: a half-filled set reaches the catalog schema, whose
// 422 names the missing term, rather than being dropped here.
function retainerTerms(q: SalesforceQuoteRecord): { retainer?: Record<string, unknown> } {
  const fields = [q.Threadline_Retainer_Fee__c, q.Threadline_Included_Hours__c, q.Threadline_Overage_Rate__c, q.Threadline_Retainer_Start__c, q.Threadline_Retainer_Months__c];
  if (fields.every((f) => f === undefined)) return {};
  const months = q.Threadline_Retainer_Months__c;
  return {
    retainer: {
      monthlyFee: q.Threadline_Retainer_Fee__c,
      includedUnits: q.Threadline_Included_Hours__c,
      overageRate: q.Threadline_Overage_Rate__c,
      // "2026-04-01" (a date field) or "2026-04": the month it starts.
      startMonth: q.Threadline_Retainer_Start__c?.slice(0, 7),
      // Salesforce number fields arrive as 12 or 12.0; the catalog wants a whole number.
      months: typeof months === 'string' && /^\d+(\.0+)?$/.test(months) ? Number.parseInt(months, 10) : months,
    },
  };
}

/** The CloudEvent of an accepted quote found by re-reading after a change event. */
export function acceptedQuoteEvent(options: { id: string; source: string; quoteId: string; data: Record<string, unknown>; commitTimestamp: number }): Record<string, unknown> {
  return { specversion: '1.0', id: options.id, source: options.source, type: 'q2c.quote.accepted.v1', subject: options.quoteId, time: new Date(options.commitTimestamp).toISOString(), data: options.data };
}
