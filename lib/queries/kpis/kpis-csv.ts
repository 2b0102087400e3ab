// The dashboard's CSV export: one row per KPI of GET /api/v1/kpis with the period and scope
// it was computed for, the previous period's value (the cards' comparison) and the rows
// behind it. RFC 4180: comma-separated, CRLF, fields quoted when they hold a comma, quote or
// line break. Values stay the API's exact decimal strings ("" for "—"), so a spreadsheet
// reads the same figures the screen shows.
import type { KpiResponse } from '../../http/schemas/kpis.ts';

export const KPI_CSV_COLUMNS = [
  'key', 'label', 'value', 'unit', 'currency', 'previous_value', 'period_from', 'period_to', 'as_of',
  'previous_from', 'previous_to', 'legal_entity', 'region', 'scope', 'rows', 'definition',
] as const;

function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One RFC 4180 record (no line break). */
export const csvLine = (values: readonly (string | number | null | undefined)[]) => values.map(field).join(',');

export function kpisCsv(current: KpiResponse, previous: KpiResponse): string {
  const before = new Map(previous.kpis.map((k) => [k.key, k.value]));
  const lines = current.kpis
    .map((k) => [
      k.key, k.label, k.value, k.unit, k.currency, before.get(k.key),
      current.period.from, current.period.to, current.period.asOf, previous.period.from, previous.period.to,
      current.legalEntityCode ?? 'all', current.region ?? 'all', k.scope, k.rows.description, k.docs,
    ],
  ).map(csvLine);
  return [KPI_CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/** A file name that says what the export holds: kpis_2026-10-01_2026-12-31_US01_USD.csv. */
export function kpisCsvFileName(current: KpiResponse): string {
  const through = new Date(new Date(current.period.to).getTime() - 86_400_000).toISOString().slice(0, 10);
  const scope = current.legalEntityCode ?? current.region ?? 'all';
  return `kpis_${current.period.from.slice(0, 10)}_${through}_${scope}_${current.currency}.csv`;
}
