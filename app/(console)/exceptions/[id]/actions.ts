'use server';
// The exception page's triage action: a thin call to lib/services through serverAction.
// Like the API route, the door only needs exceptions:read; the service checks the
// action's own permission (triage, replay, finance approval) so both paths agree.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { exceptionActionSchema } from '@/lib/http/schemas/exceptions';
import { performExceptionAction } from '@/lib/services/exceptions/perform-exception-action';

const inputSchema = exceptionActionSchema.extend({ exceptionId: z.uuid() });

const act = serverAction({
  permission: 'exceptions:read',
  input: inputSchema,
  handler: async ({ principal, input }) => {
    const { exceptionId, action, assigneeId, note, reason } = input;
    const result = await performExceptionAction({ exceptionId, action, actor: { userId: principal.userId, role: principal.role }, assigneeId, note, reason, now: new Date() });
    revalidatePath(`/exceptions/${exceptionId}`);
    revalidatePath('/exceptions');
    return { status: result.exception.status, alreadyDone: result.alreadyDone, requeued: result.requeuedEventIds ? result.requeuedEventIds.length + (result.requeuedCommandIds?.length ?? 0) : null };
  },
});

export async function performExceptionActionFromPage(input: z.input<typeof inputSchema>) {
  return act(input);
}
