// An engagement's revenue schedule as of a date: for every unit its facts touch, what
// should be recognised in total by then (RevenueTarget). The billing model decides the
// streams — POC for fixed fee, approved time for T&M, fee and overage for retainers —
// and billable expenses are revenue under every model. Under fixed fee and retainers,
// time is cost only (it feeds POC's cost to date, not revenue).
import type { BillingModel } from '../../db/generated/enums.ts';
import { minorUnits } from '../money/currency.ts';
import { isIsoDate, type IsoDate } from '../periods/calendar-date.ts';
import { percentCompleteTargets, type PercentCompleteFacts } from './poc.ts';
import { retainerTargets, type RetainerFacts } from './retainer.ts';
import type { RevenueFlag, RevenueTarget } from './revenue-types.ts';
import { expenseRevenueTargets, timeRevenueTargets, type ExpenseRevenueSource, type TimeRevenueSource } from './time-and-materials.ts';

/** Everything the revenue core needs to know about one engagement; amounts in its currency. */
export interface RevenueFacts {
  engagementId: string;
  /** The engagement's currency: every amount here is in it, and entries are rounded to its minor unit. */
  currency: string;
  model: BillingModel;
  /** Required for FIXED_FEE_MILESTONE. */
  percentComplete?: PercentCompleteFacts;
  /** Revenue only under TIME_AND_MATERIALS; pass all of the engagement's time (superseded too). */
  time?: readonly TimeRevenueSource[];
  expenses?: readonly ExpenseRevenueSource[];
  /** Required for RETAINER_WITH_OVERAGE. */
  retainer?: RetainerFacts;
}

export function buildRevenueSchedule(options: { asOf: IsoDate; facts: RevenueFacts }): { targets: RevenueTarget[]; flags: RevenueFlag[] } {
  const { asOf, facts } = options;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date (YYYY-MM-DD), got ${asOf}`);
  if (!facts.engagementId) throw new RangeError('An engagement id is required');
  minorUnits(facts.currency);
  const currency = facts.currency;
  const targets: RevenueTarget[] = [];
  const flags: RevenueFlag[] = [];

  switch (facts.model) {
    case 'FIXED_FEE_MILESTONE': {
      if (!facts.percentComplete) throw new RangeError(`Fixed-fee engagement ${facts.engagementId} needs its percentage-of-completion facts`);
      const poc = percentCompleteTargets({ asOf, currency, facts: facts.percentComplete });
      targets.push(...poc.targets);
      flags.push(...poc.flags);
      break;
    }
    case 'TIME_AND_MATERIALS':
      targets.push(...timeRevenueTargets({ asOf, currency, time: facts.time ?? [] }));
      break;
    case 'RETAINER_WITH_OVERAGE': {
      if (!facts.retainer) throw new RangeError(`Retainer engagement ${facts.engagementId} needs its retainer terms`);
      const retainer = retainerTargets({ asOf, currency, retainer: facts.retainer });
      targets.push(...retainer.targets);
      flags.push(...retainer.flags);
      break;
    }
  }
  targets.push(...expenseRevenueTargets({ asOf, currency, expenses: facts.expenses ?? [] }));
  return { targets, flags };
}
