// Which connector receives commands meant for a kind of system (the ERP, the PSA). A
// deployment names its connectors as it likes ("erp", "netsuite"), so the target is found
// by kind: the only active connector of that kind, or — when there are several — the one
// whose code is the kind in lower case (the demo's "erp", "psa"). Anything else is
// reported, never guessed: sending a project to the wrong ERP is worse than waiting.
import type { SystemKind } from '../db/generated/enums.ts';
import type { Tx } from '../workflows/workflow.ts';

export type CommandTarget =
  | { ok: true; code: string; connectorId: string }
  | { ok: false; kind: SystemKind; reason: 'missing' | 'ambiguous'; candidates: string[] };

export async function resolveCommandTarget(tx: Tx, kind: SystemKind): Promise<CommandTarget> {
  const active = await tx.connector.findMany({ where: { kind, active: true }, select: { id: true, code: true }, orderBy: { code: 'asc' } });
  const preferred = active.length === 1 ? active[0] : active.find((c) => c.code === kind.toLowerCase());
  if (preferred) return { ok: true, code: preferred.code, connectorId: preferred.id };
  return { ok: false, kind, reason: active.length === 0 ? 'missing' : 'ambiguous', candidates: active.map((c) => c.code) };
}
