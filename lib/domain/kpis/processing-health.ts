// The other technical KPIs (DESIGN.md §10), from counts the caller groups in SQL:
// success rate = processed ÷ (processed + failed) over events received in the period;
// backlog = inbox not yet processed, outbox pending, dead letters (now); throughput =
// events processed per second (and per minute) over the period.
import type { InboxEventStatus, OutboxCommandStatus } from '../../db/generated/enums.ts';
import { dec, type Decimal } from '../money/decimal.ts';
import { assertPeriod, type Period } from './kpi-period.ts';
import { ratio } from './kpi-value.ts';

export type StatusCounts<S extends string> = Partial<Record<S, number>>;

// Processed: done, including a stale version recorded as superseded (correct handling).
// Failed: errored and retrying (FAILED) or stopped until someone acts (HELD, which also
// covers exhausted retries). RECEIVED, PROCESSING and PARKED are still in flight.
const PROCESSED: readonly InboxEventStatus[] = ['PROCESSED', 'SUPERSEDED'];
const FAILED: readonly InboxEventStatus[] = ['FAILED', 'HELD'];

const total = <S extends string>(counts: StatusCounts<S>, statuses: readonly S[]) => statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);

export function successRate(options: { inboxByStatus: StatusCounts<InboxEventStatus> }): { processed: number; failed: number; ratio: Decimal | null } {
  const processed = total(options.inboxByStatus, PROCESSED);
  const failed = total(options.inboxByStatus, FAILED);
  return { processed, failed, ratio: ratio(processed, processed + failed) };
}

export interface Backlog {
  /** Inbox events not processed yet: RECEIVED, PROCESSING, FAILED (retrying), PARKED, HELD. */
  inboxUnprocessed: number;
  inboxByStatus: Record<'RECEIVED' | 'PROCESSING' | 'FAILED' | 'PARKED' | 'HELD', number>;
  /** Outbox commands waiting for delivery: PENDING and IN_FLIGHT. */
  outboxPending: number;
  /** Outbox commands that exhausted their attempts (DEAD). */
  deadLetters: number;
}

export function backlog(options: { inboxByStatus: StatusCounts<InboxEventStatus>; outboxByStatus: StatusCounts<OutboxCommandStatus> }): Backlog {
  const { inboxByStatus: inbox, outboxByStatus: outbox } = options;
  const inboxByStatus = { RECEIVED: inbox.RECEIVED ?? 0, PROCESSING: inbox.PROCESSING ?? 0, FAILED: inbox.FAILED ?? 0, PARKED: inbox.PARKED ?? 0, HELD: inbox.HELD ?? 0 };
  return {
    inboxUnprocessed: Object.values(inboxByStatus).reduce((n, c) => n + c, 0),
    inboxByStatus,
    outboxPending: (outbox.PENDING ?? 0) + (outbox.IN_FLIGHT ?? 0),
    deadLetters: outbox.DEAD ?? 0,
  };
}

/** Events processed (processedAt in the period, status PROCESSED) per second and per minute. */
export function throughput(options: { processedInPeriod: number; period: Period }): { processed: number; perSecond: Decimal; perMinute: Decimal } {
  const { processedInPeriod, period } = options;
  assertPeriod(period);
  if (!Number.isInteger(processedInPeriod) || processedInPeriod < 0) throw new RangeError('A count of processed events is a whole number ≥ 0');
  const seconds = dec(period.to.getTime() - period.from.getTime()).dividedBy(1000);
  const perSecond = dec(processedInPeriod).dividedBy(seconds);
  return { processed: processedInPeriod, perSecond, perMinute: perSecond.times(60) };
}
