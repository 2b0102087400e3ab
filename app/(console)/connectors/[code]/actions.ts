'use server';
// Server action of a connector's page: rotate its bearer token or signing secret (ADMIN,
// connectors:manage). The new value is returned to this one response and never again.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/http/server-action';
import { rotateConnector } from '@/lib/services/connectors/rotate-connector';

const rotateInput = z.object({
  code: z.string().trim().min(1).max(100),
  what: z.enum(['token', 'secret']),
  overlapHours: z.coerce.number().min(0).max(720),
});

const rotate = serverAction({
  permission: 'connectors:manage',
  input: rotateInput,
  handler: async ({ principal, input }) => {
    const rotated = await rotateConnector({ code: input.code, what: input.what, overlapHours: input.overlapHours, actor: { type: 'USER', id: principal.userId } });
    revalidatePath(`/connectors/${input.code}`);
    const value = rotated.what === 'token' ? rotated.token : rotated.signingSecret;
    return { what: rotated.what, value, previousValidUntil: rotated.previousValidUntil?.toISOString() ?? null };
  },
});

export type RotateConnectorInput = z.input<typeof rotateInput>;

export async function rotateConnectorAction(input: RotateConnectorInput) {
  return rotate(input);
}
