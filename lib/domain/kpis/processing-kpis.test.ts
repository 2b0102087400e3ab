import { describe, expect, it } from 'vitest';
import { formatPercent } from './kpi-value.ts';
import { backlog, successRate, throughput } from './processing-health.ts';
import { processingLatency, type LatencyEventRow } from './processing-latency.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-01T01:00:00Z') };
const t0 = period.from.getTime();
const event = (type: string, connector: string | null, receivedMs: number, latencyMs: number, status: LatencyEventRow['status'] = 'PROCESSED'): LatencyEventRow => ({
  type,
  connector,
  status,
  receivedAt: new Date(t0 + receivedMs),
  processedAt: new Date(t0 + receivedMs + latencyMs),
});

describe('processingLatency', () => {
  const events = [
    ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((ms, i) => event('q2c.payment.received.v1', 'bank', i * 1000, ms)),
    event('q2c.quote.accepted.v1', 'crm', 0, 400),
    event('q2c.quote.accepted.v1', null, 0, 600),
    event('q2c.quote.accepted.v1', 'crm', 0, 9_999, 'HELD'), // not a processing time
    event('q2c.quote.accepted.v1', 'crm', -5_000, 4_000), // processed before the period
  ];
  const result = processingLatency({ events, period });

  it('overall p50/p95/p99 in ms (linear, as percentile_cont)', () => {
    expect(result.overall.count).toBe(12);
    expect([result.overall.p50Ms, result.overall.p95Ms, result.overall.p99Ms].map(String)).toEqual(['65', '490', '578']);
  });

  it('by type, by connector (no connector → "internal") and by both', () => {
    expect(result.byType.map((s) => [s.type, s.count, String(s.p50Ms)])).toEqual([
      ['q2c.payment.received.v1', 10, '55'],
      ['q2c.quote.accepted.v1', 2, '500'],
    ]);
    expect(result.byConnector.map((s) => [s.connector, s.count])).toEqual([
      ['bank', 10],
      ['crm', 1],
      ['internal', 1],
    ]);
    expect(result.byTypeAndConnector.map((s) => [s.type, s.connector, String(s.p99Ms)])).toEqual([
      ['q2c.payment.received.v1', 'bank', '99.1'],
      ['q2c.quote.accepted.v1', 'crm', '400'],
      ['q2c.quote.accepted.v1', 'internal', '600'],
    ]);
  });

  it('nearest-rank on request', () => {
    expect(String(processingLatency({ events, period, method: 'nearest-rank' }).overall.p95Ms)).toBe('600');
  });

  it('nothing processed → counts 0 and null percentiles', () => {
    expect(processingLatency({ events: [], period }).overall).toEqual({ count: 0, p50Ms: null, p95Ms: null, p99Ms: null });
  });
});

describe('successRate', () => {
  it.each([
    [{}, 0, 0, '—'],
    [{ PROCESSED: 98, FAILED: 1, HELD: 1 }, 98, 2, '98.0%'],
    [{ PROCESSED: 9, SUPERSEDED: 1, RECEIVED: 50, PARKED: 3, PROCESSING: 2 }, 10, 0, '100.0%'],
    [{ HELD: 4 }, 0, 4, '0.0%'],
  ] as const)('%j → processed %i, failed %i, %s', (inboxByStatus, processed, failed, shown) => {
    const result = successRate({ inboxByStatus });
    expect([result.processed, result.failed, formatPercent(result.ratio)]).toEqual([processed, failed, shown]);
  });
});

describe('backlog', () => {
  it('inbox not processed, outbox pending and dead letters', () => {
    expect(backlog({ inboxByStatus: { RECEIVED: 5, FAILED: 2, PARKED: 1, HELD: 3, PROCESSED: 1000 }, outboxByStatus: { PENDING: 4, IN_FLIGHT: 1, DELIVERED: 99, DEAD: 2 } })).toEqual({
      inboxUnprocessed: 11,
      inboxByStatus: { RECEIVED: 5, PROCESSING: 0, FAILED: 2, PARKED: 1, HELD: 3 },
      outboxPending: 5,
      deadLetters: 2,
    });
  });
});

describe('throughput', () => {
  it.each([
    [3600, '1', '60'],
    [0, '0', '0'],
    [1_800_000, '500', '30000'],
  ])('%i events in an hour → %s/s, %s/min', (processedInPeriod, perSecond, perMinute) => {
    const result = throughput({ processedInPeriod, period });
    expect([result.perSecond.toString(), result.perMinute.toString()]).toEqual([perSecond, perMinute]);
  });

  it('refuses a fractional count', () => {
    expect(() => throughput({ processedInPeriod: 1.5, period })).toThrow(RangeError);
  });
});
