// POST /api/v1/events — the CloudEvents ingest API for connected systems (DESIGN.md §5).
import { handleIngestRequest } from '@/lib/ingest/handle-ingest-request';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleIngestRequest(request);
