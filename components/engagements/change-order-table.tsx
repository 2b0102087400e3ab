// An engagement's change orders, oldest first: each version with value, estimated cost and
// budget before and after, the reason, and how many invoices or revenue entries it touched.
import type { EngagementDetail } from '@/lib/http/schemas/engagements';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';

export function ChangeOrderTable({ changeOrders }: { changeOrders: EngagementDetail['changeOrders'] }) {
  if (changeOrders.length === 0) return <EmptyState title="No change orders">Approved change orders appear here with the value, cost and budget before and after.</EmptyState>;
  return (
    <DataTable
      label="Change orders"
      testId="change-orders"
      head={
        <>
          <Th>Change order</Th>
          <Th>Approved</Th>
          <Th align="right">Value before → after</Th>
          <Th align="right">Est. cost before → after</Th>
          <Th align="right">Budget h before → after</Th>
          <Th>Reason</Th>
          <Th>Touched</Th>
        </>
      }
    >
      {changeOrders.map((co) => (
        <tr key={co.id}>
          <td className="px-3 py-2">
            <span className="font-mono text-xs">{co.externalId}</span> <span className="text-xs text-ink-muted">v{co.version}</span>
            {co.status !== 'APPROVED' ? <div><Badge tone="muted">{co.status.toLowerCase()}</Badge></div> : null}
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={co.approvedAt} kind="instant-day" /></td>
          <td className="whitespace-nowrap px-3 py-2 text-right">
            <Money amount={co.before.value} currency={co.currency} showCurrency={false} /> → <Money amount={co.after.value} currency={co.currency} />
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-right">
            <Money amount={co.before.estimatedCost} currency={co.currency} showCurrency={false} /> → <Money amount={co.after.estimatedCost} currency={co.currency} showCurrency={false} />
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
            {co.before.budgetHours ?? '—'} → {co.after.budgetHours ?? '—'}
          </td>
          <td className="max-w-xs px-3 py-2 text-ink-muted">{co.reason ?? '—'}</td>
          <td className="px-3 py-2 text-xs text-ink-muted">{co.touched.length === 0 ? 'Nothing billed yet' : summarizeTouched(co.touched)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function summarizeTouched(touched: { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const t of touched) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}
