// Numbers shown in the console. Amounts arrive as exact decimal strings and are grouped
// as text, so no float ever touches them on the way to the screen.

/** "1234567.5" → "1,234,567.50" (at least `minScale` decimals; extra ones are kept). */
export function formatAmount(amount: string, minScale = 2): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction.padEnd(minScale, '0');
  // A currency without minor units (JPY) shows no decimal point at all.
  return decimals ? `${sign}${grouped}.${decimals}` : `${sign}${grouped}`;
}

/** Milliseconds as people read them: 850 ms, 2.4 s, 3.2 min, 5.1 h. */
export function formatDuration(ms: number | null | undefined, fallback = '—'): string {
  if (ms === null || ms === undefined) return fallback;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const integerFormat = new Intl.NumberFormat('en-GB');

export function formatCount(value: number): string {
  return integerFormat.format(value);
}
