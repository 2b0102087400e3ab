// Bodies and answers of the native connector webhooks (/api/v1/webhooks/salesforce, /jira)
// as the OpenAPI document describes them. The vendors' payloads are read loosely by the
// connectors (lib/connectors/*); these schemas say what is used of them.
import { z } from 'zod';

const ignored = z.object({ status: z.literal('ignored'), reason: z.string() });

export const salesforceChangeEventBodySchema = z
  .looseObject({
    payload: z.looseObject({
      ChangeEventHeader: z.looseObject({
        entityName: z.string(),
        recordIds: z.array(z.string()),
        changeType: z.string().describe('CREATE, UPDATE, DELETE, UNDELETE, GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE or GAP_OVERFLOW.'),
        transactionKey: z.string(),
        sequenceNumber: z.number().int(),
        commitTimestamp: z.number().int().describe('Epoch milliseconds.'),
        changedFields: z.array(z.string()).optional(),
      }),
    }),
  })
  .describe('A Salesforce change event as the Pub/Sub API delivers it (its bare payload is accepted too).');

export const salesforceIgnoredSchema = ignored.extend({ entityName: z.string(), changeType: z.string() });

export const salesforceProcessedSchema = z.object({
  status: z.literal('processed'),
  reread: z.enum(['accepted', 'gap']).describe('Why the records were re-read: an acceptance, or a GAP event whose payload is never applied.'),
  entityName: z.string(),
  changeType: z.string(),
  results: z.array(
    z.object({
      recordId: z.string(),
      eventId: z.string().describe('transactionKey:sequenceNumber:recordId — the inbox idempotency key.'),
      status: z.enum(['accepted', 'duplicate', 'rejected', 'not-accepted', 'not-found']),
      reason: z.string().optional(),
      error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const jiraWebhookBodySchema = z
  .looseObject({
    webhookEvent: z.string().describe('worklog_created, worklog_updated and worklog_deleted are mapped; other events are ignored.'),
    timestamp: z.number().int(),
    worklog: z
      .looseObject({ id: z.string(), author: z.looseObject({ accountId: z.string(), timeZone: z.string().optional() }), started: z.string(), timeSpentSeconds: z.number().int(), updated: z.string() })
      .optional(),
    issue: z.looseObject({ key: z.string().optional(), fields: z.looseObject({ project: z.looseObject({ key: z.string() }) }) }).optional(),
  })
  .describe('A Jira webhook body.');

export const jiraIgnoredSchema = ignored.extend({ webhookEvent: z.string().nullable() });

export const jiraAcceptedSchema = z.object({
  status: z.enum(['accepted', 'duplicate']),
  eventId: z.string().describe('The X-Atlassian-Webhook-Identifier: the inbox idempotency key.'),
  type: z.literal('q2c.timesheet.approved.v1'),
  subject: z.string().describe('jira-worklog-<worklog id>: the timesheet the worklog is.'),
  action: z.enum(['created', 'updated', 'deleted']),
});
