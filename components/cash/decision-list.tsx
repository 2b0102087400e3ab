// Every deduction and dispute awaiting FINANCE's decision, largest first, keyset pages.
import { loadForPage } from '@/lib/http/load-for-page';
import { listCashDecisions } from '@/lib/queries/cash/list-cash-decisions';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import type { DecideCashException } from './decision-buttons';
import { DecisionTable } from './decision-table';

export async function DecisionList({ params, cursor, decide }: { params: URLSearchParams; cursor?: string; decide: DecideCashException | null }) {
  const page = await loadForPage('cash decisions', () => listCashDecisions({ cursor }));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'Decisions could not be loaded' : 'This view cannot be shown'}>{page.message}</ErrorState>;
  if (page.data.items.length === 0) return <EmptyState title="Nothing awaits a decision">Short-pay deductions and payment disputes appear here until FINANCE approves or rejects them.</EmptyState>;
  return (
    <>
      <DecisionTable items={page.data.items} decide={decide} />
      <Pager path="/cash" params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
