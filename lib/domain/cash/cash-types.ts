// The shapes cash application works on (DESIGN.md §6): a receipt to match, the invoices it
// may pay, and what matching proposes. Plain values, so the workflow loads rows, calls the
// matcher and writes CashApplication rows field for field (names follow cash.prisma).
import type { CashApplicationMethod, DeductionStatus, InvoiceKind, InvoiceStatus } from '../../db/generated/enums.ts';
import type { Decimal, DecimalInput } from '../money/decimal.ts';

/** One line of the payer's remittance advice, as received (payment-received.ts). */
export interface RemittanceLine {
  invoiceNumber: string;
  amount: DecimalInput;
  deduction?: DecimalInput;
  reasonCode?: string;
}

export interface ReceiptToMatch {
  amount: DecimalInput;
  currency: string;
  /** The payer resolved through the id crosswalk; null when only a name (or nothing) came. */
  payerClientId: string | null;
  remittance?: readonly RemittanceLine[];
}

/** An invoice as the matcher needs it (a projection of Invoice). */
export interface InvoiceToMatch {
  id: string;
  number: string;
  /** The ERP's number, which payers often quote instead of ours. */
  erpInvoiceNumber?: string | null;
  clientId: string;
  kind?: InvoiceKind;
  status: InvoiceStatus;
  currency: string;
  balanceDue: DecimalInput;
  issuedAt: Date;
  dueDate: Date | null;
}

/** Automatic methods only: MANUAL is a person's, never the matcher's. */
export type AutomaticMethod = Exclude<CashApplicationMethod, 'MANUAL'>;

export interface ProposedApplication {
  invoiceId: string;
  invoiceNumber: string;
  method: AutomaticMethod;
  amount: Decimal;
  currency: string;
  /** Zero unless the payer short-paid with a reason code. */
  deductionAmount: Decimal;
  deductionReasonCode: string | null;
  deductionStatus: Extract<DeductionStatus, 'NONE' | 'PENDING_APPROVAL'>;
  /** The invoice's balance after this application; a pending deduction does not reduce it. */
  balanceDueAfter: Decimal;
  remittanceLineIndex: number | null;
  remittanceInvoiceRef: string | null;
}

/** An exception the workflow raises (impact in the receipt's currency; it converts to USD). */
export interface CashExceptionToRaise {
  code: 'UNAPPLIED_CASH' | 'SHORT_PAY_DEDUCTION';
  amount: Decimal;
  currency: string;
  /** The invoice a deduction is about; absent for unapplied cash (it is about the receipt). */
  invoiceId?: string;
}

/** Why a remittance line was not applied as written; shown in the exception details. */
export type MatchFlagKind =
  | 'INVOICE_NOT_FOUND'
  | 'INVOICE_NUMBER_AMBIGUOUS'
  | 'INVOICE_NOT_OPEN'
  | 'CURRENCY_MISMATCH'
  | 'PAYER_MISMATCH'
  | 'REMITTANCE_EXCEEDS_RECEIPT'
  | 'LINE_EXCEEDS_BALANCE'
  | 'DEDUCTION_WITHOUT_REASON'
  | 'DEDUCTION_DOES_NOT_SETTLE'
  | 'REMITTANCE_UNRESOLVED';

export interface MatchFlag {
  kind: MatchFlagKind;
  remittanceLineIndex?: number;
  invoiceNumber?: string;
  invoiceId?: string;
  amount?: Decimal;
}
