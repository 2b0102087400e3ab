'use server';
// The engagement page's action: DELIVERY attaches evidence to a completed milestone. A thin
// call to the service through serverAction (session, delivery:fix, zod), then the page is
// revalidated so the milestone's new status and the unbilled amount show.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { attachEvidenceBodySchema } from '@/lib/http/schemas/milestones';
import { attachMilestoneEvidence } from '@/lib/services/delivery/attach-milestone-evidence';

const inputSchema = attachEvidenceBodySchema.extend({ milestoneId: z.uuid() });

const attach = serverAction({
  permission: 'delivery:fix',
  input: inputSchema,
  handler: async ({ principal, input }) => {
    const result = await attachMilestoneEvidence({ ...input, actor: { userId: principal.userId }, now: new Date() });
    revalidatePath('/engagements/[id]', 'page');
    return { status: result.status, billable: result.billable, alreadyAttached: result.alreadyAttached, missing: result.missing };
  },
});

export async function attachEvidenceFromPage(input: z.input<typeof inputSchema>) {
  return attach(input);
}
