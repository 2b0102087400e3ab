// Event processing latency (DESIGN.md §10): processedAt − receivedAt of inbox events
// processed in the period, in milliseconds, p50/p95/p99 overall, by event type, by
// connector and by both. Only PROCESSED events: superseded and held ones are stamped too,
// but their time says nothing about how fast work gets done.
import type { InboxEventStatus } from '../../db/generated/enums.ts';
import { dec, type Decimal } from '../money/decimal.ts';
import { assertPeriod, inPeriod, type Period } from './kpi-period.ts';
import { percentile, type PercentileMethod } from './percentile.ts';

export interface LatencyEventRow {
  type: string;
  /** Connector code; null for events Threadline re-submitted itself. */
  connector: string | null;
  status: InboxEventStatus;
  receivedAt: Date;
  processedAt: Date | null;
}

export interface LatencyStats {
  count: number;
  p50Ms: Decimal | null;
  p95Ms: Decimal | null;
  p99Ms: Decimal | null;
}

export interface ProcessingLatency {
  overall: LatencyStats;
  byType: ({ type: string } & LatencyStats)[];
  byConnector: ({ connector: string } & LatencyStats)[];
  byTypeAndConnector: ({ type: string; connector: string } & LatencyStats)[];
}

/** Events without a connector are reported as this one. */
export const INTERNAL_CONNECTOR = 'internal';

export function processingLatency(options: { events: readonly LatencyEventRow[]; period: Period; method?: PercentileMethod }): ProcessingLatency {
  const { events, period, method = 'linear' } = options;
  assertPeriod(period);
  const samples = events
    .filter((event): event is LatencyEventRow & { processedAt: Date } => event.status === 'PROCESSED' && inPeriod(event.processedAt, period))
    .map((event) => ({ type: event.type, connector: event.connector ?? INTERNAL_CONNECTOR, ms: dec(event.processedAt.getTime() - event.receivedAt.getTime()) }));
  const stats = (values: Decimal[]): LatencyStats => ({
    count: values.length,
    p50Ms: percentile(values, 0.5, method),
    p95Ms: percentile(values, 0.95, method),
    p99Ms: percentile(values, 0.99, method),
  });
  const grouped = <K extends string>(keyOf: (s: (typeof samples)[number]) => K) => {
    const groups = new Map<K, Decimal[]>();
    for (const sample of samples) {
      const key = keyOf(sample);
      const values = groups.get(key);
      if (values) values.push(sample.ms);
      else groups.set(key, [sample.ms]);
    }
    return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, values]) => ({ key, ...stats(values) }));
  };
  return {
    overall: stats(samples.map((s) => s.ms)),
    byType: grouped((s) => s.type).map(({ key, ...rest }) => ({ type: key, ...rest })),
    byConnector: grouped((s) => s.connector).map(({ key, ...rest }) => ({ connector: key, ...rest })),
    byTypeAndConnector: grouped((s) => JSON.stringify([s.type, s.connector])).map(({ key, ...rest }) => {
      const [type, connector] = JSON.parse(key) as [string, string];
      return { type, connector, ...rest };
    }),
  };
}
