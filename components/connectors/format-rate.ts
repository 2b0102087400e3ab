// A success rate as people read it: "99.2 %", "100 %", or a dash when nothing was judged.
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const percent = rate * 100;
  // Never round a failure away: 99.96 % shows as 99.9 %, not 100 %.
  const shown = percent === 100 ? '100' : (Math.floor(percent * 10) / 10).toFixed(1);
  return `${shown} %`;
}
