// Prices and costs a timesheet's entries when they are recorded (DESIGN.md §6, T&M): the
// contract's rate for the role on the work date, then the standard card's (priceTimeEntry),
// and the HCM cost rate in effect on that date. A T&M engagement cannot record billable
// time it cannot price: RATE_CARD_MISSING holds the event, so adding the rate and replaying
// completes it. On other models time is cost (fixed fee, retainer): a missing rate is left
// empty rather than holding delivery data that will never be billed by the hour.
import type { EmployeeCostRate } from '../../db/generated/client.ts';
import { priceTimeEntry } from '../../domain/billing/price-time-entry.ts';
import { dec } from '../../domain/money/decimal.ts';
import { loadFxLookup } from '../../services/billing/load-fx-lookup.ts';
import { WorkflowHold, type Tx } from '../workflow.ts';
import type { DeliveryEngagement } from './find-engagement.ts';
import { rateCardLines, standardRateCardId } from './rate-card-lines.ts';

export interface TimesheetEntry {
  date: string;
  hours: string;
  role: string;
  billable: boolean;
  notes?: string;
}

export interface PricedTimeEntry {
  entryIndex: number;
  entry: TimesheetEntry;
  serviceRoleId: string;
  rateCardLineId: string | null;
  rateApplied: string | null;
  amount: string | null;
  costRate: string | null;
  cost: string | null;
  costCurrency: string | null;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function priceTimesheet(tx: Tx, options: { engagement: DeliveryEngagement; employeeId: string; entries: readonly TimesheetEntry[]; timesheetId: string }): Promise<PricedTimeEntry[]> {
  const { engagement, employeeId, entries } = options;
  const plan = engagement.billingPlan;
  const mustPrice = plan === null || plan.model === 'TIME_AND_MATERIALS';
  const roles = await tx.serviceRole.findMany({ where: { code: { in: [...new Set(entries.map((e) => e.role))] } }, select: { id: true, code: true } });
  const roleIds = new Map(roles.map((r) => [r.code, r.id]));
  const unknownRoles = entries.map((e) => e.role).filter((role) => !roleIds.has(role));
  if (unknownRoles.length > 0) throw rateHold(engagement, options.timesheetId, `Role ${[...new Set(unknownRoles)].join(', ')} is not in the role catalog`, { roles: [...new Set(unknownRoles)] });

  const contractLines = await rateCardLines(tx, plan?.contractRateCardId ?? null);
  const standardLines = await rateCardLines(tx, await standardRateCardId(tx, { planCardId: plan?.standardRateCardId ?? null, currency: engagement.currency }));
  const history = await tx.employeeCostRate.findMany({ where: { employeeId }, orderBy: { effectiveFrom: 'asc' } });
  const lastDate = entries.map((e) => e.date).sort().at(-1)!;
  const fx = await loadFxLookup(tx, { currencies: [engagement.currency, ...history.map((h) => h.currency)], through: lastDate });

  return entries.map((entry, entryIndex) => {
    const priced = priceTimeEntry({
      role: entry.role,
      workDate: entry.date,
      hours: entry.hours,
      billable: entry.billable,
      currency: engagement.currency,
      contractLines,
      standardLines,
      costHistory: history.map((h) => ({ effectiveFrom: isoDay(h.effectiveFrom), costRate: h.costRate.toString(), currency: h.currency })),
      fx,
    });
    const rate = priced.billRate;
    if (rate && !rate.ok && mustPrice) {
      const what = rate.code === 'CURRENCY_MISMATCH' ? `the contract rate is in ${rate.rateCurrency}, the engagement bills in ${rate.currency}` : `no ${rate.currency} rate`;
      throw rateHold(engagement, options.timesheetId, `${entry.role} on ${entry.date}: ${what}`, { role: entry.role, workDate: entry.date, currency: rate.currency }, rate.code);
    }
    const cost = priced.costRate.ok ? { costRate: priced.costRate.costRate, cost: priced.cost, costCurrency: priced.costRate.currency } : hcmCurrencyCost(entry, history);
    return {
      entryIndex,
      entry,
      serviceRoleId: roleIds.get(entry.role)!,
      rateCardLineId: rate?.ok ? rate.rateCardLineId : null,
      rateApplied: rate?.ok ? rate.rate : null,
      amount: priced.amount,
      ...cost,
    };
  });
}

/** Without an FX rate to the engagement currency, the cost is still known in the HCM's currency. */
function hcmCurrencyCost(entry: TimesheetEntry, history: readonly EmployeeCostRate[]) {
  const inEffect = [...history].reverse().find((h) => isoDay(h.effectiveFrom) <= entry.date);
  if (!inEffect) return { costRate: null, cost: null, costCurrency: null };
  return { costRate: inEffect.costRate.toString(), cost: dec(entry.hours).times(inEffect.costRate.toString()).toString(), costCurrency: inEffect.currency };
}

function rateHold(engagement: DeliveryEngagement, timesheetId: string, problem: string, details: Record<string, unknown>, code: 'RATE_CARD_MISSING' | 'CURRENCY_MISMATCH' = 'RATE_CARD_MISSING') {
  return new WorkflowHold({
    code,
    entityType: 'Engagement',
    entityId: engagement.id,
    legalEntityId: engagement.legalEntityId,
    title: `Time of timesheet ${timesheetId} on ${engagement.code} cannot be priced: ${problem}`,
    details: { timesheetId, engagementCode: engagement.code, ...details },
  });
}
