'use client';
// Prints the dashboard with its print stylesheet (no navigation, cards in a grid, charts sized for A4).
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent" data-testid="print-dashboard">
      Print
    </button>
  );
}
