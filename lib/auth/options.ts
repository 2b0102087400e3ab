// next-auth configuration: email + password against the User table, JWT sessions that
// carry id, email, name and role. Built per call because the secret is only known at
// request time (next build imports this module without any configuration).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authSecret, secureCookies } from './auth-secret.ts';
import { isRole } from './permissions.ts';
import { verifyCredentials } from './verify-credentials.ts';

// Short enough that a deactivated person or a changed role does not linger for long
// (sessions are not re-checked against the database on every request).
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials) {
          const user = await verifyCredentials({ email: credentials?.email ?? '', password: credentials?.password ?? '' });
          // null makes next-auth answer CredentialsSignin: one generic error for every failure.
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is only present right after sign-in; later calls keep the stored claims.
        if (user) {
          token.sub = user.id;
          token.email = user.email;
          token.name = user.name;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub && token.email && isRole(token.role)) {
          session.user = { id: token.sub, email: token.email, name: token.name ?? token.email, role: token.role };
        }
        return session;
      },
    },
  };
}
