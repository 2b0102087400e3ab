// Revenue-recognition lag (DESIGN.md §10, "recognized − eligible"): the days between the
// date revenue became recognisable (RevenueEntry.eligibleAt: time approved, usage recorded,
// expense approved, month elapsed) and the date a run recognised it — the asOf of that run,
// or the day the entry was written. Runs at each month end give lags of up to a month;
// anything posted late into a later period shows up as a long lag.
import { toDayNumber, type IsoDate } from '../periods/calendar-date.ts';

export function recognitionLagDays(options: { eligibleOn: IsoDate; recognizedOn: IsoDate }): number {
  const days = toDayNumber(options.recognizedOn) - toDayNumber(options.eligibleOn);
  if (days < 0) throw new RangeError(`Recognised on ${options.recognizedOn}, before it was eligible on ${options.eligibleOn}`);
  return days;
}
