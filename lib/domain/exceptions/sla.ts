// When an exception is due: SLA hours after it was first seen (or reopened). Wall-clock
// hours, not business hours: the queue is worked across time zones.
const HOUR_MS = 60 * 60 * 1000;

export function slaDueAt(firstSeenAt: Date, slaHours: number): Date {
  if (!Number.isFinite(slaHours) || slaHours < 0) throw new RangeError(`SLA hours must be a non-negative number, got ${slaHours}`);
  return new Date(firstSeenAt.getTime() + slaHours * HOUR_MS);
}
