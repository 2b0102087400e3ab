// The unapplied-cash workbench: receipts with cash left to apply (newest first, keyset
// pages) and, for each, the invoices it most likely pays (domain suggestMatches). The
// candidates of the whole page come from one query — open invoices in the receipts'
// currencies of the payers and their hierarchies, or with exactly an unapplied amount, or
// named in the remittance — so a page costs the same few queries however many receipts.
import { db, type Prisma } from '../../db/client.ts';
import { suggestMatches, type InvoiceToSuggest, type MatchEvidence } from '../../domain/cash/suggest-matches.ts';
import { isoDate, money } from '../shared/decimal-fields.ts';
import { listReceipts, toReceiptView, type ReceiptRow, type ReceiptView } from './list-receipts.ts';

export const WORKBENCH_PAGE_SIZE = 10;
// Enough for every suggestion of a page; the oldest-due candidates first.
const MAX_CANDIDATES = 500;

export interface SuggestionView {
  invoice: { id: string; number: string; clientName: string; dueDate: string | null; balanceDue: string; engagementCode: string };
  score: number;
  evidence: MatchEvidence[];
  applyAmount: string;
}

export interface WorkbenchItem {
  receipt: ReceiptView;
  /** Exact unapplied amount as stored, for the double-submit guard of the apply action. */
  unappliedExact: string;
  reference: string;
  suggestions: SuggestionView[];
}

const candidateSelect = {
  id: true,
  number: true,
  erpInvoiceNumber: true,
  clientId: true,
  currency: true,
  balanceDue: true,
  issueDate: true,
  dueDate: true,
  client: { select: { name: true } },
  engagement: { select: { code: true } },
} satisfies Prisma.InvoiceSelect;

type Candidate = Prisma.InvoiceGetPayload<{ select: typeof candidateSelect }>;

export async function unappliedWorkbench(options: { legalEntityCode?: string; region?: string; cursor?: string; limit?: number }): Promise<{ items: WorkbenchItem[]; nextCursor: string | null }> {
  const page = await listReceipts({ ...options, unappliedOnly: true, limit: options.limit ?? WORKBENCH_PAGE_SIZE });
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  const families = await clientFamilies(page.items);
  const references = new Map(page.items.map((r) => [r.id, referenceOf(r)]));
  const candidates = await loadCandidates(page.items, families, references);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const toSuggest: InvoiceToSuggest[] = candidates.flatMap((c) =>
    c.number && c.issueDate ? [{ id: c.id, number: c.number, erpInvoiceNumber: c.erpInvoiceNumber, clientId: c.clientId, currency: c.currency, balanceDue: c.balanceDue.toString(), issueDate: isoDate(c.issueDate), dueDate: isoDate(c.dueDate) }] : [],
  );

  const items = page.items.map((row): WorkbenchItem => {
    const reference = references.get(row.id)!;
    const suggestions = suggestMatches({
      receipt: {
        unapplied: row.unappliedAmount.toString(),
        currency: row.currency,
        receivedOn: row.receivedAt.toISOString().slice(0, 10),
        payerClientId: row.client?.id ?? null,
        payerRelatedClientIds: row.client ? (families.get(row.client.id) ?? []) : [],
        referenceText: reference.text,
      },
      invoices: toSuggest,
    });
    return {
      receipt: toReceiptView(row),
      unappliedExact: row.unappliedAmount.toString(),
      reference: reference.text,
      suggestions: suggestions.map((s) => {
        const c = byId.get(s.invoiceId)!;
        return {
          invoice: { id: c.id, number: c.number!, clientName: c.client.name, dueDate: isoDate(c.dueDate), balanceDue: money(c.balanceDue, c.currency), engagementCode: c.engagement.code },
          score: s.score,
          evidence: s.evidence,
          applyAmount: money(s.applyAmount, c.currency),
        };
      }),
    };
  });
  return { items, nextCursor: page.nextCursor };
}

/** For each payer client of the page: its parent, its children and its siblings. */
async function clientFamilies(receipts: readonly ReceiptRow[]): Promise<Map<string, string[]>> {
  const payers = receipts.flatMap((r) => (r.client ? [r.client] : []));
  if (payers.length === 0) return new Map();
  const parentIds = [...new Set(payers.flatMap((p) => (p.parentId ? [p.parentId] : [])))];
  const relatives = await db().client.findMany({
    where: { OR: [{ id: { in: parentIds } }, { parentId: { in: [...new Set([...payers.map((p) => p.id), ...parentIds])] } }] },
    select: { id: true, parentId: true },
    take: 2000,
  });
  return new Map(
    payers.map((payer) => [
      payer.id,
      relatives.filter((c) => c.id !== payer.id && (c.id === payer.parentId || c.parentId === payer.id || (payer.parentId !== null && c.parentId === payer.parentId))).map((c) => c.id),
    ]),
  );
}

/** What the payer wrote: remittance invoice references and the unstructured text. */
function referenceOf(receipt: ReceiptRow): { text: string; tokens: string[] } {
  const lines = Array.isArray(receipt.remittance) ? receipt.remittance : [];
  const named = lines.flatMap((line) => (line && typeof line === 'object' && 'invoiceNumber' in line && typeof line.invoiceNumber === 'string' ? [line.invoiceNumber] : []));
  const text = [...named, receipt.remittanceText ?? ''].join(' ').trim();
  const tokens = text.split(/[\s,;:()]+/).map((t) => t.replace(/[.]+$/, '').toUpperCase()).filter((t) => t.length >= 3);
  return { text, tokens: [...new Set(tokens)] };
}

async function loadCandidates(receipts: readonly ReceiptRow[], families: Map<string, string[]>, references: Map<string, { tokens: string[] }>): Promise<Candidate[]> {
  const clientIds = [...new Set([...families.entries()].flatMap(([payer, relatives]) => [payer, ...relatives]))];
  const amounts = [...new Set(receipts.map((r) => r.unappliedAmount.toString()))];
  const tokens = [...new Set([...references.values()].flatMap((r) => r.tokens))];
  return db().invoice.findMany({
    where: {
      kind: 'INVOICE',
      status: { in: ['ISSUED', 'POSTED', 'PARTIALLY_PAID'] },
      balanceDue: { gt: 0 },
      currency: { in: [...new Set(receipts.map((r) => r.currency))] },
      OR: [{ clientId: { in: clientIds } }, { balanceDue: { in: amounts } }, { number: { in: tokens } }, { erpInvoiceNumber: { in: tokens } }],
    },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    take: MAX_CANDIDATES,
    select: candidateSelect,
  });
}
