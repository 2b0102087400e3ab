// How an exception leaves the server: money as exact strings with their currency, times
// as ISO 8601, the assignee by id and name. Shared by the list, the detail and the
// actions API so the three always agree.
import type { Exception } from '../../db/generated/client.ts';

export interface ExceptionView {
  id: string;
  code: Exception['code'];
  title: string;
  entityType: Exception['entityType'];
  entityId: string;
  correlationId: string | null;
  legalEntityId: string | null;
  recoverability: Exception['recoverability'];
  ownerTeam: Exception['ownerTeam'];
  financialImpact: { amount: string; currency: string };
  impact: { amount: string; currency: string } | null;
  status: Exception['status'];
  assignee: { id: string; name: string } | null;
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
  slaDueAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export type ExceptionWithAssignee = Exception & { assignee: { id: string; name: string } | null };

export const assigneeSelect = { assignee: { select: { id: true, name: true } } } as const;

export function toExceptionView(e: ExceptionWithAssignee): ExceptionView {
  return {
    id: e.id,
    code: e.code,
    title: e.title,
    entityType: e.entityType,
    entityId: e.entityId,
    correlationId: e.correlationId,
    legalEntityId: e.legalEntityId,
    recoverability: e.recoverability,
    ownerTeam: e.ownerTeam,
    financialImpact: { amount: e.financialImpact.toFixed(2), currency: e.financialImpactCurrency },
    impact: e.impactAmount && e.impactCurrency ? { amount: e.impactAmount.toString(), currency: e.impactCurrency } : null,
    status: e.status,
    assignee: e.assignee,
    occurrences: e.occurrences,
    firstSeenAt: e.firstSeenAt.toISOString(),
    lastSeenAt: e.lastSeenAt.toISOString(),
    slaDueAt: e.slaDueAt?.toISOString() ?? null,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolution: e.resolution,
  };
}
