// An admin sets a role's hourly rate on a rate card from a date (DESIGN.md §4 RateCardLine:
// effective dates). Rates are versioned, never edited in place across time: the line in
// effect on that date is ended the day before and the new one runs until the next line
// starts (or open-ended). The same role and date again re-prices that line. Time already
// priced keeps its rate (TimeTransaction.rateApplied); new time dated from then uses it.
import { db } from '../../db/client.ts';
import { dec } from '../../domain/money/decimal.ts';
import { isIsoDate } from '../../domain/periods/calendar-date.ts';
import { AppError } from '../../errors.ts';
import { currentCorrelationId } from '../../log.ts';
import { writeAudit } from '../audit/write-audit.ts';

const DAY_MS = 86_400_000;
const fail = (pointer: string, message: string) => new AppError('VALIDATION_FAILED', message, { details: { errors: [{ pointer, message }] } });

export async function setRateCardRate(options: { rateCardCode: string; role: string; rate: string; effectiveFrom: string; userId: string }): Promise<{ id: string; changed: boolean }> {
  const { rateCardCode, role, userId } = options;
  if (!/^\d+(\.\d{1,6})?$/.test(options.rate.trim()) || dec(options.rate.trim()).lte(0)) throw fail('/rate', 'A positive hourly rate with at most 6 decimals, e.g. 425.00.');
  if (!isIsoDate(options.effectiveFrom)) throw fail('/effectiveFrom', 'A date, YYYY-MM-DD.');
  const rate = options.rate.trim();
  const from = new Date(`${options.effectiveFrom}T00:00:00Z`);

  return db().$transaction(async (tx) => {
    const [card] = await tx.$queryRaw<{ id: string; currency: string }[]>`SELECT id::text AS id, currency::text AS currency FROM "RateCard" WHERE code = ${rateCardCode} FOR UPDATE`;
    if (!card) throw new AppError('NOT_FOUND', `There is no rate card ${rateCardCode}.`);
    const serviceRole = await tx.serviceRole.findUnique({ where: { code: role }, select: { id: true } });
    if (!serviceRole) throw fail('/role', `There is no role ${role}.`);
    const lines = await tx.rateCardLine.findMany({ where: { rateCardId: card.id, serviceRoleId: serviceRole.id }, orderBy: { effectiveFrom: 'asc' }, select: { id: true, rate: true, effectiveFrom: true, effectiveTo: true } });
    const audit = (entityId: string, action: string, before: unknown, after: unknown) =>
      writeAudit(tx, { actor: { type: 'USER', id: userId }, entityType: 'RateCardLine', entityId, action, before, after, correlationId: currentCorrelationId() ?? null });

    const same = lines.find((l) => l.effectiveFrom.getTime() === from.getTime());
    if (same) {
      if (dec(same.rate.toString()).equals(rate)) return { id: same.id, changed: false };
      await tx.rateCardLine.update({ where: { id: same.id }, data: { rate } });
      await audit(same.id, 'rate_card_line.repriced', { rate: same.rate.toString() }, { rate });
      return { id: same.id, changed: true };
    }
    const before = lines.filter((l) => l.effectiveFrom < from).at(-1);
    const next = lines.find((l) => l.effectiveFrom > from);
    if (before && (before.effectiveTo === null || before.effectiveTo >= from)) {
      const endsOn = new Date(from.getTime() - DAY_MS);
      await tx.rateCardLine.update({ where: { id: before.id }, data: { effectiveTo: endsOn } });
      await audit(before.id, 'rate_card_line.ended', { effectiveTo: before.effectiveTo?.toISOString().slice(0, 10) ?? null }, { effectiveTo: endsOn.toISOString().slice(0, 10) });
    }
    const created = await tx.rateCardLine.create({
      data: { rateCardId: card.id, serviceRoleId: serviceRole.id, currency: card.currency, rate, effectiveFrom: from, effectiveTo: next ? new Date(next.effectiveFrom.getTime() - DAY_MS) : null },
      select: { id: true, effectiveTo: true },
    });
    await audit(created.id, 'rate_card_line.created', null, { rateCardCode, role, rate, effectiveFrom: options.effectiveFrom, effectiveTo: created.effectiveTo?.toISOString().slice(0, 10) ?? null });
    return { id: created.id, changed: true };
  });
}
