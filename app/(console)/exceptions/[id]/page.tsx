// One exception: its facts, the engagement and lineage, the events it holds with their
// payloads, its history and audit trail, the inline fix when the fix is a choice, and the
// triage buttons the signed-in role may use (the services check again).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels } from '@/lib/auth/permissions';
import { loadForPage } from '@/lib/http/load-for-page';
import { getExceptionWorkspace } from '@/lib/queries/exceptions/get-exception-context';
import { ActionHistory } from '@/components/exceptions/action-history';
import { availableActions } from '@/components/exceptions/available-actions';
import { ExceptionActionsPanel } from '@/components/exceptions/exception-actions-panel';
import { WriteOffPreview, writeOffButtonLabel } from '@/components/exceptions/write-off-preview';
import { AuditTrail, EventPayloads, ExceptionEntity } from '@/components/exceptions/exception-context';
import { InlineFixForm } from '@/components/exceptions/inline-fix-form';
import { exceptionStatusLabels, exceptionStatusTones } from '@/components/exceptions/exception-labels';
import { ExceptionSummary } from '@/components/exceptions/exception-summary';
import { LinkedEventsTable } from '@/components/exceptions/linked-events-table';
import { PushCorrectionSection } from '@/components/exceptions/push-correction-section';
import { AccessDenied } from '@/components/ui/access-denied';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { fixExceptionFromPage } from '../triage-actions';
import { performExceptionActionFromPage } from './actions';
import { correctionActionFromPage } from './correction-actions';

export const metadata: Metadata = { title: 'Exception' };

export default async function ExceptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, allowed } = await pageAccess('exceptions:read');
  if (!allowed) return <AccessDenied area="Exceptions" roleLabel={roleLabels[principal.role]} />;
  const { id } = await params;
  const loaded = await loadForPage('exception', () => getExceptionWorkspace({ id }));
  if (!loaded.ok && loaded.code === 'NOT_FOUND') notFound();
  if (!loaded.ok) {
    return (
      <>
        <BackLink href="/exceptions">Exception queue</BackLink>
        <ErrorState title="This exception could not be loaded">{loaded.message}</ErrorState>
      </>
    );
  }
  const { exception: e, context, names } = loaded.data;
  const fix = (e.status === 'OPEN' || e.status === 'ASSIGNED') && can(principal.role, 'mappings:fix') ? context.fix : null;
  const available = availableActions({
    role: principal.role,
    userId: principal.userId,
    exception: { code: e.code, status: e.status, assigneeId: e.assignee?.id ?? null },
    heldEvents: e.events.filter((event) => event.status === 'HELD').length,
  });

  return (
    <>
      <BackLink href="/exceptions">Exception queue</BackLink>
      <PageHeader
        title={e.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{e.code}</span>
            <Badge tone={exceptionStatusTones[e.status]} testId="exception-status">{exceptionStatusLabels[e.status]}</Badge>
          </span>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-8 xl:col-span-2">
          <ExceptionSummary exception={e} />
          <ExceptionEntity context={context} idPrefix="page" entity={`${e.entityType} ${e.entityId}`} />
          <section aria-labelledby="events-heading">
            <h2 id="events-heading" className="mb-3 text-sm font-semibold text-ink">Linked events</h2>
            <LinkedEventsTable events={e.events} total={e.eventCount} />
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-sm font-semibold text-ink">History</h2>
            <ActionHistory actions={e.actions} total={e.actionCount} names={names} />
          </section>
          <EventPayloads payloads={context.payloads} idPrefix="page" />
          <AuditTrail context={context} names={names} idPrefix="page" />
        </div>
        <div className="space-y-4">
          {fix ? <InlineFixForm exceptionId={e.id} fix={fix} options={fix.options} canReplay={can(principal.role, 'exceptions:replay')} perform={fixExceptionFromPage} /> : null}
          {available.buttons.length > 0 ? (
            <ExceptionActionsPanel
              exceptionId={e.id}
              available={available}
              perform={performExceptionActionFromPage}
              approveConsequence={context.writeOff ? <WriteOffPreview preview={context.writeOff} /> : undefined}
              approveLabel={writeOffButtonLabel(context.writeOff)}
            />
          ) : (
            <p className="rounded-card border border-line bg-surface p-5 text-sm text-ink-muted shadow-card" data-testid="no-triage">
              Nothing for the {roleLabels[principal.role]} role to do here{e.status === 'RESOLVED' || e.status === 'SUPPRESSED' ? ': it is closed' : ''}.
            </p>
          )}
          <PushCorrectionSection exception={e} viewer={principal} act={correctionActionFromPage} />
        </div>
      </div>
    </>
  );
}
