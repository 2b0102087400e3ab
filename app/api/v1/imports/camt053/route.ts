// /api/v1/imports/camt053 — ISO 20022 camt.053 / camt.054 import for a BANK connector (docs/CONNECTORS.md).
import { handleCamtImport } from '@/lib/ingest/native/camt/handle-camt-import';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleCamtImport(request);
