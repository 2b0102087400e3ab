import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timesheetApprovedData } from '../../ingest/schemas/timesheet-approved.ts';
import { worklogWebhook } from './test-support.ts';
import { payloadProjectKey, readJiraWebhook, worklogHours, worklogToTimesheetEvent, worklogWorkDate } from './map-worklog-webhook.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/external');

describe('readJiraWebhook', () => {
  it('answers the real jira:issue_updated fixture as unsupported, not as an error', () => {
    const body: unknown = JSON.parse(readFileSync(path.join(FIXTURES, 'jenkinsci-jira-trigger__issue_updated_status_updated.json'), 'utf8'));
    expect(readJiraWebhook(body)).toEqual({ kind: 'unsupported', webhookEvent: 'jira:issue_updated', reason: expect.stringContaining('worklog_created') });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['no webhookEvent', { worklog: {} }, '/webhookEvent', /webhookEvent/],
    ['an array', [], '/webhookEvent', /webhookEvent/],
    ['a worklog naming neither its issue nor issueId', worklogWebhook({ issue: undefined, worklog: { issueId: undefined } }), '/worklog/issueId', /project key/],
    ['zero seconds', worklogWebhook({ worklog: { timeSpentSeconds: 0 } }), '/worklog/timeSpentSeconds', /greater than 0/],
    ['more than a day', worklogWebhook({ worklog: { timeSpentSeconds: 86_401 } }), '/worklog/timeSpentSeconds', /86400/],
    ['a started time without zone', worklogWebhook({ worklog: { started: '2026-01-01T10:00:00' } }), '/worklog/started', /Jira timestamp/],
    ['no author', worklogWebhook({ worklog: { author: undefined } }), '/worklog/author', /object/],
  ])('refuses %s with a pointer', (_name, body, pointer, message) => {
    expect(readJiraWebhook(body)).toEqual({ kind: 'invalid', pointer, message: expect.stringMatching(message) });
  });

  it('reads a Jira Cloud worklog (issueId only): the project is left to a re-read', () => {
    const reading = readJiraWebhook(worklogWebhook({ issue: undefined }));
    if (reading.kind !== 'worklog') throw new Error(reading.kind);
    expect([reading.webhook.worklog.issueId, payloadProjectKey(reading.webhook)]).toEqual(['10010', undefined]);
  });

  it.each([
    ['worklog_created', 'created'],
    ['worklog_updated', 'updated'],
    ['worklog_deleted', 'deleted'],
  ])('reads %s as %s', (webhookEvent, action) => {
    expect(readJiraWebhook(worklogWebhook({ webhookEvent }))).toMatchObject({ kind: 'worklog', action });
  });
});

describe('worklogHours', () => {
  it.each([
    [3600, '1'],
    [5400, '1.5'],
    [900, '0.25'],
    [60, '0.02'], // 0.01666… h: 2 decimals, half up
    [1200, '0.33'],
    [86_400, '24'],
  ])('%i s → %s h', (seconds, hours) => expect(worklogHours(seconds)).toBe(hours));
});

describe('worklogWorkDate', () => {
  it.each<[string, string | undefined, string]>([
    ['2025-12-31T23:30:00.000+0000', 'Europe/Berlin', '2026-01-01'], // 00:30 in Berlin
    ['2026-01-01T03:00:00.000+0000', 'America/New_York', '2025-12-31'],
    ['2026-01-01T03:00:00.000-0500', undefined, '2026-01-01'], // the offset Jira wrote is the author's
    ['2026-01-01T03:00:00.000-0500', 'Not/AZone', '2026-01-01'],
  ])('%s in %s → %s', (started, zone, date) => expect(worklogWorkDate(started, zone)).toBe(date));
});

describe('worklogToTimesheetEvent', () => {
  const map = (webhookEvent: string, worklog: Record<string, unknown> = {}, timestamp?: number) => {
    const reading = readJiraWebhook(worklogWebhook({ webhookEvent, worklog, timestamp }));
    if (reading.kind !== 'worklog') throw new Error('not a worklog');
    return worklogToTimesheetEvent({ reading, webhookId: 'wh-1', source: '/jira/acme', role: 'MANAGER', projectKey: payloadProjectKey(reading.webhook)! });
  };

  it('maps a created worklog to a valid one-entry timesheet named after the worklog', () => {
    const event = map('worklog_created');
    expect(event).toMatchObject({ id: 'wh-1', source: '/jira/acme', type: 'q2c.timesheet.approved.v1', subject: 'jira-worklog-10042', time: '2026-01-01T10:00:00.000Z' });
    expect(event).not.toHaveProperty('sequence');
    const data = timesheetApprovedData.parse(event.data);
    expect(data).toMatchObject({
      timesheetId: 'jira-worklog-10042',
      employeeId: '5b10ac8d82e05b22cc7d4ef5',
      engagementRef: 'ACME',
      entries: [{ date: '2026-01-01', hours: '1.5', role: 'MANAGER', billable: true }],
      approvedAt: '2026-01-01T09:59:00.000Z',
      version: 1_767_261_540,
    });
  });

  it('versions an update by its updated time, so a later update replaces an earlier one', () => {
    expect((map('worklog_updated', { updated: '2026-01-01T11:00:00.000+0000' }).data as { version: number }).version).toBe(1_767_265_200);
  });

  it('maps a deletion to a withdrawal versioned no earlier than the last update', () => {
    const data = timesheetApprovedData.parse(map('worklog_deleted', {}, 1_767_268_800_000).data);
    expect(data).toMatchObject({ entries: [], withdrawn: true, version: 1_767_268_800 });
  });

  it('is deterministic: the same delivery maps to the same event (a replay is a duplicate)', () => {
    expect(map('worklog_created')).toEqual(map('worklog_created'));
  });
});
