import { describe, expect, it } from 'vitest';
import { datePreferencesSchema } from './date-preferences.ts';

describe('datePreferencesSchema', () => {
  it.each([
    [{ locale: '', timeZone: '' }, { locale: null, timeZone: null }],
    [{ locale: 'de-de', timeZone: 'europe/berlin' }, { locale: 'de-DE', timeZone: 'Europe/Berlin' }],
    [{ locale: ' ja-JP ', timeZone: 'UTC' }, { locale: 'ja-JP', timeZone: 'UTC' }],
  ])('%o → %o', (input, expected) => {
    expect(datePreferencesSchema.parse(input)).toEqual(expected);
  });

  it.each([
    [{ locale: 'tlh', timeZone: '' }, ['locale'], /offered languages/],
    [{ locale: '', timeZone: 'Mars/Base' }, ['timeZone'], /"Mars\/Base" is not a time zone/],
    [{ timeZone: '' }, ['locale'], /string/i],
  ])('%o is refused with a message on %o', (input, path, message) => {
    const result = datePreferencesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(path);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});
