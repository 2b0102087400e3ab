// The periods the executive dashboard reports on, as plain [from, to) UTC days: a named
// preset that stays shareable in a URL ("2026-11", "2026-Q4", "2026", or the last 90 days),
// the period before it (the cards' comparison), and the calendar months of a trend series.
import { addDays, addMonths, firstDayOfMonth, isIsoDate, isYearMonth, type IsoDate, type YearMonth } from '../periods/calendar-date.ts';
import { DAY_MS, utcDay, type Period } from './kpi-period.ts';

export const DEFAULT_PERIOD_DAYS = 90;
export const LAST_90_DAYS = 'last-90-days';

const at = (day: IsoDate) => new Date(`${day}T00:00:00Z`);
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** A preset's period: 'YYYY-MM' (a month), 'YYYY-Qn' (a quarter), 'YYYY' (a year) or the last 90 days through today. Null when not one. */
export function presetPeriod(preset: string, today: IsoDate): Period | null {
  if (preset === LAST_90_DAYS) {
    const to = addDays(today, 1);
    return { from: at(addDays(to, -DEFAULT_PERIOD_DAYS)), to: at(to) };
  }
  if (isYearMonth(preset)) return { from: at(firstDayOfMonth(preset)), to: at(firstDayOfMonth(addMonths(preset, 1))) };
  const quarter = QUARTER.exec(preset);
  if (quarter) {
    const first: YearMonth = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { from: at(firstDayOfMonth(first)), to: at(firstDayOfMonth(addMonths(first, 3))) };
  }
  const year = YEAR.exec(preset);
  if (year) return { from: at(`${year[1]}-01-01`), to: at(`${Number(year[1]) + 1}-01-01`) };
  return null;
}

/** A custom period from two days, both inclusive (what a person types): [from, to + 1 day). Null when not valid. */
export function customPeriod(fromDay: string, throughDay: string): Period | null {
  if (!isIsoDate(fromDay) || !isIsoDate(throughDay) || throughDay < fromDay) return null;
  return { from: at(fromDay), to: at(addDays(throughDay, 1)) };
}

/** The period of the same length just before: what a card compares its figure with. */
export function previousPeriod(period: Period): Period {
  const length = period.to.getTime() - period.from.getTime();
  // Calendar presets compare with the previous calendar month, quarter or year, not a shifted day count.
  const months = wholeMonths(period);
  if (months !== null) {
    const first = utcDay(period.from).slice(0, 7);
    return { from: at(firstDayOfMonth(addMonths(first, -months))), to: period.from };
  }
  return { from: new Date(period.from.getTime() - length), to: period.from };
}

/** How many calendar months the period covers when it is made of whole months; null otherwise. */
function wholeMonths(period: Period): number | null {
  const from = utcDay(period.from);
  const to = utcDay(period.to);
  if (!from.endsWith('-01') || !to.endsWith('-01')) return null;
  const index = (day: IsoDate) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  const months = index(to) - index(from);
  return months > 0 ? months : null;
}

export interface SeriesMonth {
  month: YearMonth;
  period: Period;
}

/**
 * The `count` calendar months ending with the one that holds the period's last day, each its
 * own [first day, next month) — the last one cut at `to` when the period ends inside it.
 */
export function seriesMonths(to: Date, count: number): SeriesMonth[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`A series has at least one month: ${count}`);
  if (to.getTime() % DAY_MS !== 0) throw new RangeError('A series ends at a midnight UTC');
  const last = utcDay(new Date(to.getTime() - DAY_MS)).slice(0, 7);
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(last, i - count + 1);
    const end = at(firstDayOfMonth(addMonths(month, 1)));
    return { month, period: { from: at(firstDayOfMonth(month)), to: end.getTime() > to.getTime() ? to : end } };
  });
}
