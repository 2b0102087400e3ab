// Exact decimals carried as strings, the way amounts, rates, quantities and hours cross
// every boundary: no float ever survives parsing. Deliberately minimal — the money module
// that grows here later owns arithmetic and rounding; this file only reads and compares.
import { z } from 'zod';

/** At most 15 integer digits (Decimal(19,4) columns) and 6 decimals (rate columns). */
const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,6})?$/;
const LOOSE_DECIMAL_PATTERN = /^-?(\d+)(?:\.(\d+))?$/;
/** A double carries 15 significant decimal digits exactly; beyond that a JSON number may already be wrong. */
const MAX_SIGNIFICANT_DIGITS_OF_A_NUMBER = 15;
const MAX_SCALE = 6;

export interface DecimalStringOptions {
  /** Inclusive lower bound, as a decimal string. */
  min?: string;
  /** Inclusive upper bound, as a decimal string. */
  max?: string;
  /** Strictly greater than zero. */
  positive?: boolean;
  /** Decimal places allowed once trailing zeros are dropped (default and ceiling: 6). */
  maxScale?: number;
}

export type DecimalParseResult = { ok: true; value: string } | { ok: false; message: string };

const EXAMPLE = 'e.g. "1250.00"';

/**
 * Reads a decimal from a JSON string or number and returns it normalised: no leading
 * zeros, no trailing fractional zeros, no "-0" ("0012.50" → "12.5", "-0.00" → "0").
 */
export function parseDecimalString(input: unknown, options: DecimalStringOptions = {}): DecimalParseResult {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else if (typeof input === 'number' && Number.isFinite(input)) {
    text = String(input);
    if (Math.abs(input) >= 1e15) return fail(`${text} is too large: at most 15 digits before the decimal point.`);
    if (/e/i.test(text)) return fail(`${text} has more than ${Math.min(options.maxScale ?? MAX_SCALE, MAX_SCALE)} decimal places.`);
    // JSON.parse already turned the number into a double; past 15 digits it may not be what was sent.
    if (significantDigits(text) > MAX_SIGNIFICANT_DIGITS_OF_A_NUMBER) {
      return fail(`${text} has more than ${MAX_SIGNIFICANT_DIGITS_OF_A_NUMBER} significant digits, which a JSON number cannot carry exactly; send it as a string (${EXAMPLE}).`);
    }
  } else {
    return fail(`Expected a decimal as a string (${EXAMPLE}) or a number.`);
  }

  const maxScale = Math.min(options.maxScale ?? MAX_SCALE, MAX_SCALE);
  if (!DECIMAL_PATTERN.test(text)) return fail(describeShapeProblem(text, maxScale));
  const value = normaliseDecimal(text);

  if (scaleOf(value) > maxScale) return fail(maxScale === 0 ? 'Must be a whole number.' : `At most ${maxScale} decimal places.`);
  if (options.positive && compareDecimalStrings(value, '0') <= 0) return fail('Must be greater than 0.');
  if (options.min !== undefined && compareDecimalStrings(value, options.min) < 0) return fail(`Must be at least ${options.min}.`);
  if (options.max !== undefined && compareDecimalStrings(value, options.max) > 0) return fail(`Must be at most ${options.max}.`);
  return { ok: true, value };
}

/** A zod type for an exact decimal sent as a JSON string or number; its output is the normalised string. */
export function decimalString(options: DecimalStringOptions = {}) {
  return z
    .union([z.string(), z.number()], {
      error: (issue) => (issue.input === undefined ? 'Required.' : `Expected a decimal as a string (${EXAMPLE}) or a number.`),
    })
    .transform((input, ctx) => {
      const result = parseDecimalString(input, options);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, input });
      return z.NEVER;
    });
}

/** Canonical form of a string that already matches the decimal pattern. */
export function normaliseDecimal(text: string): string {
  const match = LOOSE_DECIMAL_PATTERN.exec(text);
  if (!match) throw new Error(`Not a decimal: ${text}`);
  const negative = text.startsWith('-');
  const integerPart = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const unsigned = fraction ? `${integerPart}.${fraction}` : integerPart;
  return negative && /[1-9]/.test(unsigned) ? `-${unsigned}` : unsigned;
}

/** Compares two decimal strings exactly: -1, 0 or 1. Either may be unnormalised. */
export function compareDecimalStrings(a: string, b: string): -1 | 0 | 1 {
  const x = normaliseDecimal(a);
  const y = normaliseDecimal(b);
  const xNegative = x.startsWith('-');
  const yNegative = y.startsWith('-');
  if (xNegative !== yNegative) return xNegative ? -1 : 1;
  const magnitude = compareMagnitudes(xNegative ? x.slice(1) : x, yNegative ? y.slice(1) : y);
  return (xNegative ? -magnitude : magnitude) as -1 | 0 | 1;
}

function compareMagnitudes(a: string, b: string): -1 | 0 | 1 {
  const [aInt = '0', aFrac = ''] = a.split('.');
  const [bInt = '0', bFrac = ''] = b.split('.');
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(aFrac.length, bFrac.length);
  const aPadded = aFrac.padEnd(width, '0');
  const bPadded = bFrac.padEnd(width, '0');
  if (aPadded === bPadded) return 0;
  return aPadded < bPadded ? -1 : 1;
}

function scaleOf(normalised: string): number {
  const dot = normalised.indexOf('.');
  return dot === -1 ? 0 : normalised.length - dot - 1;
}

function significantDigits(text: string): number {
  return text.replace(/[-.]/g, '').replace(/^0+/, '').length;
}

function describeShapeProblem(text: string, maxScale: number): string {
  const loose = LOOSE_DECIMAL_PATTERN.exec(text);
  if (loose && (loose[1] ?? '').length > 15) return 'At most 15 digits before the decimal point.';
  if (loose && (loose[2] ?? '').length > MAX_SCALE) return `At most ${maxScale} decimal places.`;
  return `Expected a decimal such as "1250.00": digits with an optional minus sign and decimal point; no exponent, spaces, plus sign or thousands separators.`;
}

function fail(message: string): DecimalParseResult {
  return { ok: false, message };
}
