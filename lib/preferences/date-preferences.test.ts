import { describe, expect, it } from 'vitest';
import { negotiateLocale, resolveDatePreferences, supportedLocale, validTimeZone } from './date-preferences.ts';

describe('negotiateLocale', () => {
  it.each([
    ['en-US,en;q=0.9', 'en-US'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de-DE'],
    ['ja-JP', 'ja-JP'],
    ['ja', 'ja-JP'], // a bare language takes its first supported region
    ['de-AT,de;q=0.9', 'de-DE'], // an unsupported region falls back to the language
    ['en', 'en-GB'],
    ['EN-us', 'en-US'], // tags are case-insensitive
    ['fr;q=0.5,de-DE;q=0.8', 'de-DE'], // quality decides, not order
    ['xx-YY,de;q=0.1', 'de-DE'], // an unknown language is skipped
    ['en-US;q=0,de-DE;q=0.5', 'de-DE'], // q=0 means "not this one"
    ['*', null],
    ['xx-YY', null],
    ['not a tag!!,, ;q=abc', null], // malformed entries are skipped, never an error
    ['', null],
    [null, null],
    ['en-'.repeat(400), null], // an absurd header is ignored
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('supportedLocale and validTimeZone', () => {
  it.each([
    ['de-de', 'de-DE'],
    ['en-GB', 'en-GB'],
    ['de-AT', null], // valid BCP 47 but not offered
    ['en_US', null], // not BCP 47
    ['', null],
  ])('locale %s → %s', (tag, expected) => expect(supportedLocale(tag)).toBe(expected));

  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['america/los_angeles', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['Mars/Olympus_Mons', null],
    ['<script>', null],
    ['', null],
  ])('zone %s → %s', (zone, expected) => expect(validTimeZone(zone)).toBe(expected));
});

describe('resolveDatePreferences', () => {
  it.each([
    {
      name: 'nothing known: en-GB and UTC',
      request: { acceptLanguage: null, cookies: {} },
      expected: { locale: 'en-GB', localeSource: 'default', timeZone: 'UTC', timeZoneSource: 'default' },
    },
    {
      name: 'the browser: Accept-Language and the reported zone',
      request: { acceptLanguage: 'de-DE,de;q=0.9', cookies: { browserTimeZone: 'Europe/Berlin' } },
      expected: { locale: 'de-DE', localeSource: 'browser', timeZone: 'Europe/Berlin', timeZoneSource: 'browser' },
    },
    {
      name: 'settings win over the browser',
      request: { acceptLanguage: 'de-DE', cookies: { locale: 'ja-JP', timeZone: 'Asia/Tokyo', browserTimeZone: 'Europe/Berlin' } },
      expected: { locale: 'ja-JP', localeSource: 'setting', timeZone: 'Asia/Tokyo', timeZoneSource: 'setting' },
    },
    {
      name: 'invalid cookies are ignored',
      request: { acceptLanguage: 'en-US', cookies: { locale: 'klingon!', timeZone: 'Nowhere/Land', browserTimeZone: '%%%' } },
      expected: { locale: 'en-US', localeSource: 'browser', timeZone: 'UTC', timeZoneSource: 'default' },
    },
    {
      name: 'an invalid chosen zone falls back to the browser zone',
      request: { acceptLanguage: 'fr-FR', cookies: { timeZone: 'x'.repeat(500), browserTimeZone: 'America/New_York' } },
      expected: { locale: 'fr-FR', localeSource: 'browser', timeZone: 'America/New_York', timeZoneSource: 'browser' },
    },
  ])('$name', ({ request, expected }) => {
    expect(resolveDatePreferences(request)).toEqual(expected);
  });
});
