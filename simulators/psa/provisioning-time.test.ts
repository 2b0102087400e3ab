import { describe, expect, it } from 'vitest';
import { PROVISIONING_HOURS, provisioningTime } from './provisioning-time.ts';

const now = new Date('2026-12-05T10:00:00Z');
const HOUR = 3_600_000;

describe('when the simulated PSA has a project ready', () => {
  it('is ready now on the wall clock (the default)', () => {
    expect(provisioningTime({ quote: { externalId: 'Q-1', acceptedAt: '2026-02-03T15:00:00Z' }, businessDated: false, now })).toEqual(now);
  });

  it('business-dated, is ready one to five days after the acceptance, the same for the same quote and varying across quotes', () => {
    const acceptedAt = '2026-02-03T15:00:00Z';
    const lags = Array.from({ length: 40 }, (_, i) => (provisioningTime({ quote: { externalId: `Q-${i}`, acceptedAt }, businessDated: true, now }).getTime() - Date.parse(acceptedAt)) / HOUR);
    expect(Math.min(...lags)).toBeGreaterThanOrEqual(PROVISIONING_HOURS.min);
    expect(Math.max(...lags)).toBeLessThanOrEqual(PROVISIONING_HOURS.max);
    expect(new Set(lags).size).toBeGreaterThan(10);
    const again = provisioningTime({ quote: { externalId: 'Q-7', acceptedAt }, businessDated: true, now });
    expect((again.getTime() - Date.parse(acceptedAt)) / HOUR).toBe(lags[7]);
  });

  it('business-dated, is never ready later than now, and without the quote’s acceptance is ready now', () => {
    expect(provisioningTime({ quote: { externalId: 'Q-1', acceptedAt: '2026-12-05T09:00:00Z' }, businessDated: true, now })).toEqual(now);
    expect(provisioningTime({ quote: undefined, businessDated: true, now })).toEqual(now);
    expect(provisioningTime({ quote: { externalId: 'Q-1', acceptedAt: 'yesterday' }, businessDated: true, now })).toEqual(now);
  });
});
