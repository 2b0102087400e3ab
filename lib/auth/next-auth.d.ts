// What Threadline adds to next-auth's session and JWT (see options.ts callbacks).
import type { DefaultSession } from 'next-auth';
import type { Role } from '../db/generated/enums.ts';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role } & Omit<DefaultSession['user'], 'email' | 'name'>;
  }
  interface User {
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
  }
}
