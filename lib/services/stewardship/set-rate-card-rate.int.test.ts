// Rate card rates on a real PostgreSQL: a new rate from a date ends the line in effect the
// day before, a date between two lines runs until the next one, the same date re-prices,
// and bad input is refused by field.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { setRateCardRate } from './set-rate-card-rate.ts';

async function rateCard() {
  const code = `RC-${randomUUID().slice(0, 8)}`;
  await db().rateCard.create({ data: { code, name: code, currency: 'USD' } });
  return code;
}

const linesOf = async (code: string) =>
  (await db().rateCardLine.findMany({ where: { rateCard: { code }, serviceRole: { code: 'ANALYST' } }, orderBy: { effectiveFrom: 'asc' } })).map((l) => [
    l.rate.toFixed(2),
    l.effectiveFrom.toISOString().slice(0, 10),
    l.effectiveTo?.toISOString().slice(0, 10) ?? null,
  ]);

describe('setRateCardRate', () => {
  it('versions rates by date and re-prices the same date', async () => {
    const { user } = await createPerson('ADMIN');
    const code = await rateCard();
    const set = (rate: string, effectiveFrom: string) => setRateCardRate({ rateCardCode: code, role: 'ANALYST', rate, effectiveFrom, userId: user.id });
    await set('150', '2026-01-01');
    await set('165', '2026-07-01');
    // Between the two: runs until the day before July's line.
    await set('155', '2026-04-01');
    expect(await linesOf(code)).toEqual([
      ['150.00', '2026-01-01', '2026-03-31'],
      ['155.00', '2026-04-01', '2026-06-30'],
      ['165.00', '2026-07-01', null],
    ]);
    expect((await set('155', '2026-04-01')).changed).toBe(false);
    expect((await set('158.50', '2026-04-01')).changed).toBe(true);
    expect((await linesOf(code))[1]).toEqual(['158.50', '2026-04-01', '2026-06-30']);
    expect(await db().auditRecord.count({ where: { entityType: 'RateCardLine', actorId: user.id } })).toBe(6); // 3 created, 2 ended, 1 repriced
  });

  it('refuses a bad rate, date, role or rate card', async () => {
    const { user } = await createPerson('ADMIN');
    const code = await rateCard();
    const base = { rateCardCode: code, role: 'ANALYST', rate: '100', effectiveFrom: '2026-01-01', userId: user.id };
    await expect(setRateCardRate({ ...base, rate: '-5' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setRateCardRate({ ...base, rate: '1e3' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setRateCardRate({ ...base, effectiveFrom: '2026-13-45' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setRateCardRate({ ...base, effectiveFrom: '2026-02-30' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setRateCardRate({ ...base, role: 'WIZARD' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setRateCardRate({ ...base, rateCardCode: 'NO-SUCH-CARD' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
