// Which workflow handles which event type. Every type of the catalog is accepted at
// ingest; a type whose workflow is not built yet is kept HELD with a note and picked up
// again (requeueEventsAwaitingWorkflow) once a release adds its workflow.
import { eventCatalog, isEventType } from '../ingest/schemas/catalog.ts';
import { validateEventData } from '../ingest/schemas/validate-event-data.ts';
import { toJsonPointer } from '../http/validation-errors.ts';
import type { Tx } from './workflow.ts';
import { NO_WORKFLOW_NOTE, type ResolvedWorkflow } from './process-inbox-event.ts';
import { masterDataWorkflows } from './registry-master-data.ts';
import { commercialWorkflows } from './registry-commercial.ts';
import { deliveryWorkflows } from './registry-delivery.ts';
import { cashWorkflows } from './registry-cash.ts';
import type { Workflow } from './workflow.ts';

/** Every workflow the processor runs. */
export const allWorkflows: readonly Workflow[] = [...masterDataWorkflows, ...commercialWorkflows, ...deliveryWorkflows, ...cashWorkflows];

export function buildWorkflowResolver(workflows: readonly Workflow[] = allWorkflows): (type: string) => ResolvedWorkflow | undefined {
  const byType = new Map<string, ResolvedWorkflow>();
  for (const workflow of workflows) {
    if (!isEventType(workflow.type)) throw new Error(`Workflow for ${workflow.type}, which is not in the event catalog`);
    if (byType.has(workflow.type)) throw new Error(`Two workflows for ${workflow.type}`);
    const type = workflow.type;
    byType.set(type, {
      workflow,
      parse(data) {
        const result = validateEventData(type, data);
        return result.ok ? { success: true, data: result.data } : { success: false, pointer: toJsonPointer(result.path), message: result.message };
      },
    });
  }
  return (type) => byType.get(type);
}

export function typesWithWorkflows(workflows: readonly Workflow[] = allWorkflows): string[] {
  return workflows.map((w) => w.type).filter((t) => t in eventCatalog);
}

/** Events held only because their workflow did not exist yet go back to the inbox. */
export async function requeueEventsAwaitingWorkflow(tx: Tx, types: string[]): Promise<number> {
  if (types.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE "InboxEvent" SET status = 'RECEIVED', "lastError" = NULL WHERE status = 'HELD' AND "lastError" = $1 AND type = ANY($2::text[])`,
    NO_WORKFLOW_NOTE,
    types,
  );
}
