// One exception with its history (the triage and recurrence actions, newest last) and
// the inbox events it concerns or holds, for the detail page and GET /exceptions/{id}.
import { db } from '../../db/client.ts';
import type { InboxEventStatus } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import { assigneeSelect, toExceptionView, type ExceptionView } from './exception-view.ts';
import { isUuid } from '../../http/is-uuid.ts';

// A transient that recurs every few minutes collects thousands of RECUR actions; the
// detail shows the latest ones and says how many there are in all.
const HISTORY_LIMIT = 200;

export interface ExceptionDetail extends ExceptionView {
  details: unknown;
  actions: {
    id: string;
    kind: string;
    actorType: string;
    actorId: string | null;
    note: string | null;
    data: unknown;
    approvalStatus: string;
    decidedById: string | null;
    decidedAt: string | null;
    at: string;
  }[];
  actionCount: number;
  events: {
    id: string;
    source: string;
    eventId: string;
    type: string;
    status: InboxEventStatus;
    attempts: number;
    lastError: string | null;
    receivedAt: string;
    processedAt: string | null;
    linkedAt: string;
  }[];
  eventCount: number;
}

export async function getException(options: { id: string }): Promise<ExceptionDetail> {
  if (!isUuid(options.id)) throw new AppError('NOT_FOUND', 'No such exception.');
  const exception = await db().exception.findUnique({
    where: { id: options.id },
    include: {
      ...assigneeSelect,
      actions: { orderBy: [{ at: 'desc' }, { id: 'desc' }], take: HISTORY_LIMIT },
      events: { orderBy: { linkedAt: 'desc' }, take: HISTORY_LIMIT, include: { inboxEvent: { select: { id: true, source: true, eventId: true, type: true, status: true, attempts: true, lastError: true, receivedAt: true, processedAt: true } } } },
      _count: { select: { actions: true, events: true } },
    },
  });
  if (!exception) throw new AppError('NOT_FOUND', 'No such exception.');
  return {
    ...toExceptionView(exception),
    details: exception.details,
    actions: exception.actions.reverse().map((a) => ({
      id: a.id,
      kind: a.kind,
      actorType: a.actorType,
      actorId: a.actorId,
      note: a.note,
      data: a.data,
      approvalStatus: a.approvalStatus,
      decidedById: a.decidedById,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      at: a.at.toISOString(),
    })),
    actionCount: exception._count.actions,
    events: exception.events.map(({ inboxEvent: e, linkedAt }) => ({
      ...e,
      receivedAt: e.receivedAt.toISOString(),
      processedAt: e.processedAt?.toISOString() ?? null,
      linkedAt: linkedAt.toISOString(),
    })),
    eventCount: exception._count.events,
  };
}
