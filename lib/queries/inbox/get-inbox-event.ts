// One inbox event for GET /api/v1/events/{id} and the event page: the list's view plus
// the CloudEvent exactly as stored and the exceptions it concerns or is held by.
import { db } from '../../db/client.ts';
import type { ExceptionCode, ExceptionStatus, Recoverability } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import { inboxEventViewSelect, toInboxEventView, type InboxEventView } from './inbox-event-view.ts';
import { isUuid } from '../../http/is-uuid.ts';


export type InboxEventDetail = InboxEventView & {
  eventTime: string | null;
  payloadHash: string;
  /** The whole CloudEvent as received (attributes and data). */
  payload: unknown;
  exceptions: { id: string; code: ExceptionCode; title: string; status: ExceptionStatus; recoverability: Recoverability; linkedAt: string }[];
};

export async function getInboxEvent(options: { id: string }): Promise<InboxEventDetail> {
  if (!isUuid(options.id)) throw new AppError('NOT_FOUND', 'No such event.');
  const row = await db().inboxEvent.findUnique({
    where: { id: options.id },
    select: {
      ...inboxEventViewSelect,
      eventTime: true,
      payloadHash: true,
      payload: true,
      exceptions: {
        orderBy: { linkedAt: 'asc' },
        select: { exceptionId: true, linkedAt: true, exception: { select: { code: true, title: true, status: true, recoverability: true } } },
      },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such event.');
  return {
    ...toInboxEventView(row),
    eventTime: row.eventTime?.toISOString() ?? null,
    payloadHash: row.payloadHash,
    payload: row.payload,
    exceptions: row.exceptions.map((e) => ({ id: e.exceptionId, ...e.exception, linkedAt: e.linkedAt.toISOString() })),
  };
}
