import { describe, expect, it } from 'vitest';
import { activationCycleTime, type ActivationEngagementRow } from './activation-cycle-time.ts';
import { formatFigure } from './kpi-value.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const asOf = new Date('2026-04-01T00:00:00Z');
let n = 0;
const e = (accepted: string | null, activated: string | null): ActivationEngagementRow => ({
  id: `e${++n}`,
  quoteAcceptedAt: accepted ? new Date(accepted) : null,
  activatedAt: activated ? new Date(activated) : null,
});

describe('activationCycleTime', () => {
  it.each<{ name: string; rows: ActivationEngagementRow[]; expected: [number, string, string, string, number, string] }>([
    { name: 'nothing activated → "—"', rows: [], expected: [0, '—', '—', '—', 0, '—'] },
    {
      name: 'four activations: 12 h, 1 d, 2 d, 5 d',
      rows: [
        e('2026-03-01T00:00:00Z', '2026-03-01T12:00:00Z'),
        e('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'),
        e('2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z'),
        e('2026-02-27T00:00:00Z', '2026-03-04T00:00:00Z'), // accepted before the period: counted by activation
      ],
      // median of 0.5, 1, 2, 5 = 1.5; p90 = 2 + 0.7 × 3 = 4.1; mean 2.125
      expected: [4, '1.50', '4.10', '2.13', 0, '—'],
    },
    {
      name: 'waiting engagements: counted apart with the oldest wait; activated outside the period ignored',
      rows: [
        e('2026-03-10T00:00:00Z', '2026-03-12T00:00:00Z'),
        e('2026-03-21T00:00:00Z', null),
        e('2026-03-30T12:00:00Z', null),
        e('2026-03-25T00:00:00Z', '2026-04-03T00:00:00Z'), // activated after asOf: still waiting at asOf
        e('2026-01-05T00:00:00Z', '2026-02-01T00:00:00Z'),
        e(null, '2026-03-15T00:00:00Z'), // no acceptance date: cannot be measured
      ],
      expected: [1, '2.00', '2.00', '2.00', 3, '11.00'],
    },
  ])('$name', ({ rows, expected }) => {
    const r = activationCycleTime({ engagements: rows, period, asOf });
    expect([r.activated, formatFigure(r.medianDays, 2), formatFigure(r.p90Days, 2), formatFigure(r.meanDays, 2), r.waiting, formatFigure(r.oldestWaitDays, 2)]).toEqual(expected);
  });
});
