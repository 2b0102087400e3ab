// Idempotency-Key handling of the tax engine: the simulator kit's store (same key and
// request → the stored calculation again; same key, other request → 409), holding
// calculations. Only calculations are stored: a rejected request recorded nothing in the
// engine, so after a data fix the corrected document may be sent again under the same key.
import { IdempotencyStore as KitIdempotencyStore, type IdempotencyLookup as KitLookup } from '../kit/idempotency.ts';
import type { CalculateResponse } from './protocol.ts';

export { fingerprint } from '../kit/idempotency.ts';

export type IdempotencyLookup = KitLookup<CalculateResponse>;

export class IdempotencyStore extends KitIdempotencyStore<CalculateResponse> {}
