// The native connector webhooks in the OpenAPI document (lib/connectors/salesforce, jira).
import { jiraAcceptedSchema, jiraIgnoredSchema, jiraWebhookBodySchema, salesforceChangeEventBodySchema, salesforceIgnoredSchema, salesforceProcessedSchema } from '../schemas/native-webhooks.ts';
import { json, type ApiOperation } from './operation.ts';

export const nativeWebhookOperations: readonly ApiOperation[] = [
  {
    method: 'post', path: '/api/v1/webhooks/salesforce', operationId: 'receiveSalesforceChangeEvent', tag: 'Ingest', auth: 'connector',
    summary: 'Salesforce change-data-capture event (Opportunity/Quote) from the crm connector',
    description: [
      'An Opportunity that became Closed Won or a Quote that became Accepted is re-read from the CRM (the connector endpoint, GET records/<entity>/<id>)',
      'and becomes `q2c.quote.accepted.v1`, stored under transactionKey:sequenceNumber:recordId (a repeat is a duplicate, without a re-read).',
      'GAP_* events never apply their payload: their records are re-read. Other entities and changes: 200 ignored.',
      '503 when the CRM cannot be re-read (send again). Threadline-Signature is required when the connector has a signing secret.',
    ].join(' '),
    body: { required: true, content: json('SalesforceChangeEvent', salesforceChangeEventBodySchema) },
    responses: {
      200: { description: 'Not a change Threadline maps.', content: json('SalesforceChangeIgnored', salesforceIgnoredSchema) },
      202: { description: 'The records were re-read; a result per record.', content: json('SalesforceChangeProcessed', salesforceProcessedSchema) },
    },
    errors: [409, 413, 422, 503],
  },
  {
    method: 'post', path: '/api/v1/webhooks/jira', operationId: 'receiveJiraWebhook', tag: 'Ingest', auth: 'connector',
    summary: 'Jira worklog webhook from the psa (or time) connector',
    description: [
      'worklog_created/updated become a version of the one-entry timesheet jira-worklog-<id> (`q2c.timesheet.approved.v1`, hours from timeSpentSeconds,',
      'work date from `started` in the author\'s zone, employee by accountId and engagement by project key through the crosswalk); worklog_deleted withdraws it.',
      'Without the issue in the body (Jira Cloud), its project is re-read from the connector endpoint (rest/api/3/issue/<issueId>); 503 when Jira cannot be read.',
      'Deduplicated by X-Atlassian-Webhook-Identifier, before any re-read. Other Jira events: 200 ignored.',
    ].join(' '),
    headers: [
      { name: 'X-Atlassian-Webhook-Identifier', required: true, description: 'The delivery id Jira keeps across retries: the idempotency key.', schema: { type: 'string' } },
      { name: 'X-Hub-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body> with the connector\'s signing secret — required when it has one.', schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' } },
    ],
    body: { required: true, content: json('JiraWebhook', jiraWebhookBodySchema) },
    responses: {
      200: { description: 'Not a worklog event: nothing to do.', content: json('JiraWebhookIgnored', jiraIgnoredSchema) },
      202: { description: 'Stored in the inbox (or already there).', content: json('JiraWebhookAccepted', jiraAcceptedSchema) },
    },
    errors: [409, 413, 422, 503],
  },
];
