import { describe, expect, it } from 'vitest';
import { exampleEventData } from './examples.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';
import { timesheetApprovedData } from './timesheet-approved.ts';

const TYPE = 'q2c.timesheet.approved.v1';

describe(TYPE, () => {
  it('accepts the example; hours become decimal strings', () => {
    expect(timesheetApprovedData.parse(exampleEventData[TYPE]).entries.map((e) => e.hours)).toEqual(['7.5', '8']);
  });

  it.each<[string, unknown]>([
    ['24 hours', 24],
    ['a quarter hour', '0.25'],
    ['an unknown role (rate cards decide)', 'ASTRONAUT'],
  ])('accepts %s', (_name, value) => {
    const change: Change = typeof value === 'string' && /[A-Z]/.test(value) ? [['entries', 0, 'role'], value] : [['entries', 0, 'hours'], value];
    expect(firstProblem(TYPE, exampleWith(TYPE, change))).toBeNull();
  });

  it('accepts a withdrawal: withdrawn with no entries', () => {
    expect(firstProblem(TYPE, exampleWith(TYPE, [['entries'], []], [['withdrawn'], true]))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['no entries', [[['entries'], []]], '/entries', /at least one entry/],
    ['zero hours', [[['entries', 1, 'hours'], 0]], '/entries/1/hours', /greater than 0/],
    ['more than a day', [[['entries', 0, 'hours'], '24.5']], '/entries/0/hours', /at most 24/],
    ['three decimals', [[['entries', 0, 'hours'], 7.125]], '/entries/0/hours', /2 decimal places/],
    ['impossible date', [[['entries', 1, 'date'], '2026-04-31']], '/entries/1/date', /calendar date/],
    ['billable as text', [[['entries', 0, 'billable'], 'yes']], '/entries/0/billable', /boolean/],
    ['empty role', [[['entries', 0, 'role'], '']], '/entries/0/role', /empty/],
    ['missing approver', [[['approver'], REMOVE]], '/approver', /Required/],
    ['entries on a withdrawn timesheet', [[['withdrawn'], true]], '/entries', /withdrawn timesheet has no entries/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
