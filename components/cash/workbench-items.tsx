// The workbench's receipts: each with its unapplied cash, what the payer wrote, and the
// invoices it most likely pays with the evidence for each; FINANCE's apply form beside each
// suggestion when `apply` is given (other roles see the same suggestions without it).
import Link from 'next/link';
import type { WorkbenchItem } from '@/lib/queries/cash/unapplied-workbench';
import { Badge } from '@/components/ui/badge';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { ApplyCashForm, type ApplyCash } from './apply-cash-form';
import { evidenceLabels, receiptStatusLabels, receiptStatusTones } from './money-labels';

export function WorkbenchItems({ items, apply }: { items: WorkbenchItem[]; apply: ApplyCash | null }) {
  return (
    <ul className="space-y-4" data-testid="workbench">
      {items.map(({ receipt: r, suggestions, reference, unappliedExact }) => (
        <li key={r.id} className="rounded-card border border-line bg-surface p-4 shadow-card" data-testid="workbench-receipt" data-payment={r.paymentId}>
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <div>
              <p className="font-medium text-ink">{r.payer}</p>
              <p className="text-xs text-ink-muted">
                <span className="font-mono">{r.paymentId}</span> · {r.sourceSystem} · received <DateText value={r.receivedAt} kind="instant-day" />
                {r.legalEntityCode ? ` · ${r.legalEntityCode}` : ''}
              </p>
              {reference ? <p className="mt-1 text-xs text-ink-muted">Remittance: <span className="font-mono">{reference}</span></p> : null}
            </div>
            <div className="text-right">
              <p className="text-lg font-semibold" data-testid="receipt-unapplied"><Money amount={r.unapplied} currency={r.currency} /></p>
              <p className="text-xs text-ink-muted">unapplied of <Money amount={r.amount} currency={r.currency} showCurrency={false} /> <Badge tone={receiptStatusTones[r.status]}>{receiptStatusLabels[r.status]}</Badge></p>
            </div>
          </div>
          {suggestions.length === 0 ? (
            <p className="mt-3 text-sm text-ink-muted">No likely invoice: no open invoice in {r.currency} matches the amount, the remittance or the payer. Keep it on account or refund it from its exception.</p>
          ) : (
            <table className="mt-3 w-full text-left text-sm" aria-label={`Suggested invoices for payment ${r.paymentId}`}>
              <thead className="text-xs uppercase tracking-wide text-ink-muted">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">Invoice</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Why</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">Balance due</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">Score</th>
                  {apply ? <th scope="col" className="py-1 font-medium">Apply</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {suggestions.map((s) => (
                  <tr key={s.invoice.id} data-testid="suggestion" data-invoice={s.invoice.number}>
                    <td className="py-2 pr-3">
                      <Link href={`/invoices/${s.invoice.id}`} className="font-medium text-ink hover:text-accent-strong">{s.invoice.number}</Link>
                      <div className="text-xs text-ink-muted">{s.invoice.clientName} · {s.invoice.engagementCode} · due <DateText value={s.invoice.dueDate} kind="business-date" /></div>
                    </td>
                    <td className="py-2 pr-3">
                      <span className="flex flex-wrap gap-1">{s.evidence.map((e) => <Badge key={e} tone={e === 'AMOUNT_EXACT' || e === 'REFERENCE' ? 'accent' : 'neutral'}>{evidenceLabels[e]}</Badge>)}</span>
                    </td>
                    <td className="py-2 pr-3 text-right"><Money amount={s.invoice.balanceDue} currency={r.currency} /></td>
                    <td className="py-2 pr-3 text-right tabular-nums text-ink-muted">{s.score}</td>
                    {apply ? (
                      <td className="py-2">
                        <ApplyCashForm receiptId={r.id} invoiceId={s.invoice.id} invoiceNumber={s.invoice.number} amount={s.applyAmount} expectedUnapplied={unappliedExact} apply={apply} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ul>
  );
}
