// Locks an invoice (FOR UPDATE: a void and a credit note of the same invoice, or a cash
// application, never interleave) and reads it as the core's IssuedInvoiceInput, with what
// earlier credit notes already credited per line.
import type { Prisma } from '../../db/client.ts';
import type { IssuedInvoiceInput } from '../../domain/billing/reverse-invoice.ts';
import { sum } from '../../domain/money/decimal.ts';
import { AppError } from '../../errors.ts';
import { sourceIdOf, storedInvoiceInclude, type StoredInvoice } from './stored-draft.ts';

export async function loadIssuedInvoice(tx: Prisma.TransactionClient, invoiceId: string): Promise<{ row: StoredInvoice; input: IssuedInvoiceInput }> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Invoice" WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', 'No such invoice.');
  const row = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: storedInvoiceInclude });
  const credits = await tx.invoiceLine.findMany({
    where: { creditedLineId: { in: row.lines.map((l) => l.id) }, invoice: { status: { not: 'VOID' } } },
    select: { creditedLineId: true, amount: true, taxAmount: true },
  });
  const creditsOf = (lineId: string) => credits.filter((c) => c.creditedLineId === lineId);
  return {
    row,
    input: {
      id: row.id,
      kind: row.kind,
      status: row.status,
      currency: row.currency,
      amountApplied: row.amountApplied.toString(),
      amountCredited: row.amountCredited.toString(),
      lines: row.lines.map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        kind: l.kind,
        description: l.description,
        sku: l.serviceCatalogItem?.sku ?? null,
        role: l.serviceRole?.code ?? null,
        quantity: l.quantity.toString(),
        unitPrice: l.unitPrice.toString(),
        amount: l.amount.toString(),
        taxRate: l.taxRate?.toString() ?? null,
        taxAmount: l.taxAmount.toString(),
        creditedAmount: sum(creditsOf(l.id).map((c) => c.amount.toString())),
        creditedTaxAmount: sum(creditsOf(l.id).map((c) => c.taxAmount.toString())),
        sources: l.sources.map((s) => ({ invoiceLineSourceId: s.id, kind: s.kind, sourceId: sourceIdOf(s), billingKey: s.billingKey })),
      })),
    },
  };
}
