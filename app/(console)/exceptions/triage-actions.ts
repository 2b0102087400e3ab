'use server';
// The queue's server actions: bulk assign and the inline fix, thin calls to lib/services
// through serverAction. The door needs exceptions:read; each service checks its own
// permission (exceptions:triage, mappings:fix, exceptions:replay), like the API routes.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { bulkExceptionActionSchema, inlineFixSchema } from '@/lib/http/schemas/exceptions';
import { bulkAssignExceptions } from '@/lib/services/exceptions/bulk-assign-exceptions';
import { fixExceptionInline } from '@/lib/services/exceptions/fix-exception-inline';

const bulkAssign = serverAction({
  permission: 'exceptions:read',
  input: bulkExceptionActionSchema,
  handler: async ({ principal, input }) => {
    const result = await bulkAssignExceptions({ exceptionIds: input.exceptionIds, assigneeId: input.assigneeId, actor: { userId: principal.userId, role: principal.role }, now: new Date() });
    // No revalidatePath('/exceptions'): the queue reads its pages again from the API itself
    // (TanStack Query), and refreshes the side panel only when it shows an assigned exception.
    return { assigned: result.assigned, alreadyDone: result.alreadyDone, failed: result.failed, failures: result.results.filter((r) => r.outcome === 'failed').map((r) => r.error?.message ?? 'Not assigned.') };
  },
});

const fixInputSchema = inlineFixSchema.extend({ exceptionId: z.uuid() });

const fixInline = serverAction({
  permission: 'exceptions:read',
  input: fixInputSchema,
  handler: async ({ principal, input }) => {
    const fixed = await fixExceptionInline({ exceptionId: input.exceptionId, actor: { userId: principal.userId, role: principal.role }, choices: input.choices, replay: input.replay, now: new Date() });
    revalidatePath('/exceptions');
    revalidatePath(`/exceptions/${input.exceptionId}`);
    return { changed: fixed.changed, requeued: fixed.requeuedEventIds?.length ?? null };
  },
});

export async function bulkAssignFromQueue(input: z.input<typeof bulkExceptionActionSchema>) {
  return bulkAssign(input);
}

export async function fixExceptionFromPage(input: z.input<typeof fixInputSchema>) {
  return fixInline(input);
}
