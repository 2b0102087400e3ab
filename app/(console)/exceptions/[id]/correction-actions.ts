'use server';
// The exception page's correction panel: preview, push, and FINANCE's approve/reject of a
// pending correction — thin calls to performExceptionAction, which checks each action's
// own permission, the proposer rule and the state.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { performExceptionAction } from '@/lib/services/exceptions/perform-exception-action';

const inputSchema = z.object({
  exceptionId: z.uuid(),
  action: z.enum(['push-correction', 'approve', 'reject']),
  dryRun: z.boolean().optional(),
  value: z.string().trim().min(1).max(64).optional(),
  note: z.string().trim().max(2000).optional(),
});

const act = serverAction({
  permission: 'exceptions:read',
  input: inputSchema,
  handler: async ({ principal, input }) => {
    const { exceptionId, action, dryRun, value, note } = input;
    const result = await performExceptionAction({ exceptionId, action, dryRun, value, note, actor: { userId: principal.userId, role: principal.role }, now: new Date() });
    if (!dryRun) revalidatePath(`/exceptions/${exceptionId}`);
    return { alreadyDone: result.alreadyDone, correction: result.correction ?? null };
  },
});

export async function correctionActionFromPage(input: z.input<typeof inputSchema>) {
  return act(input);
}
