// What approving an UNBILLED_APPROVED_TIME exception writes off, shown before FINANCE
// confirms: the entries the reconciliation run found overdue that are still unbilled, priced
// as the invoice would have priced them (one line per week, role and rate). The figures are
// the decision's own reading (lib/services/billing/load-overdue-time.ts), so what is shown is
// what is written off unless the time is billed in between.
import type { TimeWriteOffPreview } from '@/lib/queries/exceptions/get-exception-context';
import { formatMoney, Money } from '@/components/ui/money';

export function writeOffButtonLabel(preview: TimeWriteOffPreview | null): string | undefined {
  if (!preview || preview.plan.entries === 0) return undefined;
  return `Approve: write off ${formatMoney(preview.plan.amount, preview.plan.currency)}`;
}

export function WriteOffPreview({ preview }: { preview: TimeWriteOffPreview }) {
  const { plan } = preview;
  const found = preview.asOf.slice(0, 10);
  if (plan.entries === 0) {
    return (
      <p className="mt-3 rounded-md border border-line bg-canvas p-3 text-sm text-ink" data-testid="write-off-preview">
        Nothing is left to write off: the time the run of {found} found has been billed since. Approving records the decision only.
      </p>
    );
  }
  return (
    <div className="mt-3 space-y-2 rounded-md border border-line bg-canvas p-3" data-testid="write-off-preview">
      <p className="text-sm text-ink">
        <span className="font-medium">Approving writes off</span> {plan.entries} {plan.entries === 1 ? 'entry' : 'entries'} ({plan.hours} h) of approved time on {preview.engagementCode}:{' '}
        <Money amount={plan.amount} currency={plan.currency} className="font-semibold" /> that billing will never invoice, counted as a write-off in revenue leakage.
        Rejecting keeps it billable for the next invoice run.
      </p>
      {plan.lines.length > 0 ? (
        // A list, not a table: the panel is narrow, and each line reads as the invoice line it replaces.
        <ul className="space-y-1 text-xs text-ink" aria-label="Time to write off, as billing would have invoiced it" data-testid="write-off-lines">
          {plan.lines.map((line) => (
            <li key={`${line.billingPeriodKey}|${line.role}|${line.rate}`} className="flex flex-wrap justify-between gap-x-2">
              <span>
                <span className="font-mono">{line.billingPeriodKey}</span> {line.role}: {line.hours} h × {line.rate}
              </span>
              <Money amount={line.amount} currency={plan.currency} showCurrency={false} />
            </li>
          ))}
        </ul>
      ) : null}
      {plan.unpriced.length > 0 ? (
        <p className="text-xs text-ink-muted">
          {plan.unpriced.length} {plan.unpriced.length === 1 ? 'entry has' : 'entries have'} no amount and {plan.unpriced.length === 1 ? 'is' : 'are'} written off without one:{' '}
          {plan.unpriced.map((u) => `${u.workDate} ${u.hours} h (${u.message})`).join('; ')}.
        </p>
      ) : null}
      <p className="text-xs text-ink-muted">Found overdue by the reconciliation run of {found}; time billed since is left out.</p>
    </div>
  );
}
