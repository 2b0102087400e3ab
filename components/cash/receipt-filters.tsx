'use client';
// The receipts view's filter (status) and the chip line of its active filters, read from the
// live URL: applying or removing one changes the URL shallowly and the receipts view fetches
// the new page from the API; without JavaScript the form is a plain GET.
import { useSearchParams } from 'next/navigation';
import { CashReceiptStatus } from '@/lib/db/generated/enums';
import { FilterChips } from '@/components/ui/filter-chips';
import { FilterForm, FilterSelect } from '@/components/ui/filter-form';
import { shallowFilterSubmit } from '@/components/ui/shallow-filter-submit';
import { receiptStatusLabels } from './money-labels';
import { CASH_DRILL_DOWN_KEYS, cashChips } from './receipt-chips';

// The hidden fields carry the view and the drill-downs, so nothing else is kept.
const applyFilters = shallowFilterSubmit('/cash', []);

export function ReceiptFilters() {
  const params = new URLSearchParams(useSearchParams());
  const filters = new URLSearchParams([...params].filter(([key]) => key !== 'cursor')).toString();
  return (
    <>
      <FilterForm key={filters} onSubmit={applyFilters} action="/cash" label="Filter receipts" keep={{ view: 'receipts', ...Object.fromEntries(CASH_DRILL_DOWN_KEYS.map((k) => [k, params.get(k)])) }} resetHref="/cash?view=receipts">
        <FilterSelect name="status" label="Status" value={params.get('status') ?? ''} options={[['', 'Any'], ...Object.values(CashReceiptStatus).map((s) => [s, receiptStatusLabels[s]] as const)]} />
      </FilterForm>
      <FilterChips path="/cash" params={params} chips={cashChips(params)} shallow />
    </>
  );
}
