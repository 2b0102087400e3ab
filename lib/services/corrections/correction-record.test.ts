import { describe, expect, it } from 'vitest';
import type { CorrectionPlan } from '../../domain/corrections/plan-correction.ts';
import { correctionId, correctionView, latestCorrectionOf, readStoredCorrection, settleCorrection } from './correction-record.ts';

const plan: CorrectionPlan = {
  steps: [
    { system: 'PSA', record: { type: 'Project', id: 'eng-1', externalId: 'PSA-7' }, changes: [{ field: 'status', current: 'ACTIVE', corrected: 'CLOSED' }] },
    { system: 'ERP', record: { type: 'Project', id: 'eng-1', externalId: null }, changes: [{ field: 'status', current: 'ACTIVE', corrected: 'CLOSED' }] },
  ],
  movesMoney: false,
  amount: null,
  summary: 'Close the PSA and ERP project of ENG-1.',
};

describe('correction records', () => {
  it('the same correction has the same fingerprint and id; another target changes both', () => {
    const a = settleCorrection(plan, ['psa', 'erp']);
    expect(settleCorrection(structuredClone(plan), ['psa', 'erp']).fingerprint).toBe(a.fingerprint);
    expect(settleCorrection(plan, ['psa', 'erp-eu']).fingerprint).not.toBe(a.fingerprint);
    const id = correctionId('exc-1', a.fingerprint);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(correctionId('exc-1', a.fingerprint)).toBe(id);
    expect(correctionId('exc-2', a.fingerprint)).not.toBe(id);
  });

  it('the diff has one row per changed field with its connector', () => {
    const view = correctionView(settleCorrection(plan, ['psa', 'erp']), 'PREVIEW', null);
    expect(view.diff.map((r) => [r.connector, r.recordType, r.externalId, r.field, r.current, r.corrected])).toEqual([
      ['psa', 'Project', 'PSA-7', 'status', 'ACTIVE', 'CLOSED'],
      ['erp', 'Project', null, 'status', 'ACTIVE', 'CLOSED'],
    ]);
  });

  it.each([
    ['PENDING', 'PENDING_APPROVAL'],
    ['APPROVED', 'ENQUEUED'],
    ['NOT_REQUIRED', 'ENQUEUED'],
    ['REJECTED', 'REJECTED'],
  ])('the latest correction action %s reads as %s; other actions and unreadable data are skipped', (approvalStatus, status) => {
    const stored = { correction: settleCorrection(plan, ['psa', 'erp']), commandIds: ['cmd-1'] };
    const actions = [
      { id: 'a-1', kind: 'PUSH_CORRECTION', approvalStatus: 'REJECTED', actorId: 'u-0', data: stored },
      { id: 'a-2', kind: 'PUSH_CORRECTION', approvalStatus, actorId: 'u-1', data: stored },
      { id: 'a-3', kind: 'PUSH_CORRECTION', approvalStatus: 'PENDING', actorId: 'u-2', data: { correction: { broken: true } } },
      { id: 'a-4', kind: 'RESOLVE', approvalStatus: 'NOT_REQUIRED', actorId: 'u-3', data: null },
    ];
    expect(latestCorrectionOf(actions)).toMatchObject({ proposedBy: 'u-1', correction: { status, actionId: 'a-2', commandIds: ['cmd-1'] } });
    expect(readStoredCorrection({ correction: { broken: true } })).toBeNull();
    expect(latestCorrectionOf([])).toBeNull();
  });
});
