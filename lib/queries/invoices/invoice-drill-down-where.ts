// The invoice filters behind the dashboard's drill-downs (docs/KPIS.md), shared by the
// console's list and GET /api/v1/invoices: legal entity or region, kind, credit-note reason,
// issued on days, and eligible on days — invoice timeliness's population.
import type { Prisma } from '../../db/client.ts';
import type { CreditNoteReason, InvoiceKind } from '../../db/generated/enums.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { dayRangeWhere, legalEntityScope } from '../shared/drill-down-where.ts';

export interface InvoiceDrillDownFilters {
  legalEntityCode?: string;
  /** A reporting region (LegalEntity.region). */
  region?: string;
  kind?: InvoiceKind;
  creditNoteReason?: CreditNoteReason;
  /** Issued on these days (issuedAt), both included. */
  issuedFrom?: IsoDate;
  issuedTo?: IsoDate;
  /** Invoices that became eligible on these days and were not voided before posting. */
  eligibleFrom?: IsoDate;
  eligibleTo?: IsoDate;
}

export function invoiceDrillDownWhere(filters: InvoiceDrillDownFilters): Prisma.InvoiceWhereInput[] {
  const issuedAt = dayRangeWhere({ from: filters.issuedFrom, to: filters.issuedTo });
  const eligibleAt = dayRangeWhere({ from: filters.eligibleFrom, to: filters.eligibleTo });
  return [
    legalEntityScope(filters),
    ...(filters.kind ? [{ kind: filters.kind }] : []),
    ...(filters.creditNoteReason ? [{ creditNoteReason: filters.creditNoteReason }] : []),
    ...(issuedAt ? [{ issuedAt }] : []),
    // As invoice-timeliness-kpi.ts counts: an invoice voided before it was posted is left out.
    ...(eligibleAt ? [{ kind: 'INVOICE' as const, eligibleAt, NOT: { voidedAt: { not: null }, postedAt: null } }] : []),
  ];
}
