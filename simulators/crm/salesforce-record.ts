// The CRM simulator's quote as Salesforce answers a record read (GET /records/Quote/<id>)
// and its acceptance as a Salesforce Change Data Capture event — the shapes the Salesforce
// connector reads (lib/connectors/salesforce: map-quote-record.ts, read-change-event.ts).
// The inverse of the connector's mapping: canonical quote fields → Quote, Account,
// QuoteLineItems and Threadline's custom fields.
import { randomUUID } from 'node:crypto';

type Quote = Record<string, unknown> & { quoteId: string; client: Record<string, unknown> & { externalId: string; name: string } };
type Line = { sku: string; description?: string; quantity: unknown; unitPrice: unknown; role?: string };
type Milestone = { ref: string; name: string; amount: unknown; dueDate?: string };

export function salesforceQuoteRecord(quote: Quote, status: 'Draft' | 'Accepted'): Record<string, unknown> {
  const lines = (quote.lines as Line[] | undefined) ?? [];
  const milestones = quote.milestones as Milestone[] | undefined;
  const tax = (quote.taxProfile as { nexus?: string; exempt?: boolean } | undefined) ?? {};
  const retainer = quote.retainer as { monthlyFee?: unknown; includedUnits?: unknown; overageRate?: unknown; startMonth?: string; months?: unknown } | undefined;
  return {
    attributes: { type: 'Quote' },
    Id: quote.quoteId,
    Status: status,
    CurrencyIsoCode: quote.currency,
    Threadline_Quote_Version__c: quote.quoteVersion ?? 1,
    Threadline_Billing_Model__c: quote.billingModel,
    Threadline_Rate_Card__c: quote.rateCardCode ?? null,
    Threadline_Estimated_Cost__c: quote.estimatedCost ?? null,
    Threadline_Tax_Nexus__c: tax.nexus,
    Threadline_Tax_Exempt__c: tax.exempt ?? false,
    Account: { Id: quote.client.externalId, Name: quote.client.name, ParentId: quote.client.parentExternalId ?? null, Threadline_Legal_Entity__c: quote.client.legalEntityCode },
    QuoteLineItems: {
      totalSize: lines.length,
      records: lines.map((l) => ({ Product2: { ProductCode: l.sku }, Description: l.description ?? null, Quantity: l.quantity, UnitPrice: l.unitPrice, Threadline_Role__c: l.role ?? null })),
    },
    ...(retainer
      ? {
          Threadline_Retainer_Fee__c: retainer.monthlyFee ?? null,
          Threadline_Included_Hours__c: retainer.includedUnits ?? null,
          Threadline_Overage_Rate__c: retainer.overageRate ?? null,
          // A Salesforce date field: the first day of the start month.
          Threadline_Retainer_Start__c: retainer.startMonth ? `${retainer.startMonth}-01` : null,
          Threadline_Retainer_Months__c: retainer.months ?? null,
        }
      : {}),
    Threadline_Milestones__r: milestones?.length
      ? { totalSize: milestones.length, records: milestones.map((m) => ({ Threadline_Ref__c: m.ref, Name: m.name, Threadline_Amount__c: m.amount, Threadline_Due_Date__c: m.dueDate ?? null })) }
      : null,
  };
}

/** The CDC event of a quote's Status changing to Accepted: it names the record, the connector re-reads it. */
export function quoteAcceptedChangeEvent(quoteId: string, committedAt: Date, commitNumber: number): Record<string, unknown> {
  return {
    id: randomUUID(),
    payload: {
      ChangeEventHeader: {
        entityName: 'Quote',
        recordIds: [quoteId],
        changeType: 'UPDATE',
        transactionKey: randomUUID(),
        sequenceNumber: 1,
        commitTimestamp: committedAt.getTime(),
        commitNumber,
        commitUser: '005SIMULATOR00000',
        nulledFields: [],
        diffFields: [],
        changedFields: ['Status', 'LastModifiedDate'],
      },
      Status: 'Accepted',
      LastModifiedDate: committedAt.getTime(),
    },
  };
}
