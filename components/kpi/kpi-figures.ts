// The figures the dashboard shows, by key: the API's KPIs, with billed and collected split
// into two cards (collected is the breakdown's second figure). Plain module: the server
// (KPI pages) and the client widgets both use it.
import type { KpiFigure, KpiResponse } from '@/lib/http/schemas/kpis';

/** Billed and collected's second figure as a card of its own. */
function collectedFigure(response: KpiResponse): KpiFigure | undefined {
  const billed = response.kpis.find((k) => k.key === 'billedAndCollected');
  const collected = (billed?.breakdown as { collected?: string } | undefined)?.collected;
  if (!billed || collected === undefined) return undefined;
  return { ...billed, key: 'collected', label: 'Collected (cash applied)', value: collected, breakdown: undefined };
}

export function figuresOf(response: KpiResponse | undefined): Map<string, KpiFigure> {
  if (!response) return new Map();
  const all = new Map(response.kpis.map((k) => [k.key, k]));
  const collected = collectedFigure(response);
  if (collected) all.set('collected', collected);
  const billed = all.get('billedAndCollected');
  if (billed) all.set('billedAndCollected', { ...billed, label: 'Billed' });
  return all;
}
