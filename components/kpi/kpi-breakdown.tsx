// A KPI's breakdown as the API gives it (counts, buckets, per code, per engagement…), shown
// as it is: figures as exact text, lists of parts as tables, nested parts as nested lists.
// Generic on purpose: every KPI's parts are listed without a page of their own per KPI.
import type { ReactNode } from 'react';

const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

function Scalar({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>;
  return <span className="money">{String(value)}</span>;
}

function Rows({ items }: { items: Record<string, unknown>[] }) {
  if (items.length === 0) return <span className="text-ink-muted">none</span>;
  const columns = [...new Set(items.flatMap((item) => Object.keys(item)))].filter((c) => items.some((i) => typeof i[c] !== 'object' || i[c] === null));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-ink-muted">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-2 py-1 font-medium">{words(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((item, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className="px-2 py-1"><Scalar value={item[c]} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Breakdown({ value }: { value: Record<string, unknown> }): ReactNode {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {Object.entries(value).map(([key, part]) => (
        <div key={key} className="contents">
          <dt className="text-ink-muted">{words(key)}</dt>
          <dd className="min-w-0">
            {Array.isArray(part) ? (
              part.every((p) => typeof p === 'object' && p !== null) ? <Rows items={part as Record<string, unknown>[]} /> : <Scalar value={part.join(', ')} />
            ) : typeof part === 'object' && part !== null ? (
              <Breakdown value={part as Record<string, unknown>} />
            ) : (
              <Scalar value={part} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
