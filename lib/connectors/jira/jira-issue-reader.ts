// The project of a worklog's issue, for Jira Cloud webhooks that send only worklog.issueId.
// An interface (tests answer from a local HTTP server); the HTTP reader calls the
// connector's endpoint (the Jira site, or a proxy to it) with its OUTBOUND_TOKEN:
// GET <endpoint>/rest/api/3/issue/<issueId>?fields=project → fields.project.key.
import { AppError } from '../../errors.ts';
import { getFromConnector } from '../native/get-from-connector.ts';

export interface JiraIssueReader {
  /** The issue's project key, or null when Jira has no such issue (deleted since). */
  projectKeyOf(options: { connectorCode: string; issueId: string; now: Date }): Promise<string | null>;
}

export const httpJiraIssueReader: JiraIssueReader = {
  async projectKeyOf({ connectorCode, issueId, now }) {
    const issue = await getFromConnector({ connectorCode, path: `rest/api/3/issue/${encodeURIComponent(issueId)}?fields=project`, what: `Jira issue ${issueId}`, now });
    if (issue === null) return null;
    const key = (issue as { fields?: { project?: { key?: unknown } } }).fields?.project?.key;
    if (typeof key !== 'string' || !key.trim()) throw new AppError('UNAVAILABLE', `Jira answered issue ${issueId} without fields.project.key. Send the event again later.`);
    return key;
  },
};
