// The root layout: document shell, global styles and client providers. It reads the
// person's date preferences once per request and hands them to the browser.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { getDatePreferences } from '@/lib/preferences/request-date-preferences';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Threadline', template: '%s · Threadline' },
  description: 'The control plane for quote-to-cash in professional-services firms.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const datePreferences = await getDatePreferences();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers datePreferences={datePreferences}>{children}</Providers>
      </body>
    </html>
  );
}
