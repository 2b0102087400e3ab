// The rows cash application reads and changes, locked FOR UPDATE in id order (so two
// transactions touching the same invoices always queue, never deadlock) and read back as
// the plain values the cash core takes. Money crosses as exact decimal strings.
import { Prisma } from '../../db/client.ts';
import type { CashApplicationKind, CashApplicationMethod, CashReceiptStatus, DeductionStatus, InvoiceKind } from '../../db/generated/enums.ts';
import type { InvoiceToMatch } from '../../domain/cash/cash-types.ts';
import type { Tx } from '../../workflows/workflow.ts';

export interface CashInvoiceRow extends InvoiceToMatch {
  kind: InvoiceKind;
  legalEntityId: string;
  engagementId: string;
  correlationId: string;
  total: string;
  amountApplied: string;
  amountCredited: string;
  balanceDue: string;
  postedAt: Date | null;
}

export interface CashReceiptRow {
  id: string;
  sourceSystem: string;
  externalId: string;
  clientId: string | null;
  legalEntityId: string | null;
  amount: string;
  currency: string;
  appliedAmount: string;
  unappliedAmount: string;
  refundedAmount: string;
  status: CashReceiptStatus;
  receivedAt: Date;
}

export interface CashApplicationRow {
  id: string;
  kind: CashApplicationKind;
  receiptId: string;
  invoiceId: string;
  method: CashApplicationMethod;
  automatic: boolean;
  amount: string;
  currency: string;
  deductionAmount: string;
  deductionReasonCode: string | null;
  deductionStatus: DeductionStatus;
  appliedAt: Date;
  reversedAt: Date | null;
}

const invoiceColumns = Prisma.sql`
  id::text, number, "erpInvoiceNumber", "clientId"::text AS "clientId", kind::text AS kind, status::text AS status, currency::text AS currency,
  "legalEntityId"::text AS "legalEntityId", "engagementId"::text AS "engagementId", "correlationId",
  total::text AS total, "amountApplied"::text AS "amountApplied", "amountCredited"::text AS "amountCredited", "balanceDue"::text AS "balanceDue",
  "issuedAt", "dueDate", "postedAt"`;

type RawInvoice = Omit<CashInvoiceRow, 'issuedAt' | 'number'> & { issuedAt: Date | null; number: string | null };

// Never-issued invoices have no number and no issue date: cash cannot be applied to them,
// so they are left out rather than given invented values.
function toInvoices(rows: RawInvoice[]): CashInvoiceRow[] {
  return rows.flatMap((row) => (row.number && row.issuedAt ? [{ ...row, number: row.number, issuedAt: row.issuedAt }] : []));
}

/** Locks and reads invoices by id. */
export async function lockInvoices(tx: Tx, ids: readonly string[]): Promise<CashInvoiceRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<RawInvoice[]>`
    SELECT ${invoiceColumns} FROM "Invoice" WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
  return toInvoices(rows);
}

/**
 * Locks and reads, in one statement (one lock order), the open invoices of `clientIds` in
 * `currency` and every issued invoice whose number or ERP number is one of `numbers`.
 */
export async function lockCashCandidates(tx: Tx, options: { clientIds: readonly string[]; currency: string; numbers: readonly string[] }): Promise<CashInvoiceRow[]> {
  const { clientIds, currency, numbers } = options;
  if (clientIds.length === 0 && numbers.length === 0) return [];
  const rows = await tx.$queryRaw<RawInvoice[]>`
    SELECT ${invoiceColumns} FROM "Invoice"
     WHERE ("clientId" = ANY(${[...clientIds]}::uuid[]) AND kind = 'INVOICE' AND status IN ('ISSUED', 'POSTED', 'PARTIALLY_PAID')
            AND "balanceDue" > 0 AND currency = ${currency})
        OR number = ANY(${[...numbers]}::text[]) OR "erpInvoiceNumber" = ANY(${[...numbers]}::text[])
     ORDER BY id FOR UPDATE`;
  return toInvoices(rows);
}

const receiptColumns = Prisma.sql`
  id::text, "sourceSystem", "externalId", "clientId"::text AS "clientId", "legalEntityId"::text AS "legalEntityId",
  amount::text AS amount, currency::text AS currency, "appliedAmount"::text AS "appliedAmount", "unappliedAmount"::text AS "unappliedAmount",
  "refundedAmount"::text AS "refundedAmount", status::text AS status, "receivedAt"`;

export async function lockReceipt(tx: Tx, id: string): Promise<CashReceiptRow | null> {
  const [row] = await tx.$queryRaw<CashReceiptRow[]>`SELECT ${receiptColumns} FROM "CashReceipt" WHERE id = ${id}::uuid FOR UPDATE`;
  return row ?? null;
}

export async function findReceiptByExternalId(tx: Tx, options: { sourceSystem?: string; externalId: string }): Promise<CashReceiptRow[]> {
  const bySystem = options.sourceSystem === undefined ? Prisma.empty : Prisma.sql`AND "sourceSystem" = ${options.sourceSystem}`;
  return tx.$queryRaw<CashReceiptRow[]>`SELECT ${receiptColumns} FROM "CashReceipt" WHERE "externalId" = ${options.externalId} ${bySystem} ORDER BY id`;
}

const applicationColumns = Prisma.sql`
  id::text, kind::text AS kind, "receiptId"::text AS "receiptId", "invoiceId"::text AS "invoiceId", method::text AS method, automatic,
  amount::text AS amount, currency::text AS currency, "deductionAmount"::text AS "deductionAmount", "deductionReasonCode",
  "deductionStatus"::text AS "deductionStatus", "appliedAt", "reversedAt"`;

export async function lockApplication(tx: Tx, id: string): Promise<CashApplicationRow | null> {
  const [row] = await tx.$queryRaw<CashApplicationRow[]>`SELECT ${applicationColumns} FROM "CashApplication" WHERE id = ${id}::uuid FOR UPDATE`;
  return row ?? null;
}

/** The receipt's applications not reversed yet, oldest first (a dispute takes the newest back first). */
export async function liveApplicationsOf(tx: Tx, receiptId: string): Promise<CashApplicationRow[]> {
  return tx.$queryRaw<CashApplicationRow[]>`
    SELECT ${applicationColumns} FROM "CashApplication"
     WHERE "receiptId" = ${receiptId}::uuid AND kind = 'APPLICATION' AND "reversedAt" IS NULL
     ORDER BY "appliedAt", "createdAt", id FOR UPDATE`;
}

