// "Why is this invoice 42,300.00?" (GET /api/v1/invoices/{id}/explanation, DESIGN.md §9):
// the invoice as a tree — lines and tax, each line's sources with their unrounded
// amounts, the time, milestones, usage, expenses and retainer months they bill, and the
// timesheets and events behind those. The invoice's children add up to its total and each
// line is its sources rounded half-up; where stored data disagrees, the summary says so.
import { db, type Prisma } from '../../db/client.ts';
import { dec, sum } from '../../domain/money/decimal.ts';
import { AppError } from '../../errors.ts';
import type { ExplanationNode, InvoiceExplanation } from '../../http/schemas/lineage.ts';
import { exactDecimal, isUuid, money, unroundedMoney } from '../shared/decimal-fields.ts';
import { sourceTarget } from '../invoices/invoice-view.ts';
import { loadSourceRows, targetNode, type SourceIds } from './explained-sources.ts';
import { countSources, taxNodes } from './explained-tax.ts';
import { creationEventsOf, loadEvents, nodeKey } from './node-context.ts';

export const explainedInvoiceInclude = {
  lines: {
    orderBy: { lineNo: 'asc' },
    include: {
      taxCode: { select: { id: true, code: true } },
      creditedLine: { select: { id: true, lineNo: true, invoice: { select: { number: true } } } },
      sources: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  },
} satisfies Prisma.InvoiceInclude;

export type ExplainedInvoice = Prisma.InvoiceGetPayload<{ include: typeof explainedInvoiceInclude }>;

export async function explainInvoice(options: { id: string }): Promise<InvoiceExplanation> {
  if (!isUuid(options.id)) throw new AppError('NOT_FOUND', 'No such invoice.');
  const invoice = await db().invoice.findUnique({ where: { id: options.id }, include: explainedInvoiceInclude });
  if (!invoice) throw new AppError('NOT_FOUND', 'No such invoice.');
  const c = invoice.currency;

  const ids: SourceIds = { TimeTransaction: [], Milestone: [], Expense: [], UsageRecord: [], BillingPlan: [] };
  for (const s of invoice.lines.flatMap((l) => l.sources)) {
    const { sourceType, sourceId } = sourceTarget(s);
    if (sourceType) ids[sourceType].push(sourceId);
  }
  const keys = (Object.entries(ids) as [string, string[]][]).flatMap(([kind, list]) => list.map((entityId) => ({ kind, entityId })));
  const [rows, creationEvents] = await Promise.all([loadSourceRows(ids), creationEventsOf(keys)]);
  const eventOf = (kind: string, id: string) => creationEvents.get(nodeKey(kind, id));

  const lines: ExplanationNode[] = invoice.lines.map((line) => {
    const sources = line.sources.map((s): ExplanationNode => {
      const { sourceType, sourceId } = sourceTarget(s);
      const target = sourceType ? targetNode(sourceType, sourceId, rows, eventOf) : undefined;
      const fx = s.sourceAmount && s.sourceCurrency && s.fxRate ? `${unroundedMoney(s.sourceAmount, s.sourceCurrency)} ${s.sourceCurrency} × ${exactDecimal(s.fxRate)}` : null;
      const qty = s.quantity && s.rate ? `${exactDecimal(s.quantity)} × ${unroundedMoney(s.rate, s.currency)}` : null;
      return {
        id: s.id,
        kind: 'InvoiceLineSource',
        label: `${s.kind}${s.periodKey ? ` ${s.periodKey}` : ''}${s.billingKey === null ? ' (released)' : ''}`,
        amount: unroundedMoney(s.amount, s.currency),
        currency: s.currency,
        ...(fx || qty ? { detail: fx ?? qty! } : {}),
        children: target ? [target] : [],
      };
    });
    const sourceTotal = sum(line.sources.map((s) => s.amount.toString()));
    const credited = line.creditedLine;
    return {
      id: line.id,
      kind: 'InvoiceLine',
      label: `Line ${line.lineNo}: ${line.description}`,
      amount: money(line.amount, c),
      currency: c,
      detail: line.sources.length
        ? `${line.sources.length} source(s) totalling ${unroundedMoney(sourceTotal, c)}, rounded half-up to ${money(sourceTotal, c)}`
        : `${exactDecimal(line.quantity)} × ${unroundedMoney(line.unitPrice, c)}`,
      children: credited
        ? [...sources, { id: credited.id, kind: 'InvoiceLine', label: `Credits line ${credited.lineNo} of invoice ${credited.invoice.number ?? '(not issued)'}`, children: [] }]
        : sources,
    };
  });
  const tax = taxNodes(invoice, c);
  const childrenTotal = sum([...lines, ...tax].map((n) => n.amount ?? '0'));
  const events = await loadEvents([...creationEvents.values()]);

  const counts = countSources(ids);
  const mismatch = childrenTotal.equals(dec(invoice.total.toString())) ? '' : ` Its lines and tax add up to ${money(childrenTotal, c)}, not the stored total.`;
  const title = `${invoice.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice'} ${invoice.number ?? '(not issued)'}`;
  return {
    invoice: { id: invoice.id, kind: invoice.kind, number: invoice.number, status: invoice.status, currency: c, subtotal: money(invoice.subtotal, c), tax: money(invoice.taxTotal, c), total: money(invoice.total, c) },
    summary: `${title} is ${money(invoice.total, c)} ${c}: ${lines.length} ${lines.length === 1 ? 'line' : 'lines'} totalling ${money(invoice.subtotal, c)}${counts ? ` from ${counts}` : ''}, plus tax of ${money(invoice.taxTotal, c)}.${mismatch}`,
    tree: {
      id: invoice.id,
      kind: 'Invoice',
      label: title,
      amount: money(invoice.total, c),
      currency: c,
      detail: `subtotal ${money(invoice.subtotal, c)} + tax ${money(invoice.taxTotal, c)} = ${money(invoice.total, c)}`,
      ...(invoice.sourceSystem && invoice.externalId ? { system: invoice.sourceSystem, externalId: invoice.externalId } : {}),
      children: [...lines, ...tax],
    },
    events,
  };
}
