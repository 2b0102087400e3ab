// The cash page's active filters as chips (the dashboard's drill-downs set them).
import { activeChips, labelFrom, periodChip, valueChip, type FilterChip } from '@/components/ui/filter-chips-model';
import { receiptStatusLabels } from './money-labels';

export const CASH_DRILL_DOWN_KEYS = ['legalEntity', 'region', 'receivedFrom', 'receivedTo'] as const;

export function cashChips(params: URLSearchParams): FilterChip[] {
  return activeChips([
    valueChip(params, 'status', labelFrom(receiptStatusLabels)),
    periodChip(params, 'received', 'Received'),
    valueChip(params, 'legalEntity'),
    valueChip(params, 'region', undefined, 'Region '),
  ]);
}
