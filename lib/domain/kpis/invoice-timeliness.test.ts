import { describe, expect, it } from 'vitest';
import { invoiceTimeliness, type TimelinessInvoiceRow } from './invoice-timeliness.ts';
import { formatPercent } from './kpi-value.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const asOf = new Date('2026-04-15T00:00:00Z');
let n = 0;
const row = (eligibleAt: string | null, postedAt: string | null, fields: Partial<TimelinessInvoiceRow> = {}): TimelinessInvoiceRow => ({
  id: `i${++n}`,
  kind: 'INVOICE',
  eligibleAt: eligibleAt ? new Date(eligibleAt) : null,
  postedAt: postedAt ? new Date(postedAt) : null,
  voidedAt: null,
  ...fields,
});

describe('invoiceTimeliness (2 business days; 2026-03-06 is a Friday)', () => {
  it.each<{ name: string; rows: TimelinessInvoiceRow[]; holidays?: string[]; at?: Date; expected: [number, number, number, string] }>([
    { name: 'nothing eligible → "—"', rows: [], expected: [0, 0, 0, '—'] },
    { name: 'posted the same day', rows: [row('2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z')], expected: [1, 0, 0, '100.0%'] },
    { name: 'Friday → posted Tuesday 23:59 is on time', rows: [row('2026-03-06T16:00:00Z', '2026-03-10T23:59:59Z')], expected: [1, 0, 0, '100.0%'] },
    { name: 'Friday → posted Wednesday is late', rows: [row('2026-03-06T16:00:00Z', '2026-03-11T00:00:00Z')], expected: [0, 1, 0, '0.0%'] },
    { name: 'a holiday extends the window', rows: [row('2026-03-06T16:00:00Z', '2026-03-11T08:00:00Z')], holidays: ['2026-03-09'], expected: [1, 0, 0, '100.0%'] },
    { name: 'not posted and the window is over: late', rows: [row('2026-03-20T10:00:00Z', null)], expected: [0, 1, 0, '0.0%'] },
    {
      name: 'not posted, window still open at asOf: pending, out of the ratio',
      rows: [row('2026-03-30T10:00:00Z', null), row('2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z')],
      at: new Date('2026-04-01T12:00:00Z'),
      expected: [1, 0, 1, '100.0%'],
    },
    { name: 'voided before posting: not counted', rows: [row('2026-03-02T10:00:00Z', null, { voidedAt: new Date('2026-03-03T00:00:00Z') })], expected: [0, 0, 0, '—'] },
    {
      name: 'eligible outside the period, credit notes and rows without eligibility: not counted',
      rows: [row('2026-02-27T10:00:00Z', '2026-03-20T00:00:00Z'), row('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', { kind: 'CREDIT_NOTE' }), row(null, '2026-03-02T00:00:00Z')],
      expected: [0, 0, 0, '—'],
    },
    {
      name: 'three of four on time',
      rows: [
        row('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'),
        row('2026-03-03T10:00:00Z', '2026-03-05T11:00:00Z'),
        row('2026-03-04T10:00:00Z', '2026-03-06T11:00:00Z'),
        row('2026-03-05T10:00:00Z', '2026-03-12T11:00:00Z'),
      ],
      expected: [3, 1, 0, '75.0%'],
    },
  ])('$name', ({ rows, holidays, at, expected }) => {
    const result = invoiceTimeliness({ invoices: rows, period, asOf: at ?? asOf, ...(holidays ? { holidays } : {}) });
    expect([result.onTime, result.late, result.pending, formatPercent(result.ratio)]).toEqual(expected);
  });
});
