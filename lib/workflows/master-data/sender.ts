// Who is changing master data: the connected system's code (its namespace in the id
// crosswalk), its kind (what stewardship rules compare) and the audit actor. Events
// Threadline made itself have no connector: they speak as THREADLINE.
import type { SystemKind } from '../../db/generated/enums.ts';
import type { AuditActor } from '../../services/audit/write-audit.ts';
import type { WorkflowContext } from '../workflow.ts';

export const THREADLINE_SYSTEM_CODE = 'threadline';

export interface MasterDataSender {
  system: string;
  kind: SystemKind;
  actor: AuditActor;
}

export function masterDataSender(context: WorkflowContext): MasterDataSender {
  const { sender } = context;
  if (!sender) return { system: THREADLINE_SYSTEM_CODE, kind: 'THREADLINE', actor: { type: 'SYSTEM', id: 'worker' } };
  return { system: sender.code, kind: sender.kind, actor: { type: 'CONNECTOR', id: sender.connectorId } };
}
