// Jira webhooks → canonical time (pure). A worklog_created/updated becomes one version of
// a one-entry timesheet (q2c.timesheet.approved.v1) named after the worklog, so that a
// later update replaces it and worklog_deleted withdraws it (its entry is reversed on the
// next invoice if it was billed). Any other webhook event is answered as unsupported.
//
// Ordering: the timesheet's `version` is the worklog's `updated` time in whole seconds
// (the webhook's own `timestamp` for a deletion, which comes after every update). It is a
// data version, not the CloudEvents `sequence`: per-subject sequences must count 1, 2, 3…
// and a timestamp would look like a gap and park every event.
import { z } from 'zod';
import { dec } from '../../domain/money/decimal.ts';

export const JIRA_WORKLOG_EVENTS = ['worklog_created', 'worklog_updated', 'worklog_deleted'] as const;
export type JiraWorklogAction = 'created' | 'updated' | 'deleted';

// Jira writes offsets without a colon: 2021-01-17T12:34:00.000+0000.
const JIRA_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/;
const jiraTime = z.string().regex(JIRA_TIME, 'Expected a Jira timestamp such as 2021-01-17T12:34:00.000+0000.').refine((t) => !Number.isNaN(Date.parse(toRfc3339(t))), 'Not a real instant.');
const jiraId = z.union([z.string().regex(/^\S+$/, 'Must not be empty.'), z.number().int().nonnegative()]).transform(String);

const worklog = z.looseObject({
  id: jiraId,
  issueId: jiraId.optional(),
  author: z.looseObject({ accountId: z.string().regex(/\S/, 'Must not be empty.'), timeZone: z.string().optional() }),
  started: jiraTime,
  // A day at most: the canonical entry allows 24 hours.
  timeSpentSeconds: z.number().int('Whole seconds.').positive('Must be greater than 0 seconds.').max(86_400, 'At most 86400 seconds (a day) per worklog.'),
  updated: jiraTime,
});

const worklogWebhook = z.looseObject({
  webhookEvent: z.enum(JIRA_WORKLOG_EVENTS),
  timestamp: z.number().int().positive(),
  worklog,
  // Jira Server sends the issue; Jira Cloud sends only worklog.issueId, and the project is re-read.
  issue: z.looseObject({ key: z.string().optional(), fields: z.looseObject({ project: z.looseObject({ key: z.string().regex(/\S/, 'Must not be empty.') }) }) }).optional(),
}).refine((w) => w.issue !== undefined || w.worklog.issueId !== undefined, {
  path: ['worklog', 'issueId'],
  message: 'The worklog webhook names neither its issue (issue.fields.project.key) nor worklog.issueId: the project key is how the engagement is found.',
});

export type JiraWorklogWebhook = z.output<typeof worklogWebhook>;

export type JiraWebhookReading =
  | { kind: 'unsupported'; webhookEvent: string | null; reason: string }
  | { kind: 'invalid'; pointer: string; message: string }
  | { kind: 'worklog'; action: JiraWorklogAction; webhook: JiraWorklogWebhook };

/** What a Jira webhook body is: a worklog change we map, another event we ignore, or a broken worklog. */
export function readJiraWebhook(body: unknown): JiraWebhookReading {
  const event = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { webhookEvent?: unknown }).webhookEvent : undefined;
  if (typeof event !== 'string') return { kind: 'invalid', pointer: '/webhookEvent', message: 'A Jira webhook names its event in webhookEvent.' };
  if (!(JIRA_WORKLOG_EVENTS as readonly string[]).includes(event)) {
    return { kind: 'unsupported', webhookEvent: event, reason: `Jira event ${event} is not mapped: only ${JIRA_WORKLOG_EVENTS.join(', ')} become time.` };
  }
  const parsed = worklogWebhook.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'invalid', pointer: `/${issue.path.map(String).join('/')}`, message: issue.message };
  }
  return { kind: 'worklog', action: event.replace('worklog_', '') as JiraWorklogAction, webhook: parsed.data };
}

export function worklogTimesheetId(worklogId: string): string {
  return `jira-worklog-${worklogId}`;
}

/** Hours from seconds, exact to the canonical 2 decimals (0.01 h = 36 s; half up below that). */
export function worklogHours(timeSpentSeconds: number): string {
  return dec(timeSpentSeconds).div(3600).toDecimalPlaces(2).toFixed();
}

/**
 * The work date: the calendar day `started` falls on in the worker's zone — the author's
 * Jira time zone when the payload carries it, else the offset Jira wrote (the author's).
 */
export function worklogWorkDate(started: string, timeZone: string | undefined): string {
  if (timeZone && isTimeZone(timeZone)) {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(toRfc3339(started)));
  }
  return JIRA_TIME.exec(started)![1]!;
}

/** The project key the payload carries, if any (Jira Server); else it is re-read by worklog.issueId. */
export function payloadProjectKey(webhook: JiraWorklogWebhook): string | undefined {
  return webhook.issue?.fields.project.key;
}

/** The CloudEvent (structured JSON) of one worklog webhook; deterministic, so a replayed delivery hashes the same. */
export function worklogToTimesheetEvent(options: { reading: Extract<JiraWebhookReading, { kind: 'worklog' }>; webhookId: string; source: string; role: string; projectKey: string }): Record<string, unknown> {
  const { reading, webhookId, source, role, projectKey } = options;
  const { worklog: w, timestamp, issue } = reading.webhook;
  const timesheetId = worklogTimesheetId(w.id);
  const updatedMs = Date.parse(toRfc3339(w.updated));
  const deleted = reading.action === 'deleted';
  const versionMs = deleted ? Math.max(timestamp, updatedMs) : updatedMs;
  const entries = deleted
    ? []
    : [{ date: worklogWorkDate(w.started, w.author.timeZone), hours: worklogHours(w.timeSpentSeconds), role, billable: true, notes: `Jira worklog ${w.id}${issue?.key ? ` on ${issue.key}` : ''}: ${w.timeSpentSeconds} s` }];
  return {
    specversion: '1.0',
    id: webhookId,
    source,
    type: 'q2c.timesheet.approved.v1',
    subject: timesheetId,
    time: new Date(timestamp).toISOString(),
    data: {
      timesheetId,
      employeeId: w.author.accountId,
      engagementRef: projectKey,
      entries,
      ...(deleted ? { withdrawn: true } : {}),
      // Jira has no approval step: a logged worklog is the approved time.
      approvedAt: new Date(versionMs).toISOString(),
      approver: `jira:${w.author.accountId}`,
      version: Math.floor(versionMs / 1000),
    },
  };
}

function toRfc3339(jira: string): string {
  return jira.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
