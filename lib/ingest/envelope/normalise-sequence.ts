// The `sequence` extension (DESIGN.md §5): the aggregate version, a positive integer sent
// as a JSON number or a numeric string, stored in a BIGINT column — hence ≤ 2^63−1 and
// kept as a decimal string (a JS number is exact only to 2^53).
const MAX_SEQUENCE = '9223372036854775807';

export type SequenceResult = { ok: true; value: string } | { ok: false; message: string };

export function normaliseSequence(input: unknown): SequenceResult {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 1) return fail();
    // Past 2^53 the double may already differ from what was sent.
    if (!Number.isSafeInteger(input)) return { ok: false, message: 'Sequences above 2^53 must be sent as a string of digits.' };
    return { ok: true, value: String(input) };
  }
  if (typeof input !== 'string' || !/^\d+$/.test(input)) return fail();
  const digits = input.replace(/^0+/, '');
  if (digits === '') return fail();
  if (digits.length > MAX_SEQUENCE.length || (digits.length === MAX_SEQUENCE.length && digits > MAX_SEQUENCE)) {
    return { ok: false, message: `The sequence must be at most ${MAX_SEQUENCE} (2^63−1).` };
  }
  return { ok: true, value: digits };
}

function fail(): SequenceResult {
  return { ok: false, message: 'The sequence must be a positive whole number, sent as a number or a string of digits (e.g. 3 or "3").' };
}
