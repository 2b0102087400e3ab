// Schemas of GET /api/v1/kpis?from=&to=&legalEntityCode=&currency=: every KPI of
// DESIGN.md §10 with its value and the rows behind it. Definitions: docs/KPIS.md.
import { z } from 'zod';
import { isIsoDate } from '../../domain/periods/calendar-date.ts';
import { isKnownCurrency } from '../../domain/money/currency.ts';
import { currencyCode, dateTime, decimalString } from './response-fields.ts';

/** A calendar day (midnight UTC) or an RFC 3339 instant; KPIs are reported by whole UTC days, so an instant must be a midnight UTC. */
const instant = z
  .string()
  .trim()
  .refine((text) => (isIsoDate(text) || /^\d{4}-\d{2}-\d{2}T/.test(text)) && !Number.isNaN(Date.parse(isIsoDate(text) ? `${text}T00:00:00Z` : text)), 'Expected YYYY-MM-DD or an RFC 3339 timestamp.')
  .transform((text) => new Date(isIsoDate(text) ? `${text}T00:00:00Z` : text));

export const kpiQuerySchema = z
  .object({
    from: instant.optional().describe('First day of the period (YYYY-MM-DD, inclusive). Default: 90 days before `to`.'),
    to: instant.optional().describe('End of the period (exclusive): 2026-04-01 means "through 31 March". Default: the end of today (the coming midnight UTC).'),
    legalEntityCode: z.string().trim().min(1).max(20).optional().describe('Only this legal entity, e.g. US01. Technical KPIs are always for the whole installation.'),
    region: z.string().trim().min(1).max(20).optional().describe('Only the legal entities of this reporting region (LegalEntity.region: AMER, EMEA, APAC). With legalEntityCode, the entity must be in it.'),
    currency: z
      .string()
      .trim()
      .transform((code) => code.toUpperCase())
      .refine(isKnownCurrency, 'Expected an ISO 4217 currency code, e.g. "EUR".')
      .optional()
      .describe('Reporting currency. Default USD (the group currency); another is converted from USD at the rate of the period\'s last day.'),
  })
  .refine((q) => !q.from || !q.to || q.from.getTime() < q.to.getTime(), { path: ['from'], message: '`from` must be before `to`.' });

export type KpiQuery = z.output<typeof kpiQuerySchema>;

/** GET /api/v1/kpis/export: the same query; the CSV also carries the previous period's values. */
export const kpiExportQuerySchema = kpiQuerySchema;

export const kpiUnits = ['ms', 'ratio', 'count', 'events_per_second', 'days', 'money', 'hours'] as const;

export const kpiSchema = z.object({
  key: z.string().describe('Stable identifier, e.g. "dso".'),
  label: z.string(),
  value: decimalString.nullable().describe('The headline figure as an exact decimal string; null ("—") when undefined, e.g. a ratio over nothing.'),
  unit: z.enum(kpiUnits).describe('ratio: a fraction (0.875 = 87.5 %); money: in `currency`.'),
  currency: currencyCode.optional().describe('For money figures (value and money in the breakdown).'),
  scope: z.enum(['installation', 'legal-entity']).describe('Technical KPIs cover the whole installation whatever legalEntityCode says.'),
  breakdown: z.record(z.string(), z.unknown()).optional().describe('The parts of the figure (counts, buckets, per code, per engagement…).'),
  rows: z.object({
    api: z.string().optional().describe('An operations-API call listing the rows, where one exists.'),
    description: z.string().describe('The canonical table and conditions that list the rows (docs/KPIS.md, "rows").'),
  }),
  docs: z.string().describe('Where the definition lives: docs/KPIS.md#<section>.'),
  warnings: z.array(z.string()).optional().describe('E.g. amounts left out for want of an FX rate.'),
});

export const kpiResponseSchema = z.object({
  period: z.object({ from: dateTime, to: dateTime, asOf: dateTime.describe('Snapshot figures are read at this instant: the period\'s end, or now when the period has not ended.') }),
  legalEntityCode: z.string().nullable(),
  region: z.string().nullable(),
  currency: currencyCode,
  fx: z.object({ rate: decimalString, rateDate: z.string().nullable() }).nullable().describe('USD → currency rate applied to money figures; null for USD.'),
  kpis: z.array(kpiSchema),
});

export type KpiResponse = z.infer<typeof kpiResponseSchema>;
export type KpiFigure = z.infer<typeof kpiSchema>;
