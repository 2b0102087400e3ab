// Where each command kind goes under the connector's endpoint, and what Threadline keeps
// from the target's answer. A target answers 2xx with JSON; ids it returns go into the id
// crosswalk (system = the connector's code) when the handler below says so. Answers that
// do not match are stored as they are and logged: the command was delivered either way.
import { z } from 'zod';
import type { SystemKind } from '../../db/generated/enums.ts';
import { log } from '../../log.ts';
import { isExternalRefConflict, linkExternalRef } from '../../services/crosswalk/link-external-ref.ts';
import type { Tx } from '../../workflows/workflow.ts';
import type { CommandKind } from '../commands/payload-schemas.ts';

export interface DeliveredCommand {
  id: string;
  kind: CommandKind;
  payload: Record<string, unknown>;
  connectorCode: string;
  connectorKind: SystemKind;
}

interface CommandRoute {
  path: string;
  /** Runs in the transaction that marks the command DELIVERED. */
  onDelivered?: (tx: Tx, command: DeliveredCommand, answer: unknown) => Promise<void>;
}

const idAnswer = <K extends string>(key: K) => z.looseObject({ [key]: z.string().min(1).max(256) } as Record<K, z.ZodString>);

export const commandRoutes: Record<CommandKind, CommandRoute> = {
  CREATE_CUSTOMER: {
    path: 'v1/customers',
    onDelivered: async (tx, command, answer) => {
      const parsed = idAnswer('customerId').safeParse(answer);
      if (!parsed.success) return unexpected(command, answer);
      await link(tx, command, { entityType: 'Client', externalId: parsed.data.customerId, entityId: String(command.payload.clientId) });
    },
  },
  CREATE_PROJECT: {
    path: 'v1/projects',
    // The ERP's project id is linked here; the PSA's arrives with q2c.project.created.v1,
    // whose time is the activation time (the PSA may answer before it has created it).
    onDelivered: async (tx, command, answer) => {
      if (command.connectorKind !== 'ERP') return;
      const parsed = idAnswer('projectId').safeParse(answer);
      if (!parsed.success) return unexpected(command, answer);
      const engagementId = String(command.payload.engagementId);
      if (await link(tx, command, { entityType: 'Engagement', externalId: parsed.data.projectId, entityId: engagementId })) {
        await tx.engagement.updateMany({ where: { id: engagementId, erpProjectId: null }, data: { erpProjectId: parsed.data.projectId } });
      }
    },
  },
  UPDATE_CONTRACT: { path: 'v1/contracts' },
  POST_INVOICE: { path: 'v1/invoices' },
  VOID_INVOICE: { path: 'v1/invoice-voids' },
  POST_CREDIT_NOTE: { path: 'v1/credit-notes' },
  POST_CASH_APPLICATION: { path: 'v1/cash-applications' },
  PUSH_CORRECTION: { path: 'v1/corrections' },
};

/** True when linked (or already linked); a conflict is logged, not thrown: the target did the work. */
async function link(tx: Tx, command: DeliveredCommand, ref: { entityType: 'Client' | 'Engagement'; externalId: string; entityId: string }): Promise<boolean> {
  try {
    await linkExternalRef(tx, { system: command.connectorCode, ...ref });
    return true;
  } catch (error) {
    if (!isExternalRefConflict(error)) throw error;
    log.warn('delivered command answered with an id linked elsewhere', { commandId: command.id, kind: command.kind, connector: command.connectorCode, err: error });
    return false;
  }
}

function unexpected(command: DeliveredCommand, answer: unknown): void {
  log.warn('delivered command: the answer has no id to link', { commandId: command.id, kind: command.kind, connector: command.connectorCode, answer: JSON.stringify(answer)?.slice(0, 300) });
}
