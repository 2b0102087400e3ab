// The dashboard's TanStack Query keys and browser fetchers. The page prefetches the same
// keys on the server (dashboard-prefetch.tsx) and hydrates them, so the browser fetches only
// when a query goes stale; then it reads the same operations API any tool can call.
import type { KpiSeriesResponse } from '@/lib/http/schemas/kpi-series';
import type { KpiResponse } from '@/lib/http/schemas/kpis';
import { fetchApi } from '@/components/ui/fetch-api';

export const kpisKey = (query: string) => ['kpis', query] as const;
export const kpiSeriesKey = (query: string) => ['kpi-series', query] as const;

export const fetchKpis = (query: string) => fetchApi<KpiResponse>(`/api/v1/kpis?${query}`, 'The KPIs could not be loaded');
export const fetchKpiSeries = (query: string) => fetchApi<KpiSeriesResponse>(`/api/v1/kpis/series?${query}`, 'The KPIs could not be loaded');
