// POST /api/v1/webhooks/jira: a Jira webhook from the psa (or time) connector. Worklog
// created/updated/deleted become time (map-worklog-webhook.ts) written through the inbox,
// deduplicated by X-Atlassian-Webhook-Identifier (the same delivery retried by Jira is a
// duplicate). Jira Cloud sends only worklog.issueId: the issue's project is re-read from
// Jira (jira-issue-reader.ts). Other Jira events are answered 200 "ignored": Jira sends
// every event a webhook subscribes to, and an error would only make it retry.
import { AppError } from '../../errors.ts';
import { handleNativeWebhook, refusedEventError } from '../native/handle-native-webhook.ts';
import { writeNativeEvents } from '../../ingest/native/write-native-events.ts';
import { existingInboxEventIds } from '../native/existing-inbox-event-ids.ts';
import { authorDefaultRole } from './author-default-role.ts';
import { httpJiraIssueReader, type JiraIssueReader } from './jira-issue-reader.ts';
import { payloadProjectKey, readJiraWebhook, worklogTimesheetId, worklogToTimesheetEvent } from './map-worklog-webhook.ts';
import { HUB_SIGNATURE_HEADER, verifyHubSignature } from './verify-hub-signature.ts';

export const JIRA_WEBHOOK_ID_HEADER = 'X-Atlassian-Webhook-Identifier';
/** The role of a worklog whose author has no default role: the workflow holds it as a data problem. */
export const UNASSIGNED_ROLE = 'UNASSIGNED';

export function handleJiraWebhook(request: Request, options: { issueReader?: JiraIssueReader } = {}): Promise<Response> {
  const issueReader = options.issueReader ?? httpJiraIssueReader;
  return handleNativeWebhook(request, {
    instance: '/api/v1/webhooks/jira',
    kinds: ['PSA', 'TIME'],
    handle: async ({ connector, source, headers, rawBody, body, now }) => {
      await verifyHubSignature({ connector, header: headers.get(HUB_SIGNATURE_HEADER), rawBody, now });
      const reading = readJiraWebhook(body);
      if (reading.kind === 'unsupported') return { status: 200, body: { status: 'ignored', webhookEvent: reading.webhookEvent, reason: reading.reason } };
      if (reading.kind === 'invalid') {
        throw new AppError('VALIDATION_FAILED', reading.message, { details: { pointer: reading.pointer, errors: [{ pointer: reading.pointer, message: reading.message }] } });
      }
      const webhookId = headers.get(JIRA_WEBHOOK_ID_HEADER)?.trim();
      if (!webhookId) {
        throw new AppError('VALIDATION_FAILED', `${JIRA_WEBHOOK_ID_HEADER} is required: it is how a retried delivery is told from a new one.`, { details: { pointer: `/headers/${JIRA_WEBHOOK_ID_HEADER}` } });
      }
      const { worklog } = reading.webhook;
      const answer = (status: string) => ({ status: 202, body: { status, eventId: webhookId, type: 'q2c.timesheet.approved.v1', subject: worklogTimesheetId(worklog.id), action: reading.action } });
      // A retried delivery is answered before any re-read: it costs no Jira call and keeps the payload first written.
      if ((await existingInboxEventIds(source, [webhookId])).has(webhookId)) return answer('duplicate');

      const projectKey = payloadProjectKey(reading.webhook) ?? (await issueReader.projectKeyOf({ connectorCode: connector.code, issueId: worklog.issueId!, now }));
      if (!projectKey) throw new AppError('UNPROCESSABLE', `Jira has no issue ${worklog.issueId} any more: worklog ${worklog.id} cannot be placed on an engagement.`);
      const role = (await authorDefaultRole({ system: connector.code, accountId: worklog.author.accountId })) ?? UNASSIGNED_ROLE;
      const event = worklogToTimesheetEvent({ reading, webhookId, source, role, projectKey });
      const [result] = await writeNativeEvents(connector, [event], now);
      if (result!.status === 'rejected') throw refusedEventError(result!);
      return answer(result!.status);
    },
  });
}
