// Change orders that arrived before their quote was accepted wait, held under one
// OUT_OF_ORDER_GAP exception on the quote (see change-order-approved.ts). When the quote's
// engagement is created, they go back to the inbox and the exception is resolved by the
// system — the gap closed on its own, which is what TRANSIENT promises.
import { releaseHeldEvents } from '../../services/exceptions/release-held-events.ts';
import type { Tx } from '../workflow.ts';

export const waitingForQuoteKey = (quoteExternalId: string) => ({ code: 'OUT_OF_ORDER_GAP' as const, entityType: 'Quote' as const, entityId: quoteExternalId });

export function releaseWaitingChangeOrders(tx: Tx, options: { quoteExternalId: string; engagementCode: string; now: Date }): Promise<string[]> {
  return releaseHeldEvents(tx, {
    key: waitingForQuoteKey(options.quoteExternalId),
    resolution: (requeued) => `Quote ${options.quoteExternalId} was accepted as ${options.engagementCode}; ${requeued} waiting event(s) requeued.`,
    now: options.now,
  });
}
