import { describe, expect, it } from 'vitest';
import type { KpiFigure, KpiResponse } from '@/lib/http/schemas/kpis';
import { figuresOf } from './kpi-figures';

const figure = (key: string, value: string | null, breakdown?: Record<string, unknown>): KpiFigure => ({
  key, label: key, value, unit: 'money', currency: 'EUR', scope: 'legal-entity', rows: { description: 'rows' }, docs: `docs/KPIS.md#${key}`, ...(breakdown ? { breakdown } : {}),
});
const response = (kpis: KpiFigure[]): KpiResponse => ({ period: { from: '', to: '', asOf: '' }, legalEntityCode: null, region: null, currency: 'EUR', fx: null, kpis });

describe('figuresOf', () => {
  it('splits billed and collected into two figures in the same currency', () => {
    const figures = figuresOf(response([figure('dso', '12.5'), figure('billedAndCollected', '100.00', { billed: '100.00', collected: '40.00' })]));
    expect(figures.get('billedAndCollected')).toMatchObject({ label: 'Billed', value: '100.00' });
    expect(figures.get('collected')).toMatchObject({ key: 'collected', label: 'Collected (cash applied)', value: '40.00', currency: 'EUR', breakdown: undefined });
    expect(figures.get('dso')?.value).toBe('12.5');
  });
  it('has nothing without an answer, and no collected figure without its breakdown', () => {
    expect(figuresOf(undefined).size).toBe(0);
    expect(figuresOf(response([figure('billedAndCollected', '1.00')])).has('collected')).toBe(false);
  });
});
