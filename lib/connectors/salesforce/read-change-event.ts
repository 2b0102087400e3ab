// Salesforce change-data-capture → what to do (pure). CDC sends only the fields that
// changed, so no event is ever mapped from its own payload: an Opportunity that became
// Closed Won or a Quote that became Accepted is re-read from the CRM (with its lines) and
// the re-read record becomes q2c.quote.accepted.v1. GAP_* events (Salesforce could not
// send the change itself) and GAP_OVERFLOW never apply their payload either: their
// recordIds are re-read and mapped only if the record is accepted now. Accepts the
// Pub/Sub API event ({id, replayId, payload: {ChangeEventHeader, …}}) or its bare payload.
import { z } from 'zod';

export const MAPPED_ENTITIES = ['Opportunity', 'Quote'] as const;
export type MappedEntity = (typeof MAPPED_ENTITIES)[number];

const changeEventHeader = z.looseObject({
  entityName: z.string().regex(/\S/, 'Must not be empty.'),
  recordIds: z.array(z.string().regex(/^\S+$/, 'A record id has no spaces.')),
  changeType: z.string().regex(/^[A-Z_]+$/, 'Expected a Salesforce change type such as UPDATE or GAP_UPDATE.'),
  transactionKey: z.string().regex(/\S/, 'Must not be empty.'),
  sequenceNumber: z.number().int().nonnegative(),
  commitTimestamp: z.number().int().positive(),
  changedFields: z.array(z.string()).optional(),
});

export type ChangeEventHeader = z.output<typeof changeEventHeader>;

export type ChangeEventReading =
  | { kind: 'invalid'; pointer: string; message: string }
  | { kind: 'ignored'; header: ChangeEventHeader; reason: string }
  | { kind: 'reread'; header: ChangeEventHeader; entityName: string; recordIds: string[]; reason: 'gap' | 'accepted' };

const ACCEPTANCE: Record<MappedEntity, { field: string; value: string }> = {
  Opportunity: { field: 'StageName', value: 'Closed Won' },
  Quote: { field: 'Status', value: 'Accepted' },
};

export function readChangeEvent(body: unknown): ChangeEventReading {
  const wrapped = isObject(body) && isObject(body.payload);
  const payload = wrapped ? (body.payload as Record<string, unknown>) : body;
  const prefix = wrapped ? '/payload' : '';
  if (!isObject(payload) || !isObject(payload.ChangeEventHeader)) {
    return { kind: 'invalid', pointer: `${prefix}/ChangeEventHeader`, message: 'A Salesforce change event carries its ChangeEventHeader.' };
  }
  const parsed = changeEventHeader.safeParse(payload.ChangeEventHeader);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'invalid', pointer: `${prefix}/ChangeEventHeader/${issue.path.map(String).join('/')}`, message: issue.message };
  }
  const header = parsed.data;
  const { entityName, changeType, recordIds } = header;
  // An overflow names no single entity we can trust to be ours; its recordIds are re-read like any gap.
  const isGap = changeType.startsWith('GAP_');
  if (!isMapped(entityName)) return { kind: 'ignored', header, reason: `${entityName} changes are not mapped: only ${MAPPED_ENTITIES.join(' and ')} acceptances become quotes.` };
  if (isGap) {
    return recordIds.length > 0 ? { kind: 'reread', header, entityName, recordIds, reason: 'gap' } : { kind: 'ignored', header, reason: `${changeType} names no records to re-read.` };
  }
  if (changeType !== 'CREATE' && changeType !== 'UPDATE') return { kind: 'ignored', header, reason: `${changeType} of ${entityName} does not accept a quote.` };
  const { field, value } = ACCEPTANCE[entityName];
  const changed = changeType === 'CREATE' || (header.changedFields ?? []).includes(field);
  if (!changed || payload[field] !== value) return { kind: 'ignored', header, reason: `${entityName} ${recordIds.join(', ')}: ${field} did not become ${value}.` };
  return { kind: 'reread', header, entityName, recordIds, reason: 'accepted' };
}

/** The inbox event id of one record of one change: CDC's own dedupe key, transactionKey + sequenceNumber. */
export function changeEventId(header: Pick<ChangeEventHeader, 'transactionKey' | 'sequenceNumber'>, recordId: string): string {
  return `${header.transactionKey}:${header.sequenceNumber}:${recordId}`;
}

function isMapped(entity: string): entity is MappedEntity {
  return (MAPPED_ENTITIES as readonly string[]).includes(entity);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
