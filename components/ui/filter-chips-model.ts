// The active filters of a list page as chips ("Issued 1 – 30 Sept 2026 · US01 ×"): what a
// dashboard drill-down (or a person) put in the URL, each removable on its own. Pure, so the
// labels are unit-tested; filter-chips.tsx draws them.

export interface FilterChip {
  /** What the chip says. */
  label: string;
  /** The URL parameters removing it clears. */
  keys: string[];
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
// A URL can hold anything: a value that is not a day is shown as written (the list says why it is refused).
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(utcDay(text).getTime());
const dayText = (text: string) => (isDay(text) ? dayFormat.format(utcDay(text)) : text);

/** "<Verb> 1 – 30 Sept 2026" for `<prefix>From`/`<prefix>To` (either may be missing). */
export function periodChip(params: URLSearchParams, prefix: string, verb: string): FilterChip | null {
  const [fromKey, toKey] = [`${prefix}From`, `${prefix}To`];
  const from = params.get(fromKey);
  const to = params.get(toKey);
  if (!from && !to) return null;
  const label =
    from && to
      ? isDay(from) && isDay(to) && from <= to
        ? dayFormat.formatRange(utcDay(from), utcDay(to))
        : `${dayText(from)} – ${dayText(to)}`
      : from
        ? `from ${dayText(from)}`
        : `until ${dayText(to!)}`;
  // ICU puts thin spaces around the range's dash: plain ones read (and match) the same everywhere.
  return { label: `${verb} ${label.replace(/\s/gu, ' ')}`, keys: [fromKey, toKey] };
}

/** A chip for one parameter, its values (a comma list) named by `names`. */
export function valueChip(params: URLSearchParams, key: string, name: (value: string) => string = (v) => v, prefix = ''): FilterChip | null {
  const raw = params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (raw.length === 0) return null;
  return { label: `${prefix}${raw.map(name).join(', ')}`, keys: [key] };
}

/** Labels from a record, the raw value when the record does not know it. */
export const labelFrom = (labels: Record<string, string>) => (value: string) => labels[value] ?? value;

export const activeChips = (chips: readonly (FilterChip | null)[]): FilterChip[] => chips.filter((c): c is FilterChip => c !== null);
