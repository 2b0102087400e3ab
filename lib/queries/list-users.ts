// The people who can sign in, for the admin area. Never returns password hashes.
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const LIST_LIMIT = 500;

export async function listUsers(): Promise<UserSummary[]> {
  return db().user.findMany({
    orderBy: [{ active: 'desc' }, { email: 'asc' }],
    take: LIST_LIMIT,
    select: { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true, createdAt: true },
  });
}
