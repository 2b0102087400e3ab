'use client';
// Email + password sign-in through next-auth. Every failure reads the same, so the form
// never tells whether an account exists.
import { signIn } from 'next-auth/react';
import { useState, useSyncExternalStore, type FormEvent } from 'react';

const WRONG_CREDENTIALS = 'Email or password is incorrect.';

type SignInResult = Awaited<ReturnType<typeof signIn>>;

function attempt(credentials: { email: string; password: string }, callbackUrl: string): Promise<SignInResult> {
  return signIn('credentials', { ...credentials, redirect: false, callbackUrl });
}

function isCsrfRetry(result: SignInResult): boolean {
  if (!result?.url) return false;
  try {
    return new URL(result.url, window.location.origin).searchParams.has('csrf');
  } catch {
    return false;
  }
}

const noSubscription = () => () => undefined;

export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);
  // false in the server-rendered HTML, true once React runs: a click before hydration would
  // submit the form natively instead of through next-auth.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const credentials = { email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') };
    setPending(true);
    setError(null);
    try {
      let result = await attempt(credentials, callbackPath);
      // On a fresh browser next-auth's own first requests race to set the CSRF cookie; the
      // loser answers "ok" with ?csrf=true and no session. The cookie has settled by now.
      if (isCsrfRetry(result)) result = await attempt(credentials, callbackPath);
      if (!result?.ok || result.error || isCsrfRetry(result)) {
        setError(result?.error === 'CredentialsSignin' ? WRONG_CREDENTIALS : 'Sign-in could not be completed. Reload the page and try again.');
        setPending(false);
        return;
      }
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackPath);
    } catch {
      setError('Threadline could not be reached. Check your connection and try again.');
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4">
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-ink">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm focus:border-accent"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-ink">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm focus:border-accent"
        />
      </div>
      {error ? (
        <p role="alert" data-testid="sign-in-error" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending || !hydrated}
        aria-busy={pending}
        className="w-full rounded-md bg-accent px-4 py-2 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60"
      >
        Sign in
      </button>
    </form>
  );
}
