// Re-reading a record from the CRM: what CDC does not send (unchanged fields, quote lines)
// and what a GAP event could not. An interface, so that the webhook does not care whether
// the answer comes from Salesforce's REST API, a relay or (in tests) a local HTTP server.
//
// The HTTP reader calls only the crm connector's endpoint with its OUTBOUND_TOKEN:
// GET <endpoint>/records/<entityName>/<recordId> → 200 with the Quote record (for an
// Opportunity, its synced quote), 404 when there is none. Redirects are not followed and
// the call is bounded; anything else is the CRM being unavailable (503: the sender retries).
import { AppError } from '../../errors.ts';
import { loadOutboundTarget, OutboundTargetError } from '../outbound-target.ts';

export interface CrmRecordReader {
  /** The record as the CRM holds it now, or null when it does not exist (deleted since). */
  readRecord(options: { connectorCode: string; entityName: string; recordId: string; now: Date }): Promise<unknown | null>;
}

const READ_TIMEOUT_MS = 5000;
const MAX_RECORD_BYTES = 1024 * 1024;

export const httpCrmRecordReader: CrmRecordReader = {
  async readRecord({ connectorCode, entityName, recordId, now }) {
    const unavailable = (why: string) => new AppError('UNAVAILABLE', `The CRM (connector ${connectorCode}) could not be re-read for ${entityName} ${recordId}: ${why}. Send the change again later.`);
    let target;
    try {
      target = await loadOutboundTarget({ code: connectorCode, now });
    } catch (error) {
      if (error instanceof OutboundTargetError) throw unavailable(error.message);
      throw error;
    }
    const url = new URL(`records/${encodeURIComponent(entityName)}/${encodeURIComponent(recordId)}`, target.baseUrl);
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(READ_TIMEOUT_MS), headers: { Authorization: `Bearer ${target.token}`, Accept: 'application/json' } });
      body = await response.text();
    } catch (error) {
      throw unavailable(error instanceof Error ? error.message : 'no answer');
    }
    if (response.status === 404) return null;
    if (response.status !== 200) throw unavailable(`it answered ${response.status}`);
    if (body.length > MAX_RECORD_BYTES) throw unavailable('the record is larger than 1 MiB');
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw unavailable('the answer is not JSON');
    }
  },
};
