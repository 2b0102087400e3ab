import { describe, expect, it } from 'vitest';
import { findOrphanedProject, type EngagementProjects } from './orphaned-project.ts';

const since = new Date('2026-03-01T10:00:00Z');
const engagement = (over: Partial<EngagementProjects>): EngagementProjects => ({ status: 'ACTIVE', contractStatus: 'ACTIVE', psaProjectId: 'P-1', erpProjectId: 'E-1', since, ...over });
const at = (iso: string) => ({ asOf: new Date(iso), graceHours: 72 });

describe('findOrphanedProject', () => {
  it.each([
    ['both projects and an active contract', engagement({}), '2026-04-01T00:00:00Z', null],
    ['closed engagement, contract terminated', engagement({ status: 'CLOSED', contractStatus: 'TERMINATED' }), '2026-04-01T00:00:00Z', null],
    ['closed engagement without projects', engagement({ status: 'CLOSED', psaProjectId: null, erpProjectId: null }), '2026-04-01T00:00:00Z', null],
    ['shell still within the grace period', engagement({ status: 'SHELL', psaProjectId: null, erpProjectId: null }), '2026-03-04T09:59:59Z', null],
    ['no projects and no contract: nothing to reconcile', engagement({ contractStatus: null, psaProjectId: null, erpProjectId: null }), '2026-04-01T00:00:00Z', null],
  ] as const)('%s → nothing', (_name, input, asOf, expected) => {
    expect(findOrphanedProject(input, at(asOf))).toBe(expected);
  });

  it.each([
    ['shell past the grace period, both missing', engagement({ status: 'SHELL', psaProjectId: null, erpProjectId: null }), '2026-03-04T10:00:00Z', { kind: 'CONTRACT_WITHOUT_PROJECT', missing: ['PSA', 'ERP'], waitingSince: since }],
    ['active without its ERP project', engagement({ erpProjectId: null }), '2026-04-01T00:00:00Z', { kind: 'CONTRACT_WITHOUT_PROJECT', missing: ['ERP'], waitingSince: since }],
    ['PSA project, no contract', engagement({ contractStatus: null, erpProjectId: null }), '2026-03-01T11:00:00Z', { kind: 'PROJECT_WITHOUT_CONTRACT', systems: ['PSA'], contractStatus: null }],
    ['projects of a terminated contract, engagement still open', engagement({ contractStatus: 'TERMINATED' }), '2026-03-01T11:00:00Z', { kind: 'PROJECT_WITHOUT_CONTRACT', systems: ['PSA', 'ERP'], contractStatus: 'TERMINATED' }],
    ['ERP project of a closed contract', engagement({ contractStatus: 'CLOSED', psaProjectId: null }), '2026-03-01T11:00:00Z', { kind: 'PROJECT_WITHOUT_CONTRACT', systems: ['ERP'], contractStatus: 'CLOSED' }],
  ] as const)('%s', (_name, input, asOf, expected) => {
    expect(findOrphanedProject(input, at(asOf))).toEqual(expected);
  });
});
