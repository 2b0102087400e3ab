// Sign-in. Already signed-in visitors go straight on; the callbackUrl is honoured only as
// a path on this site.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';
import { demoAccountsHint } from '@/lib/queries/demo-accounts';
import { SignInForm } from '@/components/forms/sign-in-form';
import { DemoAccountsNote } from '@/components/forms/demo-accounts-note';
import { Wordmark } from '@/components/layout/wordmark';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// next-auth sends people here with ?error=… when a non-JavaScript sign-in fails.
function errorMessage(code: string | string[] | undefined): string | null {
  if (!code) return null;
  return code === 'CredentialsSignin' ? 'Email or password is incorrect.' : 'Sign-in failed. Try again.';
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await currentPrincipal()) redirect(callbackPath);
  const demo = demoAccountsHint();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <Wordmark size="lg" />
          <p className="mt-3 text-sm text-ink-muted">Every engagement, from accepted quote to collected cash — and where the money is stuck.</p>
        </div>
        <div className="rounded-card border border-line bg-surface p-6 shadow-card">
          <h1 className="mb-5 text-lg font-semibold text-ink">Sign in</h1>
          <SignInForm callbackPath={callbackPath} initialError={errorMessage(params.error)} />
        </div>
        {demo ? <DemoAccountsNote hint={demo} /> : null}
      </div>
    </main>
  );
}
