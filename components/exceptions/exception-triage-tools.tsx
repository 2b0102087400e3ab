// The triage tools of one exception for the signed-in role: the inline fix when the fix is
// a choice (mappings:fix), then the triage buttons (or why there are none). The services
// check every permission again; hiding a tool is a courtesy. Used beside the queue and on
// the exception page.
import { can, roleLabels } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import type { ExceptionDetail } from '@/lib/queries/exceptions/get-exception';
import type { ExceptionContext } from '@/lib/queries/exceptions/get-exception-context';
import { availableActions } from './available-actions';
import { ExceptionActionsPanel, type PerformExceptionAction } from './exception-actions-panel';
import { InlineFixForm, type FixExceptionInline } from './inline-fix-form';
import { WriteOffPreview, writeOffButtonLabel } from './write-off-preview';

export function ExceptionTriageTools({ exception: e, context, principal, perform, fixInline }: {
  exception: ExceptionDetail;
  context: ExceptionContext;
  principal: Principal;
  perform: PerformExceptionAction;
  fixInline: FixExceptionInline;
}) {
  const open = e.status === 'OPEN' || e.status === 'ASSIGNED';
  const available = availableActions({
    role: principal.role,
    userId: principal.userId,
    exception: { code: e.code, status: e.status, assigneeId: e.assignee?.id ?? null },
    heldEvents: e.events.filter((event) => event.status === 'HELD').length,
  });
  const fix = open && context.fix && can(principal.role, 'mappings:fix') ? context.fix : null;
  return (
    <div className="space-y-4">
      {fix ? <InlineFixForm key={e.id} exceptionId={e.id} fix={fix} options={fix.options} canReplay={can(principal.role, 'exceptions:replay')} perform={fixInline} /> : null}
      {available.buttons.length > 0 ? (
        <ExceptionActionsPanel
          key={`actions-${e.id}`}
          exceptionId={e.id}
          available={available}
          perform={perform}
          approveConsequence={context.writeOff ? <WriteOffPreview preview={context.writeOff} /> : undefined}
          approveLabel={writeOffButtonLabel(context.writeOff)}
        />
      ) : (
        <p className="rounded-card border border-line bg-surface p-5 text-sm text-ink-muted shadow-card" data-testid="no-triage">
          Nothing for the {roleLabels[principal.role]} role to do here{e.status === 'RESOLVED' || e.status === 'SUPPRESSED' ? ': it is closed' : ''}.
        </p>
      )}
    </div>
  );
}
