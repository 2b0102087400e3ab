// The time a run is made at: now, or — only where SIMULATED_TIME is on (npm start turns it
// on with the demo world) — the business time an `X-Simulated-Time` header names. The demo
// loader plays a year in minutes; with it, finance's month-end billing and revenue runs
// are stamped on the business dates of the generated year (Invoice.issuedAt,
// RevenueEntry.createdAt), so the time-based KPIs measure a firm, not the load. Never later
// than now: a run cannot be made in the future.
import { AppError } from '../errors.ts';

export const SIMULATED_TIME_HEADER = 'X-Simulated-Time';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function runTime(headers: Headers, options: { allowed: boolean; now: Date }): Date {
  const { now } = options;
  const value = headers.get(SIMULATED_TIME_HEADER);
  if (value === null) return now;
  if (!options.allowed) {
    throw new AppError('VALIDATION_FAILED', `${SIMULATED_TIME_HEADER} is accepted only where SIMULATED_TIME is on (npm start with the demo world): leave the header out to run now.`);
  }
  const at = new Date(value.trim());
  if (!RFC3339.test(value.trim()) || Number.isNaN(at.getTime())) {
    throw new AppError('VALIDATION_FAILED', `${SIMULATED_TIME_HEADER} must be an RFC 3339 timestamp (e.g. 2026-03-31T18:00:00Z), got "${value}".`);
  }
  if (at > now) throw new AppError('VALIDATION_FAILED', `${SIMULATED_TIME_HEADER} ${value} is in the future: a run cannot be made later than now.`);
  return at;
}
