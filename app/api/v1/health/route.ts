// GET /api/v1/health — readiness for load balancers and `npm start`: 200 when the
// database answers, migrations are current and a worker is alive; otherwise 503
// problem+json whose detail names the first failing check. ?probe=live answers 200 as
// long as this process serves requests.
import { AppError, problemResponse } from '@/lib/errors';
import { getHealth } from '@/lib/queries/get-health';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  if (new URL(request.url).searchParams.get('probe') === 'live') return Response.json({ status: 'ok' }, { headers });
  const health = await getHealth();
  if (health.status === 'ok') return Response.json(health, { headers });
  const failing = Object.values(health.checks).find((check) => check.status === 'failing');
  return problemResponse(new AppError('UNAVAILABLE', failing?.detail ?? 'Threadline is not ready.', { details: { checks: health.checks }, headers }));
}
