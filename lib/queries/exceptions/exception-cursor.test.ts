import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from './exception-cursor.ts';
import { keyValues, sortColumns } from './exception-sort.ts';

const id = '0b0c7e9e-5a4e-4f59-9d8e-2f0d7b3c1a20';

describe('exception cursors', () => {
  it.each([
    ['default', [0, '1081.3', id]],
    ['-financialImpact', ['-12.5', id]],
    ['slaDueAt', [null, id]],
    ['-lastSeenAt', ['2026-03-02T09:00:00.000Z', id]],
    ['occurrences', [20, id]],
  ] as const)('round-trips %s', (sort, values) => {
    const cursor = encodeCursor(sort, values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, sort, sortColumns(sort))).toEqual(values);
  });

  it.each([
    ['another sort', encodeCursor('occurrences', [1, id]), 'default'],
    ['a float impact', encodeCursor('default', [0, 1.5, id]), 'default'],
    ['an exponent', encodeCursor('default', [0, '1e3', id]), 'default'],
    ['a null where none can be', encodeCursor('lastSeenAt', [null, id]), 'lastSeenAt'],
    ['a bad id', encodeCursor('occurrences', [1, 'x']), 'occurrences'],
    ['extra values', encodeCursor('occurrences', [1, id, 3]), 'occurrences'],
    ['not base64 JSON', '!!!', 'default'],
  ] as const)('refuses %s', (_name, cursor, sort) => {
    let error: unknown;
    try {
      decodeCursor(cursor, sort, sortColumns(sort));
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
  });

  it('keyValues reads a row in the order of the sort', () => {
    const row = { recoverabilityRank: 1, financialImpact: { toString: () => '99.95' }, id, slaDueAt: null };
    expect(keyValues(sortColumns('default'), row)).toEqual([1, '99.95', id]);
    expect(keyValues(sortColumns('-slaDueAt'), row)).toEqual([null, id]);
  });
});
