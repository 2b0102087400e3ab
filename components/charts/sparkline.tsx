'use client';
// A card's small trend: the KPI's monthly values as a line, no axes. Decorative for screen
// readers (the card says the figure and its change in words); a gap where a month has "—".
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const data = values.map((value, i) => ({ i, value }));
  if (values.every((v) => v === null)) return <div className="h-10" aria-hidden="true" />;
  return (
    <div className="h-10 w-full" aria-hidden="true" data-testid="sparkline" title={label}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 200, height: 40 }}>
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false}>
          <YAxis hide domain={['auto', 'auto']} />
          <Line type="monotone" dataKey="value" stroke="var(--color-accent)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
