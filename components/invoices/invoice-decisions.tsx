// The deductions and disputes about one invoice still awaiting FINANCE's decision.
import { loadForPage } from '@/lib/http/load-for-page';
import { listCashDecisions } from '@/lib/queries/cash/list-cash-decisions';
import { ErrorState } from '@/components/ui/error-state';
import { DecisionTable } from '@/components/cash/decision-table';
import type { DecideCashException } from '@/components/cash/decision-buttons';

export async function InvoiceDecisions({ invoiceId, decide }: { invoiceId: string; decide: DecideCashException | null }) {
  const page = await loadForPage('invoice decisions', () => listCashDecisions({ invoiceId, limit: 20 }));
  if (!page.ok) return <ErrorState title="Decisions could not be loaded">{page.message}</ErrorState>;
  if (page.data.items.length === 0) return <p className="text-sm text-ink-muted" data-testid="no-decisions">Nothing about this invoice awaits a decision.</p>;
  return <DecisionTable items={page.data.items} decide={decide} />;
}
