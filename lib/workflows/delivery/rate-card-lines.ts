// Rate card lines as the billing core reads them (RateCardLineInput): an engagement's
// CONTRACT card and its STANDARD card — the plan's, else the firm's list card of the
// engagement currency — or the list card of any currency (standard-impact.ts).
import type { RateCardLineInput } from '../../domain/billing/resolve-rate.ts';
import type { Tx } from '../workflow.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function rateCardLines(tx: Tx, rateCardId: string | null): Promise<RateCardLineInput[]> {
  if (!rateCardId) return [];
  const rows = await tx.rateCardLine.findMany({
    where: { rateCardId },
    select: { id: true, currency: true, rate: true, effectiveFrom: true, effectiveTo: true, serviceRole: { select: { code: true } }, serviceCatalogItem: { select: { sku: true } } },
  });
  return rows.map((r) => ({
    rateCardLineId: r.id,
    role: r.serviceRole.code,
    currency: r.currency,
    rate: r.rate.toString(),
    effectiveFrom: isoDay(r.effectiveFrom),
    effectiveTo: r.effectiveTo ? isoDay(r.effectiveTo) : null,
    sku: r.serviceCatalogItem?.sku ?? null,
  }));
}

/** The STANDARD card an engagement falls back to: its plan's, else the active list card of its currency. */
export async function standardRateCardId(tx: Tx, options: { planCardId: string | null; currency: string }): Promise<string | null> {
  if (options.planCardId) return options.planCardId;
  const card = await tx.rateCard.findFirst({ where: { kind: 'STANDARD', currency: options.currency, active: true }, orderBy: { code: 'asc' }, select: { id: true } });
  return card?.id ?? null;
}
