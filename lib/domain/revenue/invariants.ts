// Properties every revenue ledger must have, as checks that scenario and property tests
// call on real entries: they return what is wrong instead of throwing, so a test can show it.
import { roundToMinor } from '../money/currency.ts';
import { dec, ZERO, type DecimalInput } from '../money/decimal.ts';

export type InvariantResult = { ok: true } | { ok: false; message: string };

const ok: InvariantResult = { ok: true };

interface AmountOnly {
  amount: DecimalInput;
}

/**
 * Recognised revenue never exceeds the contract value: neither in total nor after any entry
 * (taken in posting order) — entries that carry the value in force at their measurement
 * (PlannedRevenueEntry.poc.contractValue) are held to that value, the others to the current one.
 */
export function checkRecognizedWithinContractValue(options: {
  entries: readonly (AmountOnly & { poc?: { contractValue: DecimalInput } | null })[];
  contractValue: DecimalInput;
  currency: string;
}): InvariantResult {
  const value = roundToMinor(options.contractValue, options.currency);
  let running = ZERO;
  for (const [index, entry] of options.entries.entries()) {
    running = running.plus(dec(entry.amount));
    const limit = entry.poc ? roundToMinor(entry.poc.contractValue, options.currency) : value;
    if (running.greaterThan(limit)) return { ok: false, message: `After entry ${index + 1} recognised revenue is ${running.toString()}, above the contract value ${limit.toString()}` };
  }
  if (running.greaterThan(value)) return { ok: false, message: `Recognised revenue ${running.toString()} exceeds the contract value ${value.toString()}` };
  return ok;
}

/** At completion, recognised revenue is the contract value exactly (to the minor unit). */
export function checkRecognizedEqualsContractValueAtCompletion(options: {
  entries: readonly AmountOnly[];
  contractValue: DecimalInput;
  currency: string;
}): InvariantResult {
  const value = roundToMinor(options.contractValue, options.currency);
  const recognized = options.entries.reduce((total, e) => total.plus(dec(e.amount)), ZERO);
  if (!recognized.eq(value)) return { ok: false, message: `At completion recognised revenue is ${recognized.toString()}, not the contract value ${value.toString()}` };
  return ok;
}

/**
 * One schedule's entries in posting order: each cumulativeAmount is the previous one plus
 * its amount (from zero), and the schedule's recognizedToDate, when given, is the last.
 */
export function checkCumulativeEqualsSumOfEntries(options: {
  entries: readonly (AmountOnly & { cumulativeAmount: DecimalInput })[];
  recognizedToDate?: DecimalInput;
}): InvariantResult {
  let running = ZERO;
  for (const [index, entry] of options.entries.entries()) {
    running = running.plus(dec(entry.amount));
    if (!dec(entry.cumulativeAmount).eq(running)) {
      return { ok: false, message: `Entry ${index + 1} says cumulative ${dec(entry.cumulativeAmount).toString()}, but the entries so far sum to ${running.toString()}` };
    }
  }
  if (options.recognizedToDate !== undefined && !dec(options.recognizedToDate).eq(running)) {
    return { ok: false, message: `recognizedToDate is ${dec(options.recognizedToDate).toString()}, but the entries sum to ${running.toString()}` };
  }
  return ok;
}
