import { describe, expect, it } from 'vitest';
import { exampleEventData } from './examples.ts';
import { milestoneCompletedData } from './milestone-completed.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.milestone.completed.v1';

describe(TYPE, () => {
  it('accepts the example; the digest is lower-cased', () => {
    expect(milestoneCompletedData.parse(exampleEventData[TYPE]).evidence?.[0]?.sha256).toBe('a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456');
  });

  it.each<[string, Change[]]>([
    // Missing approval or evidence holds the milestone (MILESTONE_MISSING_EVIDENCE); it is not a schema error.
    ['no evidence yet', [[['evidence'], REMOVE]]],
    ['empty evidence', [[['evidence'], []]]],
    ['no approver yet', [[['approvedBy'], null]]],
  ])('accepts %s', (_name, changes) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['short digest', [[['evidence', 0, 'sha256'], 'abc123']], '/evidence/0/sha256', /64 hexadecimal/],
    ['non-hex digest', [[['evidence', 0, 'sha256'], 'z'.repeat(64)]], '/evidence/0/sha256', /64 hexadecimal/],
    ['relative uri', [[['evidence', 0, 'uri'], 'docs/4711.pdf']], '/evidence/0/uri', /absolute URI/],
    ['evidence item without uri', [[['evidence', 0, 'uri'], REMOVE]], '/evidence/0/uri', /Required/],
    ['missing milestoneRef', [[['milestoneRef'], REMOVE]], '/milestoneRef', /Required/],
    ['completedAt as a date', [[['completedAt'], '2026-05-28']], '/completedAt', /RFC 3339/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
