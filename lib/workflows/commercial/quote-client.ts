// The client of an accepted quote: the existing one, or a new one created from the quote
// (the CRM masters prospects; the ERP learns of it through CREATE_CUSTOMER). Creation is
// INSERT ... ON CONFLICT DO NOTHING on (sourceSystem, externalId), so a concurrent
// acceptance for the same new client finds the first one's row.
import { writeAudit } from '../../services/audit/write-audit.ts';
import { createClient, findClient } from '../master-data/client-record.ts';
import type { QuoteStep } from './quote-step.ts';
import type { ValidatedQuote } from './validate-quote.ts';

export async function clientOfQuote(step: QuoteStep, checked: ValidatedQuote, correlationId: string): Promise<{ id: string; created: boolean }> {
  const { tx, data, sender, event, now } = step;
  if (checked.client.id) return { id: checked.client.id, created: false };
  const { externalId, name } = data.client;
  const columns = { name, billToLegalEntityId: checked.legalEntity.id, parentId: checked.client.parentId };
  const id = await createClient(tx, sender.system, externalId, columns);
  if (id === null) return { id: (await findClient(tx, sender.system, externalId))!, created: false };
  await writeAudit(tx, {
    actor: sender.actor,
    entityType: 'Client',
    entityId: id,
    action: 'client.created',
    after: { ...columns, sourceSystem: sender.system, externalId, createdFrom: { quoteId: data.quoteId, quoteVersion: data.quoteVersion } },
    correlationId,
    eventId: event.inboxEventId,
    at: now,
  });
  return { id, created: true };
}
