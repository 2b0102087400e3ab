// What the dashboard shows while its figures are computed on the server (Suspense fallbacks).
export function CardsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the KPIs" className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" data-testid="kpi-cards-loading">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-36 rounded-card border border-line bg-surface p-4 shadow-card">
          <div className="h-3 w-1/2 animate-pulse rounded bg-sunken" />
          <div className="mt-4 h-7 w-2/3 animate-pulse rounded bg-sunken" />
          <div className="mt-6 h-10 animate-pulse rounded bg-sunken" />
        </div>
      ))}
    </div>
  );
}

export function ChartsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the charts" className="grid gap-4 lg:grid-cols-2">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-72 animate-pulse rounded-card border border-line bg-surface shadow-card" />
      ))}
    </div>
  );
}
