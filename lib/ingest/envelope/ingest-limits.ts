// Size limits of POST /api/v1/events (DESIGN.md §5). MiB, like readJsonBody's limit.
export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;
export const MAX_BATCH_EVENTS = 1000;
/** Deeper JSON is refused: real payloads nest a handful of levels, and serialisers recurse. */
export const MAX_JSON_DEPTH = 64;
