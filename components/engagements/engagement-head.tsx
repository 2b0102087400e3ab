// The head of an engagement's page: who, where, how it bills, and its money at a glance —
// contract, plan and actuals side by side (all in the engagement's currency).
import type { EngagementDetail } from '@/lib/http/schemas/engagements';
import type { EngagementDelivery } from '@/lib/queries/engagements/engagement-delivery';
import { dec } from '@/lib/domain/money/decimal';
import { Money } from '@/components/ui/money';
import { StatGrid } from '@/components/ui/stat-grid';
import { plannedMargin } from './engagement-table';

export function EngagementHead({ engagement: e, delivery }: { engagement: EngagementDetail; delivery: EngagementDelivery | null }) {
  const c = e.currency;
  const plan = plannedMargin(e.value, e.estimatedCost);
  const actual = delivery ? plannedMargin(e.recognized, delivery.actualCost) : null;
  const money = (amount: string | null) => <Money amount={amount} currency={c} />;
  return (
    <StatGrid
      label="Engagement money"
      items={[
        { label: 'Value', value: money(e.value), hint: e.budgetHours ? `${e.budgetHours} h budget` : undefined, testId: 'stat-value' },
        { label: 'Estimated cost', value: money(e.estimatedCost) },
        { label: 'Margin (plan)', value: plan ? money(plan.amount) : '—', hint: plan?.percent },
        { label: 'Billed', value: money(e.billed), hint: `${e.billedExcludingTax} excl. tax`, testId: 'stat-billed' },
        { label: 'Recognized', value: money(e.recognized) },
        { label: 'Collected', value: money(e.collected), testId: 'stat-collected' },
        {
          label: 'Unbilled',
          value: money(e.unbilled),
          hint: `time ${e.unbilledBreakdown.time} · milestones ${e.unbilledBreakdown.milestones} · usage ${e.unbilledBreakdown.usage} · expenses ${e.unbilledBreakdown.expenses}`,
          testId: 'stat-unbilled',
        },
        { label: 'Unbilled receivable', value: money(e.unbilledReceivable), hint: 'Recognized, not yet invoiced' },
        { label: 'Deferred revenue', value: money(e.deferredRevenue), hint: 'Invoiced ahead of revenue' },
        {
          label: 'Actual cost to date',
          value: delivery ? money(delivery.actualCost) : '—',
          hint: delivery && delivery.costInOtherCurrencies > 0 ? `${delivery.costInOtherCurrencies} cost rows in other currencies not included` : 'Time at cost + expenses',
        },
        { label: 'Margin to date', value: actual && !dec(e.recognized).isZero() ? money(actual.amount) : '—', hint: actual && !dec(e.recognized).isZero() ? `${actual.percent} of recognized` : 'Once revenue is recognized' },
      ]}
    />
  );
}
