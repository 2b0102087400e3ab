// Test payloads for the Jira connector, shaped as Jira Cloud documents its worklog webhooks.

/** A Jira Cloud worklog webhook as documented (worklog + issue with its project). */
export function worklogWebhook(overrides: { webhookEvent?: string; worklog?: Record<string, unknown>; issue?: unknown; timestamp?: number } = {}) {
  return {
    timestamp: overrides.timestamp ?? 1_767_261_600_000, // 2026-01-01T10:00:00Z
    webhookEvent: overrides.webhookEvent ?? 'worklog_created',
    worklog: {
      id: '10042',
      issueId: '10010',
      author: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ada', timeZone: 'Europe/Berlin' },
      started: '2025-12-31T23:30:00.000+0000',
      timeSpentSeconds: 5400,
      created: '2026-01-01T09:59:00.000+0000',
      updated: '2026-01-01T09:59:00.000+0000',
      ...overrides.worklog,
    },
    issue: 'issue' in overrides ? overrides.issue : { id: '10010', key: 'ACME-7', fields: { project: { key: 'ACME' } } },
  };
}
