// A period of days in a query: `<prefix>From` and `<prefix>To` (YYYY-MM-DD, both included),
// as the dashboard's drill-downs write them (issuedFrom/issuedTo, activatedFrom/…).
import { z } from 'zod';

const day = z.iso.date().optional();

export const dayPeriod = <P extends string>(prefix: P, what: string) =>
  ({
    [`${prefix}From`]: day.describe(`First day ${what} (YYYY-MM-DD, UTC).`),
    [`${prefix}To`]: day.describe(`Last day ${what}, included.`),
  }) as Record<`${P}From` | `${P}To`, typeof day>;

/** A refinement that refuses a period whose first day is after its last. */
export const periodsInOrder = (prefixes: readonly string[]) => (query: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const prefix of prefixes) {
    const [from, to] = [query[`${prefix}From`], query[`${prefix}To`]];
    if (typeof from === 'string' && typeof to === 'string' && from > to) ctx.addIssue({ code: 'custom', path: [`${prefix}From`], message: `${prefix}From is after ${prefix}To.` });
  }
};
