// The settings form's date preferences: a supported locale and an IANA time zone, each
// optional (empty = follow the browser).
import { z } from 'zod';
import { supportedLocale, supportedLocales, validTimeZone } from '../../preferences/date-preferences.ts';

/** An empty string (follow the browser → null) or a value `resolve` accepts, in its canonical form. */
function optionalChoice(resolve: (value: string) => string | null, message: (value: string) => string) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null;
      const resolved = resolve(value);
      if (!resolved) ctx.addIssue({ code: 'custom', message: message(value) });
      return resolved;
    });
}

export const datePreferencesSchema = z.object({
  locale: optionalChoice(supportedLocale, () => `Choose one of the offered languages (${supportedLocales.map((l) => l.tag).join(', ')}).`),
  timeZone: optionalChoice(validTimeZone, (value) => `"${value.slice(0, 60)}" is not a time zone; choose one from the list (an IANA name such as Europe/Berlin).`),
});

export type DatePreferencesInput = z.input<typeof datePreferencesSchema>;
