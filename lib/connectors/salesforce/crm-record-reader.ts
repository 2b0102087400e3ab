// Re-reading a record from the CRM: what CDC does not send (unchanged fields, quote lines)
// and what a GAP event could not. An interface, so that the webhook does not care whether
// the answer comes from Salesforce's REST API, a relay or (in tests) a local HTTP server.
//
// The HTTP reader calls the crm connector's endpoint with its OUTBOUND_TOKEN:
// GET <endpoint>/records/<entityName>/<recordId> → 200 with the Quote record (for an
// Opportunity, its synced quote), 404 when there is none (native/get-from-connector.ts).
import { getFromConnector } from '../native/get-from-connector.ts';

export interface CrmRecordReader {
  /** The record as the CRM holds it now, or null when it does not exist (deleted since). */
  readRecord(options: { connectorCode: string; entityName: string; recordId: string; now: Date }): Promise<unknown | null>;
}

export const httpCrmRecordReader: CrmRecordReader = {
  readRecord: ({ connectorCode, entityName, recordId, now }) =>
    getFromConnector({ connectorCode, path: `records/${encodeURIComponent(entityName)}/${encodeURIComponent(recordId)}`, what: `${entityName} ${recordId}`, now }),
};
