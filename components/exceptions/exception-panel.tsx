// The side panel of the queue (URL ?selected=<id>, so it can be shared): the chosen
// exception's facts, its fix and triage tools, the engagement and lineage, the payloads of
// its events and its audit trail, with a link to the full page.
import Link from 'next/link';
import type { Principal } from '@/lib/auth/principal';
import { loadForPage } from '@/lib/http/load-for-page';
import { getExceptionWorkspace } from '@/lib/queries/exceptions/get-exception-context';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { formatAmount } from '@/components/ui/format-number';
import { DateText } from '@/components/ui/date-text';
import { AuditTrail, EventPayloads, ExceptionEntity } from './exception-context';
import { exceptionStatusLabels, exceptionStatusTones, ownerTeamLabels, recoverabilityLabels } from './exception-labels';
import type { PerformExceptionAction } from './exception-actions-panel';
import { ExceptionTriageTools } from './exception-triage-tools';
import type { FixExceptionInline } from './inline-fix-form';

export async function ExceptionPanel({ id, closeHref, principal, perform, fixInline }: {
  id: string;
  closeHref: string;
  principal: Principal;
  perform: PerformExceptionAction;
  fixInline: FixExceptionInline;
}) {
  const loaded = await loadForPage('exception panel', () => getExceptionWorkspace({ id }));
  const close = (
    <Link href={closeHref} scroll={false} className="text-sm text-ink-muted hover:text-ink" data-testid="close-panel">
      Close
    </Link>
  );
  if (!loaded.ok) {
    return (
      <aside aria-label="Exception details" className="space-y-3" data-testid="exception-panel">
        <ErrorState title={loaded.code === 'NOT_FOUND' ? 'No such exception' : 'This exception could not be loaded'} action={close}>{loaded.message}</ErrorState>
      </aside>
    );
  }
  const { exception: e, context, names } = loaded.data;
  return (
    <aside aria-labelledby="panel-heading" className="space-y-4" data-testid="exception-panel">
      <div className="rounded-card border border-line bg-surface p-4 shadow-card">
        <div className="flex items-start justify-between gap-3">
          <h2 id="panel-heading" className="text-base font-semibold text-ink">{e.title}</h2>
          {close}
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          <span className="font-mono text-ink-muted">{e.code}</span>
          <Badge tone={exceptionStatusTones[e.status]} testId="panel-status">{exceptionStatusLabels[e.status]}</Badge>
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          <div><dt className="text-xs text-ink-muted">Impact</dt><dd className="money text-ink">{formatAmount(e.financialImpact.amount)} {e.financialImpact.currency}</dd></div>
          <div><dt className="text-xs text-ink-muted">Recoverability</dt><dd className="text-ink">{recoverabilityLabels[e.recoverability]}</dd></div>
          <div><dt className="text-xs text-ink-muted">Owner team</dt><dd className="text-ink">{ownerTeamLabels[e.ownerTeam]}</dd></div>
          <div><dt className="text-xs text-ink-muted">Assignee</dt><dd className="text-ink">{e.assignee?.name ?? 'Unassigned'}</dd></div>
          <div><dt className="text-xs text-ink-muted">SLA due</dt><dd className="tabular-nums text-ink"><DateText value={e.slaDueAt} kind="instant" /></dd></div>
          <div><dt className="text-xs text-ink-muted">Seen</dt><dd className="tabular-nums text-ink">{e.occurrences} time(s)</dd></div>
        </dl>
        <p className="mt-3">
          <Link href={`/exceptions/${e.id}`} className="text-sm font-medium text-accent hover:text-accent-strong" data-testid="open-full-page">
            Open the full page
          </Link>
        </p>
      </div>
      <ExceptionTriageTools exception={e} context={context} principal={principal} perform={perform} fixInline={fixInline} />
      <ExceptionEntity context={context} idPrefix="panel" entity={`${e.entityType} ${e.entityId}`} />
      <EventPayloads payloads={context.payloads} idPrefix="panel" />
      <AuditTrail context={context} names={names} idPrefix="panel" />
    </aside>
  );
}
