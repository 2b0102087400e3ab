import { describe, expect, it } from 'vitest';
import { postingTime } from './posting-time.ts';

const now = new Date('2026-12-05T10:00:00Z');

describe('when the simulated ERP posts a document', () => {
  it('posts now on the wall clock (the default), whatever the issue date', () => {
    expect(postingTime({ issueDate: '2026-03-31', businessDated: false, now })).toEqual(now);
  });

  it('business-dated, posts overnight after the issue date (07:00 UTC the next day)', () => {
    expect(postingTime({ issueDate: '2026-03-31', businessDated: true, now }).toISOString()).toBe('2026-04-01T07:00:00.000Z');
    expect(postingTime({ issueDate: '2026-12-31', businessDated: true, now: new Date('2027-02-01T00:00:00Z') }).toISOString()).toBe('2027-01-01T07:00:00.000Z');
  });

  it('business-dated, never posts later than now, and without an issue date posts now', () => {
    expect(postingTime({ issueDate: '2026-12-05', businessDated: true, now })).toEqual(now);
    expect(postingTime({ issueDate: undefined, businessDated: true, now })).toEqual(now);
    expect(postingTime({ issueDate: '31/03/2026', businessDated: true, now })).toEqual(now);
  });
});
