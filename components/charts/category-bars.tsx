'use client';
// Amounts by category (age buckets, leakage components, engagements) as horizontal bars,
// each row also a link to its rows: the bars show the shape, the list below them says the
// figures and is what keyboard and screen-reader users follow.
import Link from 'next/link';
import { Bar, BarChart, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface Category {
  label: string;
  value: number;
  /** The figure as people read it. */
  shown: string;
  href: string;
  detail?: string;
  tone?: 'accent' | 'danger';
}

export function CategoryBars({ items, testId }: { items: Category[]; testId?: string }) {
  const data = items.map((item) => ({ label: item.label, value: item.value, tone: item.tone ?? 'accent' }));
  return (
    <div data-testid={testId}>
      <div className="w-full" style={{ height: Math.max(96, items.length * 30) }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 480, height: Math.max(96, items.length * 30) }}>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <XAxis type="number" hide domain={[0, 'auto']} />
            <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 11, fill: 'var(--color-ink-muted)' }} tickLine={false} axisLine={false} />
            <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]} barSize={14}>
              {data.map((d) => (
                <Cell key={d.label} fill={d.tone === 'danger' ? 'var(--color-danger)' : 'var(--color-accent)'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 divide-y divide-line text-sm">
        {items.map((item) => (
          <li key={item.label} className="flex items-baseline justify-between gap-3 py-1.5">
            <Link href={item.href} className="text-accent hover:text-accent-strong hover:underline">
              {item.label}
            </Link>
            <span className="money text-ink">
              {item.shown}
              {item.detail ? <span className="ml-2 text-xs text-ink-muted">{item.detail}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
