// What a table shows while its rows load on the server (the Suspense fallback).
export function TableSkeleton({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="overflow-hidden rounded-card border border-line bg-surface shadow-card">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-4 border-b border-line px-4 py-3 last:border-b-0">
          <div className="h-4 w-1/4 animate-pulse rounded bg-sunken" />
          <div className="h-4 flex-1 animate-pulse rounded bg-sunken" />
          <div className="h-4 w-1/6 animate-pulse rounded bg-sunken" />
        </div>
      ))}
    </div>
  );
}
