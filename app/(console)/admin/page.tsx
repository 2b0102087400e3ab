// The admin area (DESIGN.md §11): people and roles, everyone's API tokens, data ownership
// rules, mappings (SKU → catalog, rate cards) and accounting periods — one section at a
// time, chosen in the URL. Each control is offered only with its permission, and every
// server action checks it again.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { pageAccess } from '@/lib/auth/page-access';
import { can, roleLabels } from '@/lib/auth/permissions';
import { consoleArea } from '@/components/layout/console-areas';
import { adminSectionOf, AdminTabs } from '@/components/admin/admin-tabs';
import { MappingsSection } from '@/components/admin/mappings-section';
import { OwnershipSection } from '@/components/admin/ownership-section';
import { PeopleSection } from '@/components/admin/people-section';
import { PeriodsSection } from '@/components/admin/periods-section';
import { TokensSection } from '@/components/admin/tokens-section';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import {
  changeUserRoleAction,
  closePeriodAction,
  deactivateSkuMappingAction,
  deleteOwnershipRuleAction,
  reopenPeriodAction,
  revokeAnyApiTokenAction,
  setOwnershipRuleAction,
  setRateCardRateAction,
  setSkuMappingAction,
} from './actions';

const area = consoleArea('admin');

export const metadata: Metadata = { title: area.label };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AdminPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const params = await searchParams;
  const section = adminSectionOf(first(params.section));
  const role = principal.role;
  const year = Number(first(params.year)) || new Date().getUTCFullYear();
  return (
    <>
      <PageHeader title={area.label} description={area.summary} />
      <AdminTabs current={section} />
      <Suspense key={`${section}:${first(params.entity) ?? ''}:${year}`} fallback={<TableSkeleton label="Loading" rows={6} />}>
        {section === 'people' ? <PeopleSection changeRole={can(role, 'users:manage') ? changeUserRoleAction : undefined} /> : null}
        {section === 'tokens' ? <TokensSection revoke={revokeAnyApiTokenAction} /> : null}
        {section === 'ownership' ? <OwnershipSection actions={can(role, 'ownership:manage') ? { setRule: setOwnershipRuleAction, deleteRule: deleteOwnershipRuleAction } : undefined} /> : null}
        {section === 'mappings' ? <MappingsSection actions={can(role, 'ownership:manage') ? { setMapping: setSkuMappingAction, deactivate: deactivateSkuMappingAction, setRate: setRateCardRateAction } : undefined} /> : null}
        {section === 'periods' ? <PeriodsSection entity={first(params.entity)} year={year} actions={can(role, 'periods:close') ? { close: closePeriodAction, reopen: reopenPeriodAction } : undefined} /> : null}
      </Suspense>
      <p className="mt-8 text-sm text-ink-muted">
        Connector tokens and signing secrets are managed under{' '}
        <Link href="/connectors" className="font-medium text-accent hover:text-accent-strong">
          Connectors
        </Link>
        .
      </p>
    </>
  );
}
