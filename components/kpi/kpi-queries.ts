// The dashboard's TanStack Query keys and browser fetchers. The page prefetches the same
// keys on the server (dashboard-prefetch.tsx) and hydrates them, so the browser fetches only
// when a query goes stale; then it reads the same operations API any tool can call.
import type { KpiSeriesResponse } from '@/lib/http/schemas/kpi-series';
import type { KpiResponse } from '@/lib/http/schemas/kpis';

export const kpisKey = (query: string) => ['kpis', query] as const;
export const kpiSeriesKey = (query: string) => ['kpi-series', query] as const;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    throw new Error(problem?.detail ?? problem?.title ?? `The KPIs could not be loaded (HTTP ${response.status}).`);
  }
  return (await response.json()) as T;
}

export const fetchKpis = (query: string) => getJson<KpiResponse>(`/api/v1/kpis?${query}`);
export const fetchKpiSeries = (query: string) => getJson<KpiSeriesResponse>(`/api/v1/kpis/series?${query}`);
