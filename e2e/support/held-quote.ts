// A quote accepted in the CRM that the worker must hold with one exception (an unknown SKU,
// a currency its legal entity cannot contract in…): the caller's quote data decides which.
// Used by the triage specs that start from a held event.
import { expect, type APIRequestContext } from '@playwright/test';
import { eventsAbout, sendEvent } from '../ingest/connectors';

export async function sendHeldQuote(request: APIRequestContext, quoteId: string, data: Record<string, unknown>): Promise<{ exceptionId: string }> {
  await sendEvent(request, 'crm', { type: 'q2c.quote.accepted.v1', subject: quoteId, sequence: 1, data: { quoteId, quoteVersion: 1, acceptedAt: new Date().toISOString(), ...data } });
  await expect.poll(async () => (await eventsAbout(request, quoteId)).map((e) => [e.status, e.exceptionIds.length]), { timeout: 30_000 }).toEqual([['HELD', 1]]);
  const [event] = await eventsAbout(request, quoteId);
  return { exceptionId: event!.exceptionIds[0]! };
}
