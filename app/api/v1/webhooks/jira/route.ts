// POST /api/v1/webhooks/jira — Jira worklog webhooks → canonical time (lib/connectors/jira).
import { handleJiraWebhook } from '@/lib/connectors/jira/handle-jira-webhook';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleJiraWebhook(request);
