// The correction route every command-taking simulator shares (POST /v1/corrections):
// Threadline's PUSH_CORRECTION command (lib/outbox/commands/push-correction.ts) names a
// record by the key Threadline gave it (or the system's own id) and the fields to change;
// the simulator finds the record in its state and applies the changes, as the owning
// system would. An unknown record or field is 422 (the command goes to the dead letters:
// repeating cannot help). The kit's Idempotency-Key store answers a repeat with the stored
// answer, so a correction is applied once.
import { z } from 'zod';
import type { CommandRoute } from './server.ts';
import { SimulatorProblem } from './problem.ts';

export const correctionRequest = z.looseObject({
  correctionId: z.string().min(1).max(256),
  record: z.object({ type: z.string().min(1), id: z.string().min(1).max(256), externalId: z.string().max(256).nullable() }),
  changes: z.array(z.object({ field: z.string().min(1).max(128), current: z.string().nullable(), corrected: z.string() })).min(1),
});
export type CorrectionRequest = z.infer<typeof correctionRequest>;

export interface AppliedCorrection {
  correctionId: string;
  recordType: string;
  recordId: string;
  changes: { field: string; previous: unknown; value: string }[];
}

/** Finds the record a correction names: by Threadline's key or by the system's own id. */
export type FindRecord = (type: string, id: string, externalId: string | null) => Record<string, unknown> | undefined;

export function correctionRoute(options: { findRecord: FindRecord; fields: Record<string, readonly string[]>; applied: AppliedCorrection[] }): CommandRoute {
  return {
    path: 'v1/corrections',
    schema: correctionRequest,
    handle: (body: CorrectionRequest) => {
      const { record: ref, changes } = body;
      const allowed = options.fields[ref.type];
      if (!allowed) throw new SimulatorProblem(422, 'UNKNOWN_RECORD_TYPE', `This system keeps no ${ref.type} records.`);
      const record = options.findRecord(ref.type, ref.id, ref.externalId);
      if (!record) throw new SimulatorProblem(422, 'UNKNOWN_RECORD', `${ref.type} ${ref.externalId ?? ref.id} does not exist here.`);
      const refused = changes.filter((c) => !allowed.includes(c.field));
      if (refused.length > 0) throw new SimulatorProblem(422, 'UNKNOWN_FIELD', `${ref.type} has no correctable field ${refused.map((c) => c.field).join(', ')}.`);
      const applied: AppliedCorrection = { correctionId: body.correctionId, recordType: ref.type, recordId: ref.id, changes: [] };
      for (const change of changes) applied.changes.push({ field: change.field, previous: setPath(record, change.field, change.corrected), value: change.corrected });
      options.applied.push(applied);
      return { status: 200, body: { correctionId: body.correctionId, status: 'APPLIED', changes: applied.changes } };
    },
  };
}

/** Sets a dotted field ("client.legalEntityCode"); returns the previous value. */
function setPath(record: Record<string, unknown>, path: string, value: string): unknown {
  const parts = path.split('.');
  let target: Record<string, unknown> = record;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (!next || typeof next !== 'object') target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  const previous = target[last];
  target[last] = value;
  return previous;
}
