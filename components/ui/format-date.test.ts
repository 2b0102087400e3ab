import { describe, expect, it } from 'vitest';
import { createDateFormat, formatAge } from './format-date';

// Intl output as ICU prints it (Node's full ICU and Chromium agree): the spaces before AM/PM
// and inside Japanese dates are regular or narrow no-break spaces, so compare with them normalized.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('business dates: the locale, never the zone', () => {
  // Stored as UTC midnight: 1 March must stay 1 March in Los Angeles (UTC-8), where the
  // instant is still 28 February.
  const firstOfMarch = '2026-03-01T00:00:00.000Z';
  it.each([
    ['en-US', 'America/Los_Angeles', 'Mar 1, 2026'],
    ['en-GB', 'America/Los_Angeles', '1 Mar 2026'],
    ['de-DE', 'Europe/Berlin', '1. März 2026'],
    ['ja-JP', 'Asia/Tokyo', '2026年3月1日'],
    ['en-GB', 'Pacific/Kiritimati', '1 Mar 2026'], // UTC+14
  ])('%s in %s → %s', (locale, timeZone, expected) => {
    expect(createDateFormat({ locale, timeZone }).businessDate(firstOfMarch)).toBe(expected);
  });
});

describe('instants: the locale and the zone, named', () => {
  // Near midnight: 06:30 UTC on 10 January is still the evening of 9 January in Los Angeles.
  const lateWinterEvening = '2026-01-10T06:30:00.000Z'; // 9 Jan 22:30 in Los Angeles (PST, UTC-8)
  it.each([
    ['en-GB', 'UTC', '10 Jan 2026, 06:30 UTC', '10 Jan 2026'],
    ['en-US', 'America/Los_Angeles', 'Jan 9, 2026, 10:30 PM PST', 'Jan 9, 2026'],
    ['en-US', 'UTC', 'Jan 10, 2026, 06:30 AM UTC', 'Jan 10, 2026'],
    ['de-DE', 'Europe/Berlin', '10. Jan. 2026, 07:30 MEZ', '10. Jan. 2026'],
    ['ja-JP', 'Asia/Tokyo', '2026年1月10日 15:30 JST', '2026年1月10日'],
    ['en-GB', 'America/Los_Angeles', '9 Jan 2026, 22:30 GMT-8', '9 Jan 2026'],
  ])('%s in %s → %s', (locale, timeZone, instant, day) => {
    const format = createDateFormat({ locale, timeZone });
    expect(plain(format.instant(lateWinterEvening))).toBe(instant);
    expect(format.instantDay(lateWinterEvening)).toBe(day);
  });
});

describe('missing and broken values', () => {
  const format = createDateFormat({ locale: 'en-GB', timeZone: 'UTC' });
  it.each([null, undefined, '', 'not a date'])('%s → the fallback', (value) => {
    expect(format.instant(value)).toBe('—');
    expect(format.businessDate(value, 'Never')).toBe('Never');
  });

  it('accepts Date objects as well as ISO strings', () => {
    expect(format.businessDate(new Date('2026-12-31T00:00:00Z'))).toBe('31 Dec 2026');
  });

  it('reuses one formatter per locale and zone', () => {
    expect(createDateFormat({ locale: 'en-GB', timeZone: 'UTC' })).toBe(format);
  });
});

describe('formatAge', () => {
  const now = '2026-03-10T12:00:00.000Z';
  it.each([
    ['2026-03-10T12:00:30.000Z', 'just now'], // a clock a little ahead
    ['2026-03-10T11:59:31.000Z', 'just now'],
    ['2026-03-10T11:48:00.000Z', '12 min'],
    ['2026-03-10T11:00:00.000Z', '1 h'],
    ['2026-03-08T12:00:01.000Z', '47 h'],
    ['2026-03-08T12:00:00.000Z', '2 d'],
    ['2025-03-10T12:00:00.000Z', '365 d'],
  ])('%s → %s', (since, expected) => {
    expect(formatAge(since, now)).toBe(expected);
  });
});
