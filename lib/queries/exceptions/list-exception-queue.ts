// The queue as a person asks for it (GET /api/v1/exceptions and the console's queue read
// it the same way, so the page the server prefetches is the page the API answers): the
// assignee "me" is the person asking, "none" the unassigned ones.
import type { z } from 'zod';
import type { listExceptionsQuerySchema } from '../../http/schemas/exceptions.ts';
import { listExceptions, type ExceptionPage } from './list-exceptions.ts';

export async function listExceptionQueue({ query, userId }: { query: z.output<typeof listExceptionsQuerySchema>; userId: string }): Promise<ExceptionPage> {
  const { assignee, ...filters } = query;
  const page = await listExceptions({ ...filters, assigneeId: assignee === 'me' ? userId : assignee === 'none' ? null : assignee });
  return { items: page.items, nextCursor: page.nextCursor };
}
