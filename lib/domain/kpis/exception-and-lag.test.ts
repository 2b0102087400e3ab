import { describe, expect, it } from 'vitest';
import { billingExceptionVolume, type ExceptionRow } from './billing-exception-volume.ts';
import { formatFigure } from './kpi-value.ts';
import { revenueRecognitionLag, type RevenueLagEntryRow } from './revenue-recognition-lag.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const march = (day: number, hour = 0) => new Date(Date.UTC(2026, 2, day, hour));

describe('billingExceptionVolume', () => {
  const x = (code: ExceptionRow['code'], status: ExceptionRow['status'], firstSeenAt: Date, occurrences: number, financialImpact: string): ExceptionRow => ({ code, status, firstSeenAt, occurrences, financialImpact });
  it.each([
    { name: 'none', rows: [], expected: [0, 0, 0, '0.00'] },
    {
      name: 'billing codes raised in the period; other codes and other periods left out',
      rows: [
        x('RATE_CARD_MISSING', 'OPEN', march(2), 3, '1200.50'),
        x('RATE_CARD_MISSING', 'RESOLVED', march(5), 1, '99.50'),
        x('TAX_ENGINE_UNAVAILABLE', 'ASSIGNED', march(9), 7, '5000'),
        x('UNAPPLIED_CASH', 'OPEN', march(9), 1, '777'), // a cash exception, not billing
        x('MILESTONE_MISSING_EVIDENCE', 'OPEN', new Date('2026-02-28T23:00:00Z'), 1, '10'),
      ],
      expected: [3, 11, 2, '6300.00'],
    },
  ])('$name', ({ rows, expected }) => {
    const r = billingExceptionVolume({ exceptions: rows, period });
    expect([r.raised, r.occurrences, r.stillOpen, r.financialImpact.toFixed(2)]).toEqual(expected);
    expect(r.byCode.find((c) => c.code === 'RATE_CARD_MISSING')?.raised ?? 0).toBe(rows.length ? 2 : 0);
  });

  it('a caller may choose its own codes', () => {
    const r = billingExceptionVolume({ exceptions: [x('UNAPPLIED_CASH', 'OPEN', march(9), 1, '777')], period, codes: ['UNAPPLIED_CASH'] });
    expect(r.byCode).toHaveLength(1);
    expect(r.raised).toBe(1);
  });
});

describe('revenueRecognitionLag', () => {
  let n = 0;
  const e = (kind: RevenueLagEntryRow['kind'], eligibleAt: Date | null, recognizedAt: Date): RevenueLagEntryRow => ({ id: `r${++n}`, kind, eligibleAt, recognizedAt });
  it.each<{ name: string; rows: RevenueLagEntryRow[]; expected: [number, string, string, string, number] }>([
    { name: 'none → "—"', rows: [], expected: [0, '—', '—', '—', 0] },
    {
      name: 'average, p90 and max of recognised − eligible',
      rows: [
        e('RECOGNITION', march(1), march(2)), // 1
        e('RECOGNITION', march(1), march(4, 12)), // 3.5
        e('ADJUSTMENT', new Date('2026-02-20T00:00:00Z'), march(3)), // 11
        e('REVERSAL', march(1), march(20)), // not recognition
        e('RECOGNITION', null, march(5)), // unmeasured
        e('RECOGNITION', march(1), new Date('2026-04-02T00:00:00Z')), // booked after the period
      ],
      // mean (1 + 3.5 + 11) / 3 = 5.1667; p90 = 3.5 + 0.8 × 7.5 = 9.5
      expected: [3, '5.17', '9.50', '11.00', 1],
    },
  ])('$name', ({ rows, expected }) => {
    const r = revenueRecognitionLag({ entries: rows, period });
    expect([r.entries, formatFigure(r.averageDays, 2), formatFigure(r.p90Days, 2), formatFigure(r.maxDays, 2), r.unmeasured]).toEqual(expected);
  });
});
