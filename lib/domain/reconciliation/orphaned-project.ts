// Orphaned projects (DESIGN.md §8), from the engagement's side of the id crosswalk:
//   - PROJECT_WITHOUT_CONTRACT: the PSA or ERP has a project for an open engagement that
//     has no contract in force (none, or closed/terminated) — work can be booked that
//     nobody can bill; or a crosswalk entry points at an engagement that does not exist;
//   - CONTRACT_WITHOUT_PROJECT: an active contract whose PSA or ERP project is still
//     missing after the grace period — time cannot be recorded, or invoices not posted.
// A closed engagement is done with; its projects are left alone.
import type { ContractStatus, EngagementStatus } from '../../db/generated/enums.ts';
import { isPastGrace } from './reconciliation-jobs.ts';

export type ProjectSystem = 'PSA' | 'ERP';

export interface EngagementProjects {
  status: EngagementStatus;
  /** Null: the engagement has no contract. */
  contractStatus: ContractStatus | null;
  psaProjectId: string | null;
  erpProjectId: string | null;
  /** Quote acceptance (else the engagement's creation): when the projects were asked for. */
  since: Date;
}

export type OrphanedProject =
  | { kind: 'PROJECT_WITHOUT_CONTRACT'; systems: ProjectSystem[]; contractStatus: ContractStatus | null }
  | { kind: 'CONTRACT_WITHOUT_PROJECT'; missing: ProjectSystem[]; waitingSince: Date };

export function findOrphanedProject(engagement: EngagementProjects, options: { asOf: Date; graceHours: number }): OrphanedProject | null {
  if (engagement.status === 'CLOSED') return null;
  const present: ProjectSystem[] = [];
  const missing: ProjectSystem[] = [];
  (engagement.psaProjectId ? present : missing).push('PSA');
  (engagement.erpProjectId ? present : missing).push('ERP');
  const contractInForce = engagement.contractStatus === 'ACTIVE' || engagement.contractStatus === 'DRAFT';
  if (present.length > 0 && !contractInForce) return { kind: 'PROJECT_WITHOUT_CONTRACT', systems: present, contractStatus: engagement.contractStatus };
  if (engagement.contractStatus === 'ACTIVE' && missing.length > 0 && isPastGrace(engagement.since, options.asOf, options.graceHours)) {
    return { kind: 'CONTRACT_WITHOUT_PROJECT', missing, waitingSince: engagement.since };
  }
  return null;
}
