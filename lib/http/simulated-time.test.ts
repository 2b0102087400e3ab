import { describe, expect, it } from 'vitest';
import { runTime } from './simulated-time.ts';

const now = new Date('2026-12-05T10:00:00Z');
const headers = (value?: string) => new Headers(value === undefined ? {} : { 'X-Simulated-Time': value });

describe('the time a run is made at', () => {
  it('is now without the header, allowed or not', () => {
    expect(runTime(headers(), { allowed: false, now })).toBe(now);
    expect(runTime(headers(), { allowed: true, now })).toBe(now);
  });

  it('is the header’s business time where SIMULATED_TIME is on', () => {
    expect(runTime(headers('2026-03-31T18:00:00Z'), { allowed: true, now }).toISOString()).toBe('2026-03-31T18:00:00.000Z');
    expect(runTime(headers('2026-03-31T20:00:00+02:00'), { allowed: true, now }).toISOString()).toBe('2026-03-31T18:00:00.000Z');
  });

  it.each([
    [false, '2026-03-31T18:00:00Z', /accepted only where SIMULATED_TIME is on/],
    [true, '2026-03-31', /must be an RFC 3339 timestamp/],
    [true, 'last Tuesday', /must be an RFC 3339 timestamp/],
    [true, '2026-12-06T00:00:00Z', /in the future/],
  ])('refuses (allowed %s) %s with a clear 400', (allowed, value, message) => {
    expect(() => runTime(headers(value), { allowed, now })).toThrow(message);
    expect(() => runTime(headers(value), { allowed, now })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
