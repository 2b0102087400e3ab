// Counters of what this web process answered to connected systems, by connector, event
// type and outcome (accepted, duplicate, rejected, conflict), plus request-level refusals.
// Per process by design: Prometheus sums them across replicas.

type Outcome = 'accepted' | 'duplicate' | 'rejected' | 'conflict';

// On globalThis: the web process loads this module twice — in Next.js's bundle (the
// metrics route reads it) and in its own listener (lib/runtime/web-server.ts, which counts
// ingest) — and both must see one set of counters.
const globalForCounters = globalThis as unknown as { __threadlineIngestCounters?: { events: Map<string, number>; refusals: Map<string, number> } };
const { events, refusals } = (globalForCounters.__threadlineIngestCounters ??= { events: new Map(), refusals: new Map() });

export function countIngestedEvent(connector: string, type: string, outcome: Outcome): void {
  const key = JSON.stringify([connector, type, outcome]);
  events.set(key, (events.get(key) ?? 0) + 1);
}

/** A whole request refused before any event was judged (401, 413, 415, 429 ...). */
export function countRefusedRequest(connector: string, status: number): void {
  const key = JSON.stringify([connector, String(status)]);
  refusals.set(key, (refusals.get(key) ?? 0) + 1);
}

export function ingestCounters(): {
  events: { connector: string; type: string; outcome: Outcome; count: number }[];
  refusals: { connector: string; status: string; count: number }[];
} {
  return {
    events: [...events].map(([key, count]) => {
      const [connector, type, outcome] = JSON.parse(key) as [string, string, Outcome];
      return { connector, type, outcome, count };
    }),
    refusals: [...refusals].map(([key, count]) => {
      const [connector, status] = JSON.parse(key) as [string, string];
      return { connector, status, count };
    }),
  };
}
