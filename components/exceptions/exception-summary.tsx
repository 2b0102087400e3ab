// The facts of one exception (DESIGN.md §7): what it concerns, who owns it, the money it
// holds up, how often it was seen, and its deadline.
import type { ExceptionDetail } from '@/lib/queries/exceptions/get-exception';
import { DateText } from '@/components/ui/date-text';
import { formatAmount, formatCount } from '@/components/ui/format-number';
import { ownerTeamLabels, recoverabilityLabels } from './exception-labels';

export function ExceptionSummary({ exception: e }: { exception: ExceptionDetail }) {
  const facts: [string, React.ReactNode][] = [
    ['Concerns', `${e.entityType} ${e.entityId}`],
    ['Recoverability', recoverabilityLabels[e.recoverability]],
    ['Owner team', ownerTeamLabels[e.ownerTeam]],
    ['Financial impact', <span key="impact" className="money">{formatAmount(e.financialImpact.amount)} {e.financialImpact.currency}</span>],
    ...(e.impact && e.impact.currency !== e.financialImpact.currency
      ? [['Original amount', <span key="original" className="money">{formatAmount(e.impact.amount)} {e.impact.currency}</span>] as [string, React.ReactNode]]
      : []),
    ['Assignee', e.assignee?.name ?? 'Unassigned'],
    ['Occurrences', formatCount(e.occurrences)],
    ['First seen', <DateText key="first" value={e.firstSeenAt} kind="instant" />],
    ['Last seen', <DateText key="last" value={e.lastSeenAt} kind="instant" />],
    ['SLA due', <DateText key="sla" value={e.slaDueAt} kind="instant" />],
    ['Correlation id', e.correlationId ?? '—'],
    ...(e.resolution ? [['Resolution', e.resolution] as [string, React.ReactNode]] : []),
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-card border border-line bg-surface p-5 text-sm shadow-card sm:grid-cols-2" data-testid="exception-summary">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium uppercase tracking-wide text-ink-muted">{term}</dt>
          <dd className="mt-0.5 break-words text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
