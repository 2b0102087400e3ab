import { describe, expect, it } from 'vitest';
import type { ExceptionStatus } from '../../db/generated/enums.ts';
import { nextStatusAfter, type TriageAction } from './exception-status.ts';

const deduction = 'SHORT_PAY_DEDUCTION' as const;

type Row = [string, TriageAction, ExceptionStatus, ExceptionStatus | { error: string }, boolean?];

const table: Row[] = [
  ['assign', { kind: 'assign' }, 'OPEN', 'ASSIGNED'],
  ['assign', { kind: 'assign' }, 'ASSIGNED', 'ASSIGNED'],
  ['assign', { kind: 'assign' }, 'RESOLVED', { error: 'INVALID_TRANSITION' }],
  ['assign', { kind: 'assign' }, 'SUPPRESSED', { error: 'INVALID_TRANSITION' }],
  ['resolve', { kind: 'resolve', note: 'fixed the SKU' }, 'OPEN', 'RESOLVED'],
  ['resolve', { kind: 'resolve', note: 'fixed the SKU' }, 'ASSIGNED', 'RESOLVED'],
  ['resolve again', { kind: 'resolve', note: 'fixed the SKU' }, 'RESOLVED', 'RESOLVED', true],
  ['resolve', { kind: 'resolve', note: 'x' }, 'SUPPRESSED', { error: 'INVALID_TRANSITION' }],
  ['resolve without note', { kind: 'resolve' }, 'OPEN', { error: 'NOTE_REQUIRED' }],
  ['resolve with blank note', { kind: 'resolve', note: '  ' }, 'OPEN', { error: 'NOTE_REQUIRED' }],
  ['suppress', { kind: 'suppress', reason: 'test client' }, 'OPEN', 'SUPPRESSED'],
  ['suppress', { kind: 'suppress', reason: 'test client' }, 'ASSIGNED', 'SUPPRESSED'],
  ['suppress again', { kind: 'suppress', reason: 'test client' }, 'SUPPRESSED', 'SUPPRESSED', true],
  ['suppress', { kind: 'suppress', reason: 'test client' }, 'RESOLVED', { error: 'INVALID_TRANSITION' }],
  ['suppress without reason', { kind: 'suppress', reason: null }, 'OPEN', { error: 'REASON_REQUIRED' }],
  ['replay', { kind: 'replay' }, 'OPEN', 'OPEN'],
  ['replay', { kind: 'replay' }, 'ASSIGNED', 'ASSIGNED'],
  ['replay', { kind: 'replay' }, 'RESOLVED', 'RESOLVED'],
  ['replay', { kind: 'replay' }, 'SUPPRESSED', { error: 'INVALID_TRANSITION' }],
  ['recur', { kind: 'recur' }, 'OPEN', 'OPEN'],
  ['recur', { kind: 'recur' }, 'ASSIGNED', 'ASSIGNED'],
  ['recur reopens', { kind: 'recur' }, 'RESOLVED', 'OPEN'],
  ['recur only counts', { kind: 'recur' }, 'SUPPRESSED', 'SUPPRESSED'],
  ['approve', { kind: 'approve', code: deduction }, 'OPEN', 'RESOLVED'],
  ['reject', { kind: 'reject', code: 'PAYMENT_DISPUTED' }, 'ASSIGNED', 'RESOLVED'],
  ['approve twice', { kind: 'approve', code: deduction }, 'RESOLVED', { error: 'INVALID_TRANSITION' }],
  ['reject suppressed', { kind: 'reject', code: 'UNAPPLIED_CASH' }, 'SUPPRESSED', { error: 'INVALID_TRANSITION' }],
  ['approve a data fix', { kind: 'approve', code: 'UNMAPPED_SERVICE_SKU' }, 'OPEN', { error: 'NOT_A_DECISION' }],
  ['reject a transient', { kind: 'reject', code: 'TAX_ENGINE_UNAVAILABLE' }, 'OPEN', { error: 'NOT_A_DECISION' }],
];

describe('nextStatusAfter', () => {
  it.each(table)('%s: %j from %s', (_name, action, current, expected, alreadyDone = false) => {
    const result = nextStatusAfter(action, current);
    if (typeof expected === 'string') {
      expect(result).toEqual({ ok: true, status: expected, alreadyDone });
    } else {
      expect(result).toMatchObject({ ok: false, error: expected.error, message: expect.any(String) });
    }
  });
});
