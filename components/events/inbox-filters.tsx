// The Inbox's filters as a plain GET form: the view is a URL, and filtering starts again
// at the newest event.
import Link from 'next/link';
import { ANY_STATUS } from '@/lib/http/schemas/console-list-params';
import { inboxEventStatuses } from './event-status-badge';

const input = 'rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink';
const label = 'flex flex-col gap-1 text-xs font-medium text-ink-muted';

export function InboxFilters({ params }: { params: URLSearchParams }) {
  const text = (name: string, title: string, placeholder: string) => (
    <label className={label}>
      {title}
      <input name={name} defaultValue={params.get(name) ?? ''} placeholder={placeholder} className={`${input} w-44`} />
    </label>
  );
  return (
    <form method="get" action="/events" aria-label="Filter the inbox" className="mb-4 flex flex-wrap items-end gap-3" data-testid="inbox-filters">
      <label className={label}>
        Status
        <select name="status" defaultValue={params.get('status') ?? ANY_STATUS} className={input}>
          <option value={ANY_STATUS}>Any status</option>
          {inboxEventStatuses.map((status) => (
            <option key={status} value={status}>{status}</option>
          ))}
        </select>
      </label>
      {text('connector', 'Connector', 'e.g. hcm')}
      {text('type', 'Type', 'q2c.employee.updated.v1')}
      {text('subject', 'Subject', 'e.g. E-100')}
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">
        Apply
      </button>
      <Link href="/events" className="px-1 py-1.5 text-sm text-ink-muted hover:text-ink">
        Reset
      </Link>
    </form>
  );
}
