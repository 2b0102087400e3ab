import type { Metadata } from 'next';
import Link from 'next/link';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { selectableTimeZones, supportedLocales } from '@/lib/preferences/date-preferences';
import { getBrowserDateDefaults, getDatePreferences } from '@/lib/preferences/request-date-preferences';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { DatePreferencesForm } from '@/components/settings/date-preferences-form';
import { saveDatePreferencesAction } from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { principal, allowed } = await pageAccess('preferences:manage-own');
  if (!allowed) return <AccessDenied area="Settings" roleLabel={roleLabels[principal.role]} />;
  const [preferences, browser] = await Promise.all([getDatePreferences(), getBrowserDateDefaults()]);
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            How this browser shows you dates and times. Your API tokens are on{' '}
            <Link href="/settings/tokens" className="font-medium text-accent hover:text-accent-strong">
              their own page
            </Link>
            .
          </>
        }
      />
      <DatePreferencesForm
        preferences={preferences}
        browser={browser}
        // The preview formats one moment, taken here so the server and the browser print the same.
        sampleAt={new Date().toISOString()}
        locales={supportedLocales.map((l) => ({ value: l.tag, label: `${l.label} · ${l.tag}` }))}
        timeZones={selectableTimeZones()}
        saveAction={saveDatePreferencesAction}
      />
    </>
  );
}
