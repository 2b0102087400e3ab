// Where the exception page mounts the correction panel: decides from the exception and the
// signed-in person whether there is anything to show (a code corrected in a connected
// system that this role may push, or a correction proposed earlier) and what they may do.
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/db/generated/enums';
import { codesNeedingValue, correctableCodes } from '@/lib/domain/corrections/plan-correction';
import type { ExceptionDetail } from '@/lib/queries/exceptions/get-exception';
import { latestCorrectionOf } from '@/lib/services/corrections/correction-record';
import { PushCorrectionPanel, type CorrectionAction } from './push-correction-panel';

export function PushCorrectionSection({ exception, viewer, act }: { exception: ExceptionDetail; viewer: { role: Role; userId: string }; act: CorrectionAction }) {
  const open = exception.status === 'OPEN' || exception.status === 'ASSIGNED';
  const canPush = open && correctableCodes.includes(exception.code) && can(viewer.role, 'corrections:push');
  const latest = latestCorrectionOf(exception.actions);
  // Shown with its history too, so the outcome of a push or a decision stays in view.
  if (!canPush && !latest) return null;
  const pending = latest?.correction.status === 'PENDING_APPROVAL' ? latest : null;
  const canDecide = pending !== null && can(viewer.role, 'finance:approve') && pending.proposedBy !== viewer.userId;
  return (
    <div className="mt-6">
      <PushCorrectionPanel
        exceptionId={exception.id}
        canPush={canPush}
        needsValue={codesNeedingValue.includes(exception.code)}
        canDecide={canDecide}
        pending={pending?.correction ?? null}
        last={pending ? null : (latest?.correction ?? null)}
        act={act}
      />
    </div>
  );
}
