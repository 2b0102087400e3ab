// The accepted quote (and its engagement) a change order names. The quote id is the CRM's:
// found through the sender's id crosswalk, else by the id itself — the sender's own
// quote first, else the only quote with that id (a PSA relays the CRM's quote id).
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import type { Tx } from '../workflow.ts';

export interface QuoteOfChange {
  id: string;
  engagementId: string;
}

export async function findQuoteForChange(tx: Tx, system: string, quoteId: string): Promise<QuoteOfChange | null> {
  const linked = await resolveExternalRef(tx, { system, entityType: 'Quote', externalId: quoteId });
  const quotes = await tx.quote.findMany({
    where: linked ? { id: linked } : { externalId: quoteId },
    select: { id: true, sourceSystem: true, engagement: { select: { id: true } } },
    take: 10,
  });
  const quote = quotes.length === 1 ? quotes[0] : quotes.find((q) => q.sourceSystem === system);
  if (!quote?.engagement) return null;
  return { id: quote.id, engagementId: quote.engagement.id };
}
