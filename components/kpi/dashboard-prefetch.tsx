// Server side of the dashboard's widgets: reads the KPIs (memoised per request with React's
// cache, so the cards and the charts share one computation) and hydrates them under the keys
// the client widgets use, or shows the widget's error state (PrefetchedWidget).
import { cache, type ReactNode } from 'react';
import { AppError, isAppError } from '@/lib/errors';
import { kpiSeriesQuerySchema } from '@/lib/http/schemas/kpi-series';
import { kpiQuerySchema } from '@/lib/http/schemas/kpis';
import { searchParamsToObject } from '@/lib/http/search-params';
import { getKpis } from '@/lib/queries/kpis/get-kpis';
import { getKpiSeries } from '@/lib/queries/kpis/series/get-kpi-series';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import { kpiSeriesKey, kpisKey } from './kpi-queries';

const asObject = (query: string) => searchParamsToObject(new URLSearchParams(query));

const loadKpis = cache((query: string) => getKpis({ ...kpiQuerySchema.parse(asObject(query)), now: new Date() }));
const loadSeries = cache((query: string) => getKpiSeries({ ...kpiSeriesQuerySchema.parse(asObject(query)), now: new Date() }));

/** A refused filter says which one and why ("Legal entity US01 is in region AMER, not EMEA."), not only that one was refused. */
export async function withParameterMessage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const first = isAppError(error) ? (error.details as { errors?: { message?: string }[] } | undefined)?.errors?.[0]?.message : undefined;
    if (isAppError(error) && error.code === 'VALIDATION_FAILED' && first) throw new AppError('VALIDATION_FAILED', first, { cause: error });
    throw error;
  }
}

export interface Prefetch {
  kpis?: string[];
  series?: string;
}

export function Prefetched({ what, prefetch, children }: { what: string; prefetch: Prefetch; children: ReactNode }) {
  const kpiQueries = prefetch.kpis ?? [];
  return (
    <PrefetchedWidget
      what={what}
      load={() => withParameterMessage(async () => {
        const [kpis, series] = await Promise.all([Promise.all(kpiQueries.map((q) => loadKpis(q))), prefetch.series ? loadSeries(prefetch.series) : null]);
        return { kpis, series };
      })}
      hydrate={({ kpis, series }) => [...kpiQueries.map((query, i) => [kpisKey(query), kpis[i]] as const), ...(prefetch.series ? [[kpiSeriesKey(prefetch.series), series] as const] : [])]}
      failedTitle={`The ${what} could not be loaded`}
    >
      {children}
    </PrefetchedWidget>
  );
}
