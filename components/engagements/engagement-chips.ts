// The engagements list's active filters as chips (the dashboard's drill-downs set several).
import { activeChips, periodChip, valueChip, type FilterChip } from '@/components/ui/filter-chips-model';

export const ENGAGEMENT_DRILL_DOWN_KEYS = ['region', 'activatedFrom', 'activatedTo', 'marginFrom', 'marginTo', 'currency'] as const;

export function engagementChips(params: URLSearchParams): FilterChip[] {
  return activeChips([
    periodChip(params, 'activated', 'Activated'),
    periodChip(params, 'margin', 'Margin'),
    valueChip(params, 'legalEntity'),
    valueChip(params, 'region', undefined, 'Region '),
    valueChip(params, 'currency', undefined, 'Margin in '),
  ]);
}
