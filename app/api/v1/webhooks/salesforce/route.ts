// POST /api/v1/webhooks/salesforce — Salesforce change events (CDC) → accepted quotes (lib/connectors/salesforce).
import { handleSalesforceWebhook } from '@/lib/connectors/salesforce/handle-salesforce-webhook';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleSalesforceWebhook(request);
