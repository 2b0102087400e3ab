// POST /api/v1/webhooks/salesforce: one Salesforce change event (CDC) from the crm
// connector (e.g. relayed from the Pub/Sub API). Acceptances and GAP events re-read their
// records from the CRM (crm-record-reader.ts); each accepted record becomes
// q2c.quote.accepted.v1 written through the inbox under the event id
// transactionKey:sequenceNumber:recordId, so a change event sent twice is a duplicate.
// The duplicate is found before re-reading: a retried event costs no CRM call and keeps
// the payload first written. Other entities and changes are answered 200 "ignored".
// Authentication: the crm connector's bearer token, plus Threadline-Signature when the
// connector has a signing secret.
import { AppError } from '../../errors.ts';
import { verifySignature } from '../../ingest/auth/verify-signature.ts';
import { writeNativeEvents, type NativeEventResult } from '../../ingest/native/write-native-events.ts';
import type { EventRefusal } from '../../ingest/judge-events.ts';
import { handleNativeWebhook, refusedEventError } from '../native/handle-native-webhook.ts';
import { httpCrmRecordReader, type CrmRecordReader } from './crm-record-reader.ts';
import { existingInboxEventIds } from '../native/existing-inbox-event-ids.ts';
import { acceptedQuoteEvent, readQuoteRecord } from './map-quote-record.ts';
import { changeEventId, readChangeEvent } from './read-change-event.ts';

type RecordResult = { recordId: string; eventId: string } & ({ status: NativeEventResult['status']; error?: EventRefusal } | { status: 'not-accepted' | 'not-found'; reason: string });

export function handleSalesforceWebhook(request: Request, options: { reader?: CrmRecordReader } = {}): Promise<Response> {
  const reader = options.reader ?? httpCrmRecordReader;
  return handleNativeWebhook(request, {
    instance: '/api/v1/webhooks/salesforce',
    kinds: ['CRM'],
    handle: async ({ connector, source, headers, rawBody, body, now }) => {
      // Salesforce itself does not POST change events; the relay that does signs like any sender when the connector has a secret.
      await verifySignature({ connector, header: headers.get('threadline-signature'), rawBody, now });
      const reading = readChangeEvent(body);
      if (reading.kind === 'invalid') {
        throw new AppError('VALIDATION_FAILED', reading.message, { details: { pointer: reading.pointer, errors: [{ pointer: reading.pointer, message: reading.message }] } });
      }
      const { header } = reading;
      if (reading.kind === 'ignored') return { status: 200, body: { status: 'ignored', entityName: header.entityName, changeType: header.changeType, reason: reading.reason } };

      const ids = reading.recordIds.map((recordId) => ({ recordId, eventId: changeEventId(header, recordId) }));
      const seen = await existingInboxEventIds(source, ids.map((i) => i.eventId));
      const results: RecordResult[] = [];
      for (const { recordId, eventId } of ids) {
        if (seen.has(eventId)) {
          results.push({ recordId, eventId, status: 'duplicate' });
          continue;
        }
        const record = await reader.readRecord({ connectorCode: connector.code, entityName: reading.entityName, recordId, now });
        if (record === null) {
          results.push({ recordId, eventId, status: 'not-found', reason: `The CRM has no ${reading.entityName} ${recordId} any more.` });
          continue;
        }
        const quote = readQuoteRecord(record, new Date(header.commitTimestamp));
        if (quote.kind === 'invalid') {
          throw new AppError('UNAVAILABLE', `The CRM answered ${reading.entityName} ${recordId} in an unexpected shape (${quote.pointer}: ${quote.message}).`);
        }
        if (quote.kind === 'not-accepted') {
          results.push({ recordId, eventId, status: 'not-accepted', reason: quote.reason });
          continue;
        }
        const event = acceptedQuoteEvent({ id: eventId, source, quoteId: quote.quoteId, data: quote.data, commitTimestamp: header.commitTimestamp });
        const [written] = await writeNativeEvents(connector, [event], now);
        if (written!.status === 'rejected' && ids.length === 1) throw refusedEventError(written!);
        results.push({ recordId, eventId, status: written!.status, ...(written!.status === 'rejected' ? { error: written!.error } : {}) });
      }
      // A GAP event applied nothing of its own payload: only what the re-read found.
      return { status: 202, body: { status: 'processed', reread: reading.reason, entityName: header.entityName, changeType: header.changeType, results } };
    },
  });
}
