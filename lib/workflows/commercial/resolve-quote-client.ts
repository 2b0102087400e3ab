// The client hierarchy check of quote acceptance. The client is the sender's id through
// the id crosswalk; one not known yet will be created from the quote (when the sender
// masters clients — the CRM by default), so only its parent must resolve: a parent that
// is unknown, or that would make the hierarchy loop, is CLIENT_NOT_MASTERED.
import { mayChange, type OwnershipRuleLike } from '../../domain/stewardship/decide-field-changes.ts';
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import { isExternalRefConflict } from '../../services/crosswalk/link-external-ref.ts';
import { findClient } from '../master-data/client-record.ts';
import { resolveParent } from '../master-data/client-references.ts';
import type { MasterDataSender } from '../master-data/sender.ts';
import { WorkflowHold, type Tx } from '../workflow.ts';
import { quoteHold, type QuoteHoldTarget } from './quote-hold.ts';

export interface QuoteClient {
  /** The existing client, or null when it is created from the quote. */
  id: string | null;
  parentId: string | null;
}

export async function resolveQuoteClient(
  tx: Tx,
  options: { data: QuoteAcceptedData; sender: MasterDataSender; rules: readonly OwnershipRuleLike[]; target: QuoteHoldTarget },
): Promise<QuoteClient> {
  const { data, sender, rules, target } = options;
  const { externalId, parentExternalId } = data.client;
  const notMastered = (problem: string, details: Record<string, unknown> = {}) =>
    quoteHold(target, 'CLIENT_NOT_MASTERED', problem, { clientExternalId: externalId, system: sender.system, ...details });

  let id: string | null;
  try {
    id = await findClient(tx, sender.system, externalId);
  } catch (error) {
    if (!isExternalRefConflict(error)) throw error;
    throw notMastered(`client ${externalId}: ${error.message}`, { reason: 'EXTERNAL_REF_CONFLICT' });
  }
  if (id === null && !mayChange('Client', '*', sender.kind, rules)) {
    throw notMastered(`client ${externalId} is not known and ${sender.kind} does not master clients`, {
      reason: 'Link the client id in the id crosswalk, then replay.',
    });
  }
  if (!parentExternalId) return { id, parentId: null };
  try {
    const parentId = await resolveParent(tx, { system: sender.system, parentExternalId, clientId: id, target: { entityId: id ?? externalId, externalId } });
    return { id, parentId };
  } catch (error) {
    if (!(error instanceof WorkflowHold)) throw error;
    throw notMastered(error.message.replace(/^Client /, 'client '), { parentExternalId });
  }
}
