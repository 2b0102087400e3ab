// What an area shows until its working view is built: its purpose and an honest empty state.
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import type { ConsoleArea } from './console-areas';

export function AreaPlaceholder({ area }: { area: ConsoleArea }) {
  return (
    <>
      <PageHeader title={area.label} description={area.summary} />
      <EmptyState title={area.empty.title}>{area.empty.body}</EmptyState>
    </>
  );
}
