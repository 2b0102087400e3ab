import type { Metadata } from 'next';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { AreaPlaceholder } from '@/components/layout/area-placeholder';
import { consoleArea } from '@/components/layout/console-areas';
import { AccessDenied } from '@/components/ui/access-denied';

const area = consoleArea('connectors');

export const metadata: Metadata = { title: area.label };

export default async function ConnectorsPage() {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  return <AreaPlaceholder area={area} />;
}
