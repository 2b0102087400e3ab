// The wire format of the simulated tax engine (Avalara/Vertex-like, simplified): the
// request it accepts, the answer it gives and its problem+json errors.
import { z } from 'zod';
import { SimulatorProblem } from '../kit/problem.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date, YYYY-MM-DD.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Not a calendar date.');

/** A decimal string; amounts are never JSON numbers (a float would already have lost cents). */
export const decimalString = z.string().regex(/^-?\d{1,18}(\.\d{1,18})?$/, 'Must be a decimal string, e.g. "1250.00".');

export const calculateRequestSchema = z.object({
  documentId: z.string().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 code, e.g. USD.'),
  issueDate: isoDate,
  seller: z.object({ legalEntityCode: z.string().min(1).max(64), country: z.string().regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code.') }),
  buyer: z.object({ nexus: z.string().min(1).max(32), exempt: z.boolean() }),
  lines: z
    .array(z.object({ lineId: z.string().min(1).max(200), amount: decimalString, sku: z.string().min(1).max(64) }))
    .min(1, 'At least one line.')
    .max(5000, 'At most 5000 lines.')
    .refine((lines) => new Set(lines.map((l) => l.lineId)).size === lines.length, 'lineId must be unique within the document.'),
});

export type CalculateRequest = z.infer<typeof calculateRequestSchema>;

/** Documents are checked one by one (a bad one is its own result), so only the envelope here. */
export const MAX_BATCH = 500;
export const batchRequestSchema = z.object({ documents: z.array(z.unknown()).min(1, 'At least one document.').max(MAX_BATCH, `At most ${MAX_BATCH} documents.`) });

/** One document's outcome in a batch answer, in the order of the request. */
export type BatchResult =
  | { documentId: string; status: 200; body: CalculateResponse; replayed: boolean }
  | { documentId: string | null; status: number; problem: Record<string, unknown> };

export interface CalculatedLine {
  lineId: string;
  taxableAmount: string;
  rate: string;
  taxAmount: string;
  jurisdiction: string;
  taxCode: string;
}

export interface CalculateResponse {
  documentId: string;
  currency: string;
  lines: CalculatedLine[];
  totalTax: string;
}

export type ProblemCode =
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'UNKNOWN_JURISDICTION'
  | 'NO_RATE_IN_EFFECT'
  | 'UNSUPPORTED_CURRENCY'
  | 'AMOUNT_PRECISION'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

const titles: Record<ProblemCode, string> = {
  INVALID_REQUEST: 'The request is not valid',
  UNAUTHORIZED: 'Missing or wrong bearer token',
  NOT_FOUND: 'No such resource',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused with another request',
  UNKNOWN_JURISDICTION: 'Unknown tax jurisdiction',
  NO_RATE_IN_EFFECT: 'No tax rule in effect on the issue date',
  UNSUPPORTED_CURRENCY: 'Unsupported currency',
  AMOUNT_PRECISION: "Amount finer than the currency's minor unit",
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
  UNAVAILABLE: 'Service unavailable',
};

/** An RFC 9457 answer the engine gives instead of a calculation. */
export class TaxEngineProblem extends SimulatorProblem {
  declare readonly code: ProblemCode;

  constructor(status: number, code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) {
    super(status, code, detail, extra, titles[code]);
    this.name = 'TaxEngineProblem';
  }

  override toJSON(): Record<string, unknown> {
    return super.toJSON('https://tax-engine.invalid/problems');
  }
}
