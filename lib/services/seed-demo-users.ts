// One demo user per role for the embedded/demo installation (DESIGN.md §5, §11). Safe to
// repeat: a user whose stored password and API token still match the previous
// credentials file keeps them; anything missing or changed gets fresh random ones.
import { randomBytes } from 'node:crypto';
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { hashApiToken } from '../auth/api-token.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createApiToken } from './create-api-token.ts';

export const DEV_TOKEN_NAME = 'dev-credentials';

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.threadline.dev', name: 'Alex Morgan', role: 'ADMIN' },
  { email: 'finance@demo.threadline.dev', name: 'Farah Chen', role: 'FINANCE' },
  { email: 'delivery@demo.threadline.dev', name: 'Diego Alvarez', role: 'DELIVERY' },
  { email: 'integration-ops@demo.threadline.dev', name: 'Ines Kowalski', role: 'INTEGRATION_OPS' },
  { email: 'executive@demo.threadline.dev', name: 'Evelyn Park', role: 'EXECUTIVE' },
];

export interface DemoUserCredentials {
  email: string;
  password: string;
  role: Role;
  apiToken: string;
}

async function keepOrResetPassword(userId: string | undefined, storedHash: string | null | undefined, previous?: string): Promise<{ password: string; hash?: string }> {
  if (userId && storedHash && previous && (await verifyPassword(previous, storedHash))) return { password: previous };
  const password = randomBytes(12).toString('base64url');
  return { password, hash: await hashPassword(password) };
}

async function keepOrIssueToken(userId: string, previous?: string): Promise<string> {
  if (previous) {
    const token = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(previous) } });
    if (token && token.userId === userId && !token.revokedAt && (!token.expiresAt || token.expiresAt > new Date())) return previous;
  }
  await db().apiToken.updateMany({ where: { userId, name: DEV_TOKEN_NAME, revokedAt: null }, data: { revokedAt: new Date() } });
  return (await createApiToken({ userId, name: DEV_TOKEN_NAME, expiresAt: null })).token;
}

export async function seedDemoUsers(options: { previous?: DemoUserCredentials[] } = {}): Promise<DemoUserCredentials[]> {
  const result: DemoUserCredentials[] = [];
  for (const demo of demoUsers) {
    const previous = options.previous?.find((p) => p.email === demo.email);
    const existing = await db().user.findUnique({ where: { email: demo.email } });
    const { password, hash } = await keepOrResetPassword(existing?.id, existing?.passwordHash, previous?.password);
    const user = existing
      ? await db().user.update({ where: { id: existing.id }, data: { role: demo.role, active: true, ...(hash ? { passwordHash: hash } : {}) } })
      : await db().user.create({ data: { email: demo.email, name: demo.name, role: demo.role, passwordHash: hash } });
    const apiToken = await keepOrIssueToken(user.id, previous?.apiToken);
    result.push({ email: demo.email, password, role: demo.role, apiToken });
  }
  return result;
}
