// Email + password sign-in. Unknown email, wrong password, no password set and a
// deactivated account all give the same answer (null) after the same amount of work,
// so the sign-in form cannot be used to find out who has an account.
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { MAX_PASSWORD_LENGTH, verifyAgainstDummyHash, verifyPassword } from './password.ts';

export interface VerifiedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Emails are stored lower-cased; sign-in accepts any case and surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function verifyCredentials(options: { email: string; password: string; now?: Date }): Promise<VerifiedUser | null> {
  const { password, now = new Date() } = options;
  const email = normalizeEmail(options.email);
  if (!email || email.length > 320 || !password || password.length > MAX_PASSWORD_LENGTH) return null;

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummyHash(password);
    return null;
  }

  const passwordMatches = await verifyPassword(password, user.passwordHash);
  if (!passwordMatches || !user.active) return null;

  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
