'use client';
// A monthly trend: one or two series over the months of the dashboard's range, as lines or
// bars. Values arrive already formatted for people (the tooltip and axis use `format`); the
// numbers only place the marks. Screen readers get the same figures as a table.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendSeries {
  name: string;
  values: (number | null)[];
  /** Each month's value as people read it ("57.9 days", "1,200.00 USD", "—"). */
  labels: string[];
  color: string;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

export function TrendChart({ months, series, kind = 'line', caption, axisFormat }: { months: string[]; series: TrendSeries[]; kind?: 'line' | 'bar'; caption: string; axisFormat?: (value: number) => string }) {
  const data = months.map((month, i) => ({ month: monthLabel(month), ...Object.fromEntries(series.map((s) => [s.name, s.values[i]])) }));
  const labelOf = (name: string, index: number) => series.find((s) => s.name === name)?.labels[index] ?? '—';
  const Chart = kind === 'bar' ? BarChart : LineChart;
  return (
    <figure className="m-0">
      <div className="h-56 w-full print:h-44" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 480, height: 224 }}>
          <Chart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-line)" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 11, fill: 'var(--color-ink-muted)' }} tickLine={false} axisLine={{ stroke: 'var(--color-line-strong)' }} />
            <YAxis width={56} tick={{ fontSize: 11, fill: 'var(--color-ink-muted)' }} tickLine={false} axisLine={false} tickFormatter={axisFormat} />
            <Tooltip formatter={(_value, name, item) => [labelOf(String(name), data.indexOf(item.payload as (typeof data)[number])), String(name)]} />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {series.map((s) =>
              kind === 'bar' ? (
                <Bar key={s.name} dataKey={s.name} fill={s.color} isAnimationActive={false} radius={[3, 3, 0, 0]} />
              ) : (
                <Line key={s.name} dataKey={s.name} stroke={s.color} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} type="monotone" connectNulls={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{caption}</figcaption>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {series.map((s) => (
              <th key={s.name} scope="col">{s.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month, i) => (
            <tr key={month}>
              <th scope="row">{monthLabel(month)}</th>
              {series.map((s) => (
                <td key={s.name}>{s.labels[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
