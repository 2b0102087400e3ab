// GET /api/v1/health — readiness for load balancers and `npm start`: 200 when the
// database answers, migrations are current and a worker is alive; otherwise 503
// problem+json whose detail names the first failing check. ?probe=live answers 200 as
// long as this process serves requests. ?demo=ready also answers 503 while the demo world
// is loading (or failed to load), so tests and scripts can wait for it.
import { AppError, problemResponse } from '@/lib/errors';
import { getHealth } from '@/lib/queries/get-health';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  if (new URL(request.url).searchParams.get('probe') === 'live') return Response.json({ status: 'ok' }, { headers });
  const health = await getHealth();
  const waitForDemo = new URL(request.url).searchParams.get('demo') === 'ready';
  if (health.status === 'ok' && waitForDemo && (health.demo.status === 'loading' || health.demo.status === 'failed')) {
    const detail = health.demo.status === 'loading' ? `The demo world is loading: ${health.demo.detail ?? ''}` : `The demo world failed to load: ${health.demo.detail ?? ''}`;
    return problemResponse(new AppError('UNAVAILABLE', detail.trim(), { details: { demo: health.demo }, headers }));
  }
  if (health.status === 'ok') return Response.json(health, { headers });
  const failing = Object.values(health.checks).find((check) => check.status === 'failing');
  return problemResponse(new AppError('UNAVAILABLE', failing?.detail ?? 'Threadline is not ready.', { details: { checks: health.checks }, headers }));
}
