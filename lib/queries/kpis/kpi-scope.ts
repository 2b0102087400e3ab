// The window and scope every KPI is computed over (docs/KPIS.md "Conventions"): [from, to)
// in whole UTC days (the daily KPI facts are added up by day), snapshots at asOf (the
// period's end, or now while it runs), an optional legal entity or reporting region (the legal
// entities of a region, LegalEntity.region), and the reporting currency. Figures are added in USD, each amount at its own
// date's rate; another reporting currency converts the USD totals at the rate of the
// period's last day (one translation rate for the whole report, as a finance pack does).
import { pgPool } from '../../db/client.ts';
import { findFxRate, GROUP_CURRENCY } from '../../domain/exceptions/group-currency.ts';
import { DAY_MS, utcDay, type Period } from '../../domain/kpis/kpi-period.ts';
import { dec, type Decimal } from '../../domain/money/decimal.ts';
import { AppError } from '../../errors.ts';

export const DEFAULT_KPI_DAYS = 90;

export interface KpiScope {
  period: Period;
  /** The period's first and last UTC day (inclusive). */
  firstDay: string;
  lastDay: string;
  /** The last day the rollup job stored facts for; null before its first run. */
  rolledThrough: string | null;
  asOf: Date;
  /** The legal entities in scope; null = every one. */
  legalEntityIds: string[] | null;
  legalEntityCode: string | null;
  region: string | null;
  currency: string;
  /** USD → reporting currency; 1 for USD. */
  fxRate: Decimal;
  fxRateDate: string | null;
}

/** The period asked for, with the defaults: through today (to = the coming midnight), the 90 days before. */
export function kpiPeriodOf(options: { from?: Date; to?: Date; now: Date }): Period {
  const to = options.to ?? new Date((Math.floor(options.now.getTime() / DAY_MS) + 1) * DAY_MS);
  return { from: options.from ?? new Date(to.getTime() - DEFAULT_KPI_DAYS * DAY_MS), to };
}

export async function resolveKpiScope(options: { from?: Date; to?: Date; legalEntityCode?: string; region?: string; currency?: string; now: Date }): Promise<KpiScope> {
  const { now } = options;
  const { from, to } = kpiPeriodOf(options);
  assertWholeDay('from', from);
  assertWholeDay('to', to);
  if (!(from.getTime() < to.getTime())) throw invalid('from', '`from` must be before `to`.');
  if (to.getTime() - from.getTime() > 5 * 366 * DAY_MS) throw invalid('from', 'A KPI period is at most five years long.');
  const asOf = to.getTime() < now.getTime() ? to : now;

  const legalEntityIds = await legalEntitiesInScope(options);

  const { rows: rollup } = await pgPool().query<{ through: string }>(`SELECT to_char(through, 'YYYY-MM-DD') AS through FROM "KpiRollup" WHERE id = 'daily'`);
  const days = { firstDay: utcDay(from), lastDay: utcDay(new Date(to.getTime() - DAY_MS)), rolledThrough: rollup[0]?.through ?? null };
  const common = { period: { from, to }, ...days, asOf, legalEntityIds, legalEntityCode: options.legalEntityCode ?? null, region: options.region ?? null };

  const currency = (options.currency ?? GROUP_CURRENCY).toUpperCase();
  if (currency === GROUP_CURRENCY) return { ...common, currency, fxRate: dec(1), fxRateDate: null };
  const { lastDay } = days;
  const { rows } = await pgPool().query<{ baseCurrency: string; quoteCurrency: string; rateDate: string; rate: string }>(
    `SELECT "baseCurrency", "quoteCurrency", to_char("rateDate", 'YYYY-MM-DD') AS "rateDate", rate::text AS rate FROM "FxRate"
      WHERE (("baseCurrency" = $1 AND "quoteCurrency" = 'USD') OR ("baseCurrency" = 'USD' AND "quoteCurrency" = $1)) AND "rateDate" <= $2::date
      ORDER BY "rateDate" DESC LIMIT 4`,
    [currency, lastDay],
  );
  // Stored X → USD; reporting needs USD → X: the inverse of a direct quote.
  const choice = findFxRate(rows, GROUP_CURRENCY, currency, lastDay);
  if (!choice) throw invalid('currency', `No ${currency}/USD rate on or before ${lastDay}.`);
  const fxRate = choice.inverse ? dec(1).dividedBy(choice.rate) : dec(choice.rate);
  return { ...common, currency, fxRate, fxRateDate: choice.rateDate };
}

/** The ids of the legal entity asked for, or of every entity of the region; null when neither is asked for. */
async function legalEntitiesInScope(options: { legalEntityCode?: string; region?: string }): Promise<string[] | null> {
  const { legalEntityCode: code, region } = options;
  if (!code && !region) return null;
  if (code) {
    const { rows } = await pgPool().query<{ id: string; region: string }>('SELECT id::text, region FROM "LegalEntity" WHERE code = $1', [code]);
    if (!rows[0]) throw invalid('legalEntityCode', `No legal entity ${code}.`);
    if (region && rows[0].region !== region) throw invalid('region', `Legal entity ${code} is in region ${rows[0].region}, not ${region}.`);
    return [rows[0].id];
  }
  const { rows } = await pgPool().query<{ id: string }>('SELECT id::text FROM "LegalEntity" WHERE region = $1 ORDER BY code', [region]);
  if (rows.length === 0) throw invalid('region', `No legal entity in region ${region}.`);
  return rows.map((r) => r.id);
}

/** KPIs are reported by whole UTC days: anything but a midnight UTC is a 400 naming the parameter. */
export function assertWholeDay(parameter: string, at: Date): void {
  if (at.getTime() % DAY_MS !== 0) throw invalid(parameter, 'KPIs are reported by whole UTC days: give a date (YYYY-MM-DD) or a midnight UTC.');
}

function invalid(parameter: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The query parameters are not valid.', { details: { errors: [{ parameter, message }] } });
}
