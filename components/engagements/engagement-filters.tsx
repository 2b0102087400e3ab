// The engagements list's filters: ?legalEntity=&model=&q= (the current sort and a
// drill-down's other filters kept), and the chip line of every active filter.
import { BillingModel } from '@/lib/db/generated/enums';
import { FilterForm, FilterSelect, FilterText } from '@/components/ui/filter-form';
import { FilterChips } from '@/components/ui/filter-chips';
import { billingModelLabels } from '@/components/cash/money-labels';
import { ENGAGEMENT_DRILL_DOWN_KEYS, engagementChips } from './engagement-chips';

export function EngagementFilters({ params, legalEntities }: { params: URLSearchParams; legalEntities: { code: string; name: string }[] }) {
  const any = ['', 'Any'] as const;
  return (
    <>
    <FilterForm action="/engagements" label="Filter engagements" keep={{ sort: params.get('sort'), ...Object.fromEntries(ENGAGEMENT_DRILL_DOWN_KEYS.map((k) => [k, params.get(k)])) }} testId="engagement-filters">
      <FilterText name="q" label="Search" value={params.get('q') ?? ''} placeholder="Code, name or client" />
      <FilterSelect name="legalEntity" label="Legal entity" value={params.get('legalEntity') ?? ''} options={[any, ...legalEntities.map((e) => [e.code, `${e.code} · ${e.name}`] as const)]} />
      <FilterSelect name="model" label="Billing model" value={params.get('model') ?? ''} options={[any, ...Object.values(BillingModel).map((m) => [m, billingModelLabels[m]] as const)]} />
    </FilterForm>
    <FilterChips path="/engagements" params={params} chips={engagementChips(params)} />
    </>
  );
}
