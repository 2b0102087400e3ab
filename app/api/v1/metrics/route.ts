// GET /api/v1/metrics — Prometheus text exposition (scrape with a personal API token).
import { apiRoute } from '@/lib/http/api-route';
import { renderMetrics } from '@/lib/queries/metrics/render-metrics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({
  permission: 'kpis:read',
  handler: async () => new Response(await renderMetrics(), { headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' } }),
});
