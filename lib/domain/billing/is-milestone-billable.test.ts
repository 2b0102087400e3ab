import { describe, expect, it } from 'vitest';
import { isMilestoneBillable, type MilestoneInput } from './is-milestone-billable.ts';

const DIGEST = 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456';
type Facts = Pick<MilestoneInput, 'status' | 'completedOn' | 'approvedBy' | 'evidence'>;
const done: Facts = { status: 'COMPLETED', completedOn: '2026-05-28', approvedBy: 'pm@example.com', evidence: [{ uri: 'https://dms.example.com/4711', sha256: DIGEST }] };

describe('isMilestoneBillable', () => {
  it.each<[string, Partial<Facts>, ReturnType<typeof isMilestoneBillable>]>([
    ['completed, approved, with evidence', {}, { billable: true }],
    ['an upper-case digest counts', { evidence: [{ sha256: DIGEST.toUpperCase() }] }, { billable: true }],
    ['one good item among bad ones is enough', { evidence: [{ sha256: '' }, { sha256: DIGEST }] }, { billable: true }],
    ['not approved', { approvedBy: null }, { billable: false, reason: 'MISSING_APPROVAL', reasons: ['MISSING_APPROVAL'] }],
    ['approved by a blank name', { approvedBy: '  ' }, { billable: false, reason: 'MISSING_APPROVAL', reasons: ['MISSING_APPROVAL'] }],
    ['no evidence', { evidence: [] }, { billable: false, reason: 'MILESTONE_MISSING_EVIDENCE', reasons: ['MILESTONE_MISSING_EVIDENCE'] }],
    ['evidence without a valid SHA-256', { evidence: [{ uri: 'https://x', sha256: 'abc123' }] }, { billable: false, reason: 'MILESTONE_MISSING_EVIDENCE', reasons: ['MILESTONE_MISSING_EVIDENCE'] }],
    [
      'approved but neither completed nor evidenced',
      { status: 'PLANNED', completedOn: null, evidence: [] },
      { billable: false, reason: 'NOT_COMPLETED', reasons: ['NOT_COMPLETED', 'MILESTONE_MISSING_EVIDENCE'] },
    ],
    [
      'completed only',
      { approvedBy: null, evidence: [] },
      { billable: false, reason: 'MISSING_APPROVAL', reasons: ['MISSING_APPROVAL', 'MILESTONE_MISSING_EVIDENCE'] },
    ],
    ['cancelled', { status: 'CANCELLED' }, { billable: false, reason: 'CANCELLED', reasons: ['CANCELLED'] }],
  ])('%s', (_name, change, expected) => {
    expect(isMilestoneBillable({ ...done, ...change })).toEqual(expected);
  });
});
