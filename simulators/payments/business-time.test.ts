import { describe, expect, it } from 'vitest';
import { chargeCreated, disputeCreated } from './business-time.ts';

const now = new Date('2026-12-05T10:00:00Z');
const nowSeconds = now.getTime() / 1000;
const march = Date.parse('2026-03-10T10:00:00Z') / 1000;

describe('when the simulated gateway dates charges and disputes', () => {
  it('dates them now on the wall clock, and refuses a created it would not honour', () => {
    expect(chargeCreated({ created: undefined, businessDated: false, now })).toBe(nowSeconds);
    expect(disputeCreated({ chargeCreated: march, businessDated: false, now })).toBe(nowSeconds);
    expect(() => chargeCreated({ created: march, businessDated: false, now })).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_REQUEST' }));
  });

  it('business-dated, dates a charge by its created and a dispute a week later, never after now', () => {
    expect(chargeCreated({ created: march, businessDated: true, now })).toBe(march);
    expect(chargeCreated({ created: undefined, businessDated: true, now })).toBe(nowSeconds);
    expect(chargeCreated({ created: nowSeconds + 3600, businessDated: true, now })).toBe(nowSeconds);
    expect(disputeCreated({ chargeCreated: march, businessDated: true, now })).toBe(march + 7 * 86_400);
    expect(disputeCreated({ chargeCreated: nowSeconds - 86_400, businessDated: true, now })).toBe(nowSeconds);
  });
});
