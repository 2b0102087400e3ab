'use client';
// The exception queue's filters: a GET form, so the filtered view is a URL (works without
// JavaScript, can be bookmarked). With JavaScript, applying only changes the URL and the
// queue view fetches the filtered page from the API; the sort and an open side panel stay.
// It reads the live URL, so it follows sorting, the back button and shared links.
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { ExceptionCode, ExceptionStatus, OwnerTeam, Recoverability } from '@/lib/db/generated/enums';
import { ANY_STATUS, DEFAULT_QUEUE_STATUSES } from '@/lib/http/schemas/queue-status-defaults';
import { FilterSelect } from '@/components/ui/filter-select';
import { shallowFilterSubmit } from '@/components/ui/shallow-filter-submit';
import type { QueueFilterOptions } from '@/lib/queries/exceptions/queue-filter-options';
import { codeLabel, exceptionStatusLabels, ownerTeamLabels, recoverabilityLabels } from './exception-labels';

const statusOptions: [string, string][] = [
  [DEFAULT_QUEUE_STATUSES, 'Open or assigned'],
  ...Object.values(ExceptionStatus).map((s): [string, string] => [s, exceptionStatusLabels[s]]),
  [ANY_STATUS, 'Any status'],
];

const assigneeOptions: [string, string][] = [
  ['', 'Anyone or no one'],
  ['me', 'Me'],
  ['none', 'Unassigned'],
];

const applyFilters = shallowFilterSubmit('/exceptions', ['sort', 'selected']);

export function QueueFilters({ options }: { options: QueueFilterOptions | null }) {
  const params = useSearchParams();
  const any: [string, string] = ['', 'Any'];
  const filters = new URLSearchParams([...params].filter(([key]) => key !== 'sort' && key !== 'cursor' && key !== 'selected')).toString();
  return (
    // Keyed by the filters: the selects show the URL's values again after back or a reset.
    <form key={filters} method="get" action="/exceptions" onSubmit={applyFilters} aria-label="Filter the queue" className="mb-4 flex flex-wrap items-end gap-3" data-testid="queue-filters">
      <FilterSelect name="status" label="Status" value={params.get('status') ?? DEFAULT_QUEUE_STATUSES} options={statusOptions} />
      <FilterSelect name="owner" label="Owner team" value={params.get('owner') ?? ''} options={[any, ...Object.values(OwnerTeam).map((o): [string, string] => [o, ownerTeamLabels[o]])]} />
      <FilterSelect
        name="recoverability"
        label="Recoverability"
        value={params.get('recoverability') ?? ''}
        options={[any, ...Object.values(Recoverability).map((r): [string, string] => [r, recoverabilityLabels[r]])]}
      />
      <FilterSelect name="code" label="Code" value={params.get('code') ?? ''} options={[any, ...Object.values(ExceptionCode).map((c): [string, string] => [c, codeLabel(c)])]} />
      {options ? (
        <>
          <FilterSelect name="legalEntity" label="Legal entity" value={params.get('legalEntity') ?? ''} options={[any, ...options.legalEntities.map((l): [string, string] => [l.code, `${l.code} · ${l.name}`])]} />
          <FilterSelect name="connector" label="Connector" value={params.get('connector') ?? ''} options={[any, ...options.connectors.map((c): [string, string] => [c.code, c.name])]} />
        </>
      ) : null}
      <FilterSelect name="assignee" label="Assignee" value={params.get('assignee') ?? ''} options={assigneeOptions} />
      {/* Without JavaScript the sort travels in the form. */}
      {params.get('sort') ? <input type="hidden" name="sort" value={params.get('sort') ?? ''} /> : null}
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">
        Apply
      </button>
      <Link href="/exceptions" className="px-1 py-1.5 text-sm text-ink-muted hover:text-ink">
        Reset
      </Link>
    </form>
  );
}
