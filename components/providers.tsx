'use client';
// Client-side providers for the whole app: the next-auth session (for signOut and
// useSession), TanStack Query, and the person's date preferences (read by the root layout
// from the request, so the browser formats dates exactly as the server did). One QueryClient per browser tab, so cached reads
// survive navigation; on the server a fresh one per request so nothing leaks between people.
import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SessionProvider } from 'next-auth/react';
import { useEffect, type ReactNode } from 'react';
import type { DatePreferences } from '@/lib/preferences/date-preferences';
import { DatePreferencesProvider } from './ui/date-format-context';
import { ReportBrowserTimeZone } from './ui/report-browser-time-zone';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Pages prefetch on the server; without a staleTime the browser would refetch at once.
        staleTime: 30_000,
        retry: 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ datePreferences, children }: { datePreferences: DatePreferences; children: ReactNode }) {
  const queryClient = getQueryClient();
  // Marks the document once React has hydrated it: the console benchmark and the
  // screenshots wait for this (a page is interactive from here, not from first paint).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <QueryClientProvider client={queryClient}>
        <DatePreferencesProvider preferences={datePreferences}>
          <ReportBrowserTimeZone />
          {children}
        </DatePreferencesProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
