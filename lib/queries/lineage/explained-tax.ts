// The tax part of an invoice explanation, and the sentence that counts what was billed.
import { dec, sum } from '../../domain/money/decimal.ts';
import type { ExplanationNode } from '../../http/schemas/lineage.ts';
import { money } from '../shared/decimal-fields.ts';
import type { ExplainedInvoice } from './explain-invoice.ts';
import type { SourceIds } from './explained-sources.ts';

/**
 * Tax per tax code, from the lines. When the lines' tax does not add up to the invoice's
 * (tax computed on the whole invoice), one node carries the invoice's tax as stored, so
 * the tree still adds up to the total.
 */
export function taxNodes(invoice: ExplainedInvoice, c: string): ExplanationNode[] {
  const taxTotal = dec(invoice.taxTotal.toString());
  const lineTax = sum(invoice.lines.map((l) => l.taxAmount.toString()));
  if (taxTotal.isZero() && lineTax.isZero()) return [];
  if (!lineTax.equals(taxTotal)) {
    return [{ id: `tax:${invoice.id}`, kind: 'TaxCode', label: 'Tax', amount: money(taxTotal, c), currency: c, detail: 'as calculated by the tax engine for the whole invoice', children: [] }];
  }
  const groups = new Map<string, { code: string; id: string; lines: ExplainedInvoice['lines'] }>();
  for (const line of invoice.lines) {
    if (dec(line.taxAmount.toString()).isZero() && !line.taxCode) continue;
    const code = line.taxCode?.code ?? 'Tax';
    const group = groups.get(code) ?? { code, id: line.taxCode?.id ?? `tax:${invoice.id}`, lines: [] };
    group.lines.push(line);
    groups.set(code, group);
  }
  return [...groups.values()].map((g) => {
    const rate = g.lines[0]?.taxRate;
    return {
      id: g.id,
      kind: 'TaxCode',
      label: `Tax ${g.code}${rate ? ` at ${dec(rate.toString()).times(100).toString()} %` : ''}`,
      amount: money(sum(g.lines.map((l) => l.taxAmount.toString())), c),
      currency: c,
      detail: `on line(s) ${g.lines.map((l) => l.lineNo).join(', ')}: base ${money(sum(g.lines.map((l) => l.amount.toString())), c)}`,
      children: [],
    };
  });
}

/** "57 time entries, 1 milestone" — what the lines bill, by kind. */
export function countSources(ids: SourceIds): string {
  const names: Record<keyof SourceIds, [string, string]> = {
    TimeTransaction: ['time entry', 'time entries'],
    Milestone: ['milestone', 'milestones'],
    Expense: ['expense', 'expenses'],
    UsageRecord: ['usage record', 'usage records'],
    BillingPlan: ['retainer month', 'retainer months'],
  };
  return (Object.keys(names) as (keyof SourceIds)[])
    .filter((k) => ids[k].length)
    .map((k) => `${ids[k].length} ${names[k][ids[k].length === 1 ? 0 : 1]}`)
    .join(', ');
}
