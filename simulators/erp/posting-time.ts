// When the simulated ERP posts a document. On the wall clock by default; business-dated
// (the businessDated knob, set by the demo loader, which plays a year in minutes) it posts
// overnight after the document's own issue date — 07:00 UTC the next day — as a firm's
// ERP batch would, never later than now (a document issued today posts now).
import { z } from 'zod';

const issueDateSchema = z.iso.date();
export const OVERNIGHT_POSTING_HOUR_UTC = 7;

export function postingTime(options: { issueDate: unknown; businessDated: boolean; now: Date }): Date {
  const { now } = options;
  if (!options.businessDated) return now;
  const issueDate = issueDateSchema.safeParse(options.issueDate);
  // A command without an issue date has no business date to keep: the wall clock it is.
  if (!issueDate.success) return now;
  const overnight = new Date(`${issueDate.data}T00:00:00Z`);
  overnight.setUTCDate(overnight.getUTCDate() + 1);
  overnight.setUTCHours(OVERNIGHT_POSTING_HOUR_UTC);
  return overnight < now ? overnight : now;
}
