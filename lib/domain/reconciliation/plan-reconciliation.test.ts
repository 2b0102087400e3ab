import { describe, expect, it } from 'vitest';
import { planReconciliation, type FindingKey, type KnownException } from './plan-reconciliation.ts';

const asOf = new Date('2026-04-01T00:00:00Z');
const finding = (entityId: string, over: Partial<FindingKey> = {}): FindingKey => ({ entityType: 'Engagement', entityId, kind: null, impactAmount: '1000', impactCurrency: 'USD', ...over });
const known = (entityId: string, over: Partial<KnownException> = {}): KnownException => ({
  id: `x-${entityId}`,
  entityType: 'Engagement',
  entityId,
  status: 'OPEN',
  closedBy: null,
  kind: null,
  impactAmount: '1000',
  impactCurrency: 'USD',
  ownedByJob: true,
  holdsEvents: false,
  lastAsOf: '2026-04-01T00:00:00.000Z',
  ...over,
});

describe('planReconciliation', () => {
  it.each([
    // name, existing exception, finding changes, raised?
    ['new finding', null, {}, true],
    ['open: counts an occurrence', known('a'), {}, true],
    ['assigned: counts an occurrence', known('a', { status: 'ASSIGNED' }), {}, true],
    ['suppressed: counts (raiseException keeps it suppressed)', known('a', { status: 'SUPPRESSED' }), {}, true],
    ['resolved by the system, back again: reopens', known('a', { status: 'RESOLVED', closedBy: 'SYSTEM' }), {}, true],
    ['a person decided, nothing changed: stays closed', known('a', { status: 'RESOLVED', closedBy: 'USER' }), {}, false],
    ['a person decided, less at stake now: stays closed', known('a', { status: 'RESOLVED', closedBy: 'USER' }), { impactAmount: '400' }, false],
    ['a person decided, more at stake now: reopens', known('a', { status: 'RESOLVED', closedBy: 'USER' }), { impactAmount: '1000.01' }, true],
    ['a person decided, another kind of problem: reopens', known('a', { status: 'RESOLVED', closedBy: 'USER', kind: 'CONTRACT_WITHOUT_PROJECT' }), { kind: 'PROJECT_WITHOUT_CONTRACT' }, true],
    ['a person decided, impact now in another currency: reopens', known('a', { status: 'RESOLVED', closedBy: 'USER' }), { impactCurrency: 'EUR' }, true],
    ['a person decided until later: stays closed', known('a', { status: 'RESOLVED', closedBy: 'USER', decisionStandsUntil: '2026-04-01T00:00:00.001Z' }), {}, false],
    ['a person decided until this run: reopens', known('a', { status: 'RESOLVED', closedBy: 'USER', decisionStandsUntil: '2026-04-01T00:00:00.000Z' }), {}, true],
    ['a person decided until earlier, less at stake: reopens', known('a', { status: 'RESOLVED', closedBy: 'USER', decisionStandsUntil: '2026-03-01T00:00:00.000Z' }), { impactAmount: '1' }, true],
    ['a person decided without an impact, still none: stays closed', known('a', { status: 'RESOLVED', closedBy: 'USER', impactAmount: null, impactCurrency: null }), { impactAmount: null, impactCurrency: null }, false],
  ] as const)('%s', (_name, existing, change, raised) => {
    const f = finding('a', change);
    const plan = planReconciliation([f], existing ? [existing] : [], asOf);
    expect(plan.raise).toEqual(raised ? [f] : []);
    expect(plan.keepClosed).toEqual(raised ? [] : [{ finding: f, exceptionId: 'x-a' }]);
    expect(plan.clear).toEqual([]);
  });

  it.each([
    ['open, the job raised it, finding gone: cleared', known('b'), true],
    ['assigned: cleared as well', known('b', { status: 'ASSIGNED' }), true],
    ['raised by a workflow (not seen by the job): left alone', known('b', { ownedByJob: false }), false],
    ['holding inbox events: left for the replay', known('b', { holdsEvents: true }), false],
    ['already resolved: nothing to do', known('b', { status: 'RESOLVED', closedBy: 'USER' }), false],
    ['suppressed: stays suppressed', known('b', { status: 'SUPPRESSED' }), false],
    ['found as of a later moment than this run judges: left alone', known('b', { lastAsOf: '2026-04-01T00:00:00.001Z' }), false],
    ['found as of an earlier moment: cleared', known('b', { lastAsOf: '2026-03-01T00:00:00.000Z' }), true],
    ['raised before the job marked its runs: cleared', known('b', { lastAsOf: null }), true],
  ] as const)('%s', (_name, existing, cleared) => {
    const plan = planReconciliation([finding('a')], [existing], asOf);
    expect(plan.clear).toEqual(cleared ? [existing] : []);
  });

  it('matches findings and exceptions by entity type and id', () => {
    const plan = planReconciliation([finding('a', { entityType: 'ExternalRef' })], [known('a')], asOf);
    expect(plan.raise).toHaveLength(1);
    expect(plan.clear.map((e) => e.entityType)).toEqual(['Engagement']);
  });
});
