// POST /api/v1/imports/camt053: a bank statement (camt.053) or notification (camt.054) from a
// BANK connector, authenticated like POST /api/v1/events (its bearer token, and its
// Threadline-Signature when it has a signing secret). The body is bounded (10 MB), DTDs are
// refused before parsing, each booked credit becomes a q2c.payment.received.v1 written
// through the inbox (dedupe by bank reference), and the answer summarises the import.
import { AppError } from '../../../errors.ts';
import { readRawBody } from '../../../http/read-raw-body.ts';
import { authenticateConnector } from '../../auth/authenticate-connector.ts';
import { verifySignature } from '../../auth/verify-signature.ts';
import { MAX_BATCH_BYTES } from '../../envelope/ingest-limits.ts';
import { answerConnectorRequest } from '../answer-connector-request.ts';
import { writeNativeEvents } from '../write-native-events.ts';
import { mapCamtEntry } from './map-camt-entries.ts';
import { CamtFormatError, parseCamtXml } from './parse-camt-xml.ts';

const XML_TYPES = new Set(['application/xml', 'text/xml']);
/** Ten times the events API's batch: a firm's daily statement is far smaller; this bounds one inbox write. */
export const MAX_CAMT_ENTRIES = 10_000;

export async function handleCamtImport(request: Request): Promise<Response> {
  return answerConnectorRequest(request, '/api/v1/imports/camt053', async ({ identify }) => {
    const now = new Date();
    const connector = await authenticateConnector(request.headers.get('authorization'), now);
    identify(connector.code);
    if (connector.kind !== 'BANK') throw new AppError('FORBIDDEN', `Bank statements are imported by a BANK connector; ${connector.code} is ${connector.kind}.`);
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!XML_TYPES.has(mediaType)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the camt document as application/xml.');
    const rawBody = await readRawBody(request, MAX_BATCH_BYTES);
    await verifySignature({ connector, header: request.headers.get('threadline-signature'), rawBody, now });

    let document;
    try {
      document = parseCamtXml(rawBody.toString('utf8'));
    } catch (error) {
      if (error instanceof CamtFormatError) throw new AppError('BAD_REQUEST', error.message);
      throw error;
    }
    if (document.entries.length > MAX_CAMT_ENTRIES) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The document has ${document.entries.length} entries; at most ${MAX_CAMT_ENTRIES} per import (split it by statement or day).`);
    }
    const source = connector.sources[0];
    if (!source) throw new AppError('INTERNAL', `Connector ${connector.code} has no source to send events as.`);
    const mapped = document.entries.map((entry) => mapCamtEntry(entry, source, now));
    const events = mapped.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
    const results = await writeNativeEvents(connector, events, now);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    const skipped = (...reasons: string[]) => mapped.filter((m) => m.kind === 'skipped' && reasons.includes(m.reason)).length;
    return {
      status: 200,
      body: {
        kind: document.kind,
        messageId: document.messageId,
        entries: document.entries.length,
        credits: events.length,
        accepted: count('accepted'),
        duplicates: count('duplicate'),
        rejected: count('rejected'),
        skippedDebits: skipped('debit'),
        skippedOther: skipped('reversal', 'not-booked'),
        results,
      },
    };
  });
}
