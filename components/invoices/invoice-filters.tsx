'use client';
// The invoices list's filters: ?status=&legalEntity=&aging=&client= (the current sort and a
// drill-down's other filters kept), and the chip line of every active filter.
// The client filter comes from links (the dashboard's billed-by-client rows): it is kept
// as a hidden field and shown as a removable chip rather than typed. They read the live URL
// and change it shallowly (the list view fetches the new view from the API); without
// JavaScript the form is a plain GET.
import { useSearchParams } from 'next/navigation';
import { InvoiceStatus } from '@/lib/db/generated/enums';
import { AGEING_BUCKETS, ageingBucketLabels } from '@/lib/domain/cash/invoice-ageing';
import { pageHref } from '@/components/ui/page-href';
import { shallowFilterSubmit } from '@/components/ui/shallow-filter-submit';
import { UrlLink } from '@/components/ui/url-link';
import { FilterForm, FilterSelect } from '@/components/ui/filter-form';
import { FilterChips } from '@/components/ui/filter-chips';
import { invoiceStatusLabels } from '@/components/cash/money-labels';
import { INVOICE_DRILL_DOWN_KEYS, invoiceChips } from './invoice-chips';

const OPEN = 'ISSUED,POSTED,PARTIALLY_PAID';

// The form's hidden fields carry the sort, client and drill-downs, so nothing else is kept.
const applyFilters = shallowFilterSubmit('/invoices', []);

export function InvoiceFilters({ legalEntities, clientName }: { legalEntities: { code: string; name: string }[]; clientName: string | null }) {
  const params = new URLSearchParams(useSearchParams());
  const any = ['', 'Any'] as const;
  const status = params.get('status') ?? '';
  const statusOptions = [any, [OPEN, 'Open (issued, posted, partly paid)'] as const, ...Object.values(InvoiceStatus).map((s) => [s, invoiceStatusLabels[s]] as const)];
  return (
    <>
      <FilterForm key={listKey(params)} onSubmit={applyFilters} action="/invoices" label="Filter invoices" keep={{ sort: params.get('sort'), client: params.get('client'), ...Object.fromEntries(INVOICE_DRILL_DOWN_KEYS.map((k) => [k, params.get(k)])) }} testId="invoice-filters">
        <FilterSelect name="status" label="Status" value={statusOptions.some(([v]) => v === status) ? status : ''} options={statusOptions} />
        <FilterSelect name="legalEntity" label="Legal entity" value={params.get('legalEntity') ?? ''} options={[any, ...legalEntities.map((e) => [e.code, `${e.code} · ${e.name}`] as const)]} />
        <FilterSelect name="aging" label="Ageing" value={params.get('aging') ?? ''} options={[any, ...AGEING_BUCKETS.map((b) => [b, ageingBucketLabels[b]] as const)]} />
      </FilterForm>
      <FilterChips path="/invoices" params={params} chips={invoiceChips(params)} shallow />
      {params.get('client') ? (
        <p className="-mt-2 mb-4 text-sm text-ink-muted" data-testid="client-filter">
          Client: <span className="font-medium text-ink">{clientName ?? params.get('client')}</span>{' '}
          <UrlLink shallow href={pageHref('/invoices', params, { client: null, cursor: null })} className="text-accent hover:text-accent-strong">
            Show every client
          </UrlLink>
        </p>
      ) : null}
    </>
  );
}

/** Keyed by the filters, the form's selects show the URL's values again after back or a chip's removal. */
function listKey(params: URLSearchParams): string {
  return new URLSearchParams([...params].filter(([key]) => key !== 'sort' && key !== 'cursor')).toString();
}
