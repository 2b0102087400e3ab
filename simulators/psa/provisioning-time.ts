// When the simulated PSA has a project ready. On the wall clock by default; business-dated
// (the businessDated knob, set by the demo loader, which plays a year in minutes) it is
// ready one to five days after the quote's acceptance the command carries — the delivery
// team's set-up time — varying per quote but the same for the same quote, and never later
// than now.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const acceptedAtSchema = z.iso.datetime({ offset: true });
const HOUR_MS = 3_600_000;
/** Set-up takes at least a day and at most five (24–120 hours). */
export const PROVISIONING_HOURS = { min: 24, max: 120 } as const;

export function provisioningTime(options: { quote: unknown; businessDated: boolean; now: Date }): Date {
  const { now } = options;
  if (!options.businessDated) return now;
  const quote = z.object({ externalId: z.string().min(1), acceptedAt: acceptedAtSchema }).safeParse(options.quote);
  // A command without its quote's acceptance has no business date to keep: the wall clock it is.
  if (!quote.success) return now;
  const ready = new Date(new Date(quote.data.acceptedAt).getTime() + setUpHours(quote.data.externalId) * HOUR_MS);
  return ready < now ? ready : now;
}

/** Deterministic per quote, so a reloaded demo world activates its engagements alike. */
function setUpHours(quoteRef: string): number {
  const span = PROVISIONING_HOURS.max - PROVISIONING_HOURS.min + 1;
  return PROVISIONING_HOURS.min + (createHash('sha256').update(quoteRef).digest().readUInt32BE(0) % span);
}
