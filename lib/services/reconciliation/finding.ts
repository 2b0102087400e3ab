// A reconciliation finding as the jobs hand it to applyFindings: the entity it concerns,
// what kind of problem it is, the money it holds up (in its own currency, converted to USD
// at impactDate when raised) and what a person needs to see to act on it.
import type { EntityType } from '../../db/generated/enums.ts';
import { isKnownCurrency } from '../../domain/money/currency.ts';
import type { DecimalInput } from '../../domain/money/decimal.ts';
import type { FindingKey } from '../../domain/reconciliation/plan-reconciliation.ts';
import type { ReconciliationJob, ReconciliationSettings } from '../../domain/reconciliation/reconciliation-jobs.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { moneyText } from '../cash/money-text.ts';

export interface Finding extends FindingKey {
  entityType: EntityType;
  title: string;
  correlationId: string | null;
  legalEntityId: string | null;
  /** The date whose FX rate converts the impact to USD. */
  impactDate: Date;
  details: Record<string, unknown>;
}

export interface FindOptions {
  asOf: Date;
  settings: ReconciliationSettings;
}

/** A job's one set-based read: every finding at asOf. */
export type FindingQuery = (tx: Tx, options: FindOptions) => Promise<Finding[]>;

export interface JobDefinition {
  job: ReconciliationJob;
  find: FindingQuery;
}

/** An amount at its currency's minor unit (more decimals kept when it has them), as exceptions show amounts. */
export function impactText(amount: DecimalInput, currency: string): string {
  return isKnownCurrency(currency) ? moneyText(amount, currency) : String(amount);
}
