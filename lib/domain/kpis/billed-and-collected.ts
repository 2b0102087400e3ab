// Billed and collected by client and by engagement (DESIGN.md §10), in the period and the
// group currency. Billed: invoices issued less credit notes and voids in the period (the
// ledger reading of invoice-ledger.ts, at each document's issue-date rate). Collected: cash
// applied in the period, reversals netted, at the application date's rate — the cash that
// actually settled invoices; unapplied cash is not anybody's collection yet.
import { ZERO, type Decimal } from '../money/decimal.ts';
import { roundGroup, toGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { salesInPeriod, type LedgerApplicationRow, type LedgerInvoiceRow } from './invoice-ledger.ts';
import { assertPeriod, inPeriod, type Period } from './kpi-period.ts';

export interface BilledAndCollectedFigure {
  billed: Decimal;
  collected: Decimal;
}

export interface BilledAndCollected {
  byClient: ({ clientId: string } & BilledAndCollectedFigure)[];
  byEngagement: ({ engagementId: string; clientId: string } & BilledAndCollectedFigure)[];
  total: BilledAndCollectedFigure;
  /** Cash applied to invoices missing from `documents`: the caller loaded too few rows. */
  unattributedCollected: Decimal;
}

export function billedAndCollected(options: {
  documents: readonly LedgerInvoiceRow[];
  applications: readonly LedgerApplicationRow[];
  period: Period;
  toGroupCurrency: ToGroupCurrency;
}): BilledAndCollected {
  const { documents, applications, period, toGroupCurrency } = options;
  assertPeriod(period);
  const invoices = new Map(documents.map((d) => [d.id, d]));
  const engagements = new Map<string, { clientId: string; billed: Decimal; collected: Decimal }>();
  const of = (d: LedgerInvoiceRow) => engagements.get(d.engagementId) ?? engagements.set(d.engagementId, { clientId: d.clientId, billed: ZERO, collected: ZERO }).get(d.engagementId)!;

  for (const document of documents) {
    const sales = salesInPeriod(document, period, toGroupCurrency);
    if (!sales.isZero()) of(document).billed = of(document).billed.plus(sales);
  }
  let unattributed = ZERO;
  for (const application of applications) {
    if (!inPeriod(application.appliedAt, period)) continue;
    const amount = toGroup(toGroupCurrency, application.amount, application.currency, application.appliedAt);
    const invoice = invoices.get(application.invoiceId);
    if (invoice) of(invoice).collected = of(invoice).collected.plus(amount);
    else unattributed = unattributed.plus(amount);
  }

  const byEngagement = [...engagements.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([engagementId, f]) => ({ engagementId, clientId: f.clientId, billed: roundGroup(f.billed), collected: roundGroup(f.collected) }));
  const clients = new Map<string, BilledAndCollectedFigure>();
  for (const e of byEngagement) {
    const c = clients.get(e.clientId) ?? { billed: ZERO, collected: ZERO };
    clients.set(e.clientId, { billed: c.billed.plus(e.billed), collected: c.collected.plus(e.collected) });
  }
  const byClient = [...clients.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([clientId, f]) => ({ clientId, ...f }));
  return {
    byClient,
    byEngagement,
    total: { billed: byClient.reduce((s, c) => s.plus(c.billed), ZERO), collected: byClient.reduce((s, c) => s.plus(c.collected), ZERO) },
    unattributedCollected: roundGroup(unattributed),
  };
}
