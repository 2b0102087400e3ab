// Dates the scenario scripts count with (2026, UTC).
const LAST_DAY: Record<string, string> = { '01': '31', '02': '28', '03': '31', '04': '30', '05': '31', '06': '30', '07': '31', '08': '31', '09': '30', '10': '31', '11': '30', '12': '31' };

/** The month's last day, e.g. monthEnd('02') = '2026-02-28'. */
export const monthEnd = (month: string) => `2026-${month}-${LAST_DAY[month]}`;

export const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
