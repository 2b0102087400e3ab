// Receipts for the cash page: newest first, keyset pages on (receivedAt, id), with the
// payer, what was applied, what is left unapplied and the applications (to which invoices).
// `unappliedOnly` reads the partial index of receipts with cash left to apply.
import { db, type Prisma } from '../../db/client.ts';
import type { CashApplication } from '../../db/generated/client.ts';
import type { CashApplicationKind, CashApplicationMethod, CashReceiptStatus, DeductionStatus } from '../../db/generated/enums.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import { isoDateTime, money } from '../shared/decimal-fields.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { dayRangeWhere, legalEntityScope } from '../shared/drill-down-where.ts';
import { keysetAfter } from '../shared/keyset.ts';

export const RECEIPTS_PAGE_SIZE = 25;

export const receiptSelect = {
  id: true,
  sourceSystem: true,
  externalId: true,
  payerName: true,
  payerExternalId: true,
  amount: true,
  currency: true,
  appliedAmount: true,
  unappliedAmount: true,
  refundedAmount: true,
  status: true,
  receivedAt: true,
  remittance: true,
  remittanceText: true,
  client: { select: { id: true, name: true, parentId: true } },
  legalEntity: { select: { code: true } },
  applications: {
    orderBy: [{ appliedAt: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      kind: true,
      method: true,
      automatic: true,
      amount: true,
      deductionAmount: true,
      deductionStatus: true,
      reversedAt: true,
      appliedAt: true,
      invoice: { select: { id: true, number: true } },
    },
  },
} satisfies Prisma.CashReceiptSelect;

export type ReceiptRow = Prisma.CashReceiptGetPayload<{ select: typeof receiptSelect }>;

export interface ReceiptView {
  id: string;
  paymentId: string;
  sourceSystem: string;
  payer: string;
  client: { id: string; name: string } | null;
  legalEntityCode: string | null;
  currency: string;
  amount: string;
  applied: string;
  unapplied: string;
  refunded: string;
  status: CashReceiptStatus;
  receivedAt: string;
  applications: ApplicationView[];
}

/** One application of cash to an invoice, as the cash and engagement pages show it. */
export interface ApplicationView {
  id: string;
  kind: CashApplicationKind;
  method: CashApplicationMethod;
  automatic: boolean;
  amount: string;
  deduction: string;
  deductionStatus: DeductionStatus;
  reversed: boolean;
  invoice: { id: string; number: string | null };
}

type ApplicationRow = Pick<CashApplication, 'id' | 'kind' | 'method' | 'automatic' | 'amount' | 'deductionAmount' | 'deductionStatus' | 'reversedAt'> & { invoice: { id: string; number: string | null } };

export function toApplicationView(a: ApplicationRow, currency: string): ApplicationView {
  return {
    id: a.id,
    kind: a.kind,
    method: a.method,
    automatic: a.automatic,
    amount: money(a.amount, currency),
    deduction: money(a.deductionAmount, currency),
    deductionStatus: a.deductionStatus,
    reversed: a.reversedAt !== null,
    invoice: a.invoice,
  };
}

export function toReceiptView(row: ReceiptRow): ReceiptView {
  const c = row.currency;
  return {
    id: row.id,
    paymentId: row.externalId,
    sourceSystem: row.sourceSystem,
    payer: row.client?.name ?? row.payerName ?? row.payerExternalId ?? 'Unknown payer',
    client: row.client ? { id: row.client.id, name: row.client.name } : null,
    legalEntityCode: row.legalEntity?.code ?? null,
    currency: c,
    amount: money(row.amount, c),
    applied: money(row.appliedAmount, c),
    unapplied: money(row.unappliedAmount, c),
    refunded: money(row.refundedAmount, c),
    status: row.status,
    receivedAt: isoDateTime(row.receivedAt),
    applications: row.applications.map((a) => toApplicationView(a, c)),
  };
}

const ORDER = 'receipts';
const columns = [{ kind: 'date', nullable: false }, { kind: 'uuid', nullable: false }] as const;

export interface ListReceiptsOptions {
  status?: readonly CashReceiptStatus[];
  /** Cash left to apply, refunded receipts aside: the unapplied cash KPI's receipts. */
  unappliedOnly?: boolean;
  /** The receiving legal entity, or every entity of a reporting region. */
  legalEntityCode?: string;
  region?: string;
  /** Received on these days (both included): the cash-application accuracy KPI's receipts. */
  receivedFrom?: IsoDate;
  receivedTo?: IsoDate;
  cursor?: string;
  limit?: number;
}

export async function listReceipts(options: ListReceiptsOptions): Promise<{ items: ReceiptRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? RECEIPTS_PAGE_SIZE), 1), 100);
  const after = options.cursor ? decodeCursor(options.cursor, `${ORDER}${options.unappliedOnly ? ':unapplied' : ''}`, columns) : undefined;
  const filters: Prisma.CashReceiptWhereInput[] = [
    ...(options.status?.length ? [{ status: { in: [...options.status] } }] : []),
    ...(options.unappliedOnly ? [{ unappliedAmount: { gt: 0 }, status: { not: 'REFUNDED' as const } }] : []),
    legalEntityScope(options),
    ...receivedWhere(options),
    ...(after ? [keysetAfter('receivedAt', 'desc', new Date(after[0] as string), after[1] as string) as Prisma.CashReceiptWhereInput] : []),
  ];
  const rows = await db().cashReceipt.findMany({ where: { AND: filters }, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], take: limit + 1, select: receiptSelect });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor(`${ORDER}${options.unappliedOnly ? ':unapplied' : ''}`, [last.receivedAt.toISOString(), last.id]) : null };
}

function receivedWhere(options: Pick<ListReceiptsOptions, 'receivedFrom' | 'receivedTo'>): Prisma.CashReceiptWhereInput[] {
  const receivedAt = dayRangeWhere({ from: options.receivedFrom, to: options.receivedTo });
  return receivedAt ? [{ receivedAt }] : [];
}
