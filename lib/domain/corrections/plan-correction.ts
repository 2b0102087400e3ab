// "Push a correction to the owning system" (DESIGN.md §6-§7): from an exception's facts,
// which record in which system should change, field by field (the dry-run diff: the value
// that system holds as Threadline knows it → the corrected value), and whether the change
// moves money. Pure: the service loads the facts, resolves the connectors and writes the
// outbox command (or the pending approval). docs/EXCEPTIONS.md lists the codes and why.
import { formatMinor } from '../money/currency.ts';
import { dec } from '../money/decimal.ts';

/** The kinds of system a correction can go to (SystemKind values). */
export type CorrectionSystem = 'CRM' | 'ERP' | 'PSA';
export type CorrectionRecordType = 'Quote' | 'Contract' | 'Customer' | 'Project';

export interface CorrectionChange {
  field: string;
  /** What the owning system holds, as far as Threadline knows; null when unknown. */
  current: string | null;
  corrected: string;
}

export interface CorrectionStep {
  system: CorrectionSystem;
  /** id: the key Threadline gave the record there (quote id, engagement id, client id); externalId: the system's own id when known. */
  record: { type: CorrectionRecordType; id: string; externalId: string | null };
  changes: CorrectionChange[];
}

export interface CorrectionPlan {
  steps: CorrectionStep[];
  /** True when the correction changes what a client owes or is owed; then FINANCE approves it first. */
  movesMoney: boolean;
  /** The money it moves (signed where a direction exists), null when it moves none. */
  amount: { amount: string; currency: string } | null;
  /** One sentence for people: what will change where. */
  summary: string;
}

export interface CorrectionFacts {
  code: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
  /** The exception's impact in its own currency. */
  impact: { amount: string; currency: string } | null;
  /** The corrected value a person supplies, for codes where Threadline cannot know it. */
  value?: string | null;
  /** Codes of the active legal entities (INVALID_LEGAL_ENTITY checks the supplied value). */
  activeLegalEntityCodes?: readonly string[];
}

export type CorrectionResult = { ok: true; plan: CorrectionPlan } | { ok: false; reason: string; needsValue?: boolean };

type Planner = (facts: CorrectionFacts) => CorrectionResult;

/** The exception codes whose fix belongs in the owning system, each with its planner. */
const planners: Record<string, Planner> = {
  QUOTE_CONTRACT_VALUE_MISMATCH: planContractValue,
  ORPHANED_PROJECT: planOrphanedProject,
  CURRENCY_MISMATCH: planQuoteCurrency,
  INVALID_LEGAL_ENTITY: planLegalEntity,
};

export const correctableCodes = Object.keys(planners);

/** Codes whose corrected value a person names (Threadline cannot know it). */
export const codesNeedingValue: readonly string[] = ['INVALID_LEGAL_ENTITY'];

export function planCorrection(facts: CorrectionFacts): CorrectionResult {
  const planner = planners[facts.code];
  if (!planner) return refuse(`${facts.code} is not corrected in a connected system: ${notCorrectable[facts.code] ?? 'fix the data or mapping in Threadline, then replay.'}`);
  return planner(facts);
}

const notCorrectable: Record<string, string> = {
  PAYLOAD_CONFLICT: 'the sender reused an event id for another payload; it must send the change under a new id (nothing in its records is wrong).',
  OWNERSHIP_VIOLATION: "the change was refused and the owner's value stands; the sender should stop editing the field (fix its integration or the ownership rule).",
};

// The ERP's contract should carry the quote's value plus the approved change orders. Only
// the contract figure lives in the ERP; a difference in Threadline's own copies (billing
// plan, engagement) is fixed here, not pushed.
function planContractValue(facts: CorrectionFacts): CorrectionResult {
  const d = facts.details;
  const kind = reconciliationKind(d);
  if (kind === 'CURRENCY') return refuse('The contract is in another currency than its quote: that takes a new quote version, not a field correction.');
  const expected = text(d.expected);
  const currency = text(d.currency);
  const engagementId = text(d.engagementId);
  if (!expected || !currency || !engagementId) return refuse('The exception does not say the expected value, currency and engagement; run the reconciliation again.');
  const differences = Array.isArray(d.differences) ? (d.differences as Record<string, unknown>[]) : [];
  const contract = differences.find((x) => x.figure === 'contract');
  if (!contract || !text(contract.value)) return refuse("The ERP's contract value already matches the quote; the difference is in Threadline's own figures (billing plan or engagement).");
  const current = text(contract.value)!;
  const delta = dec(expected).minus(dec(current));
  return {
    ok: true,
    plan: {
      steps: [{ system: 'ERP', record: { type: 'Contract', id: engagementId, externalId: text(d.contractNumber) }, changes: [{ field: 'contractValue', current, corrected: expected }] }],
      movesMoney: true,
      amount: { amount: formatMinor(delta, currency), currency },
      summary: `Set the ERP contract value of ${text(d.engagementCode) ?? engagementId} from ${current} to ${expected} ${currency}.`,
    },
  };
}

// A PSA/ERP project without a contract in force is closed there. A missing project, or a
// crosswalk entry naming no engagement, is not a field correction.
function planOrphanedProject(facts: CorrectionFacts): CorrectionResult {
  const d = facts.details;
  if (reconciliationKind(d) !== 'PROJECT_WITHOUT_CONTRACT' || facts.entityType !== 'Engagement') {
    return refuse('Only a project without a contract in force is corrected in the PSA/ERP (closed there); a missing project is created by replaying the quote.');
  }
  const systems = (Array.isArray(d.systems) ? d.systems : []).filter((s): s is 'PSA' | 'ERP' => s === 'PSA' || s === 'ERP');
  if (systems.length === 0) return refuse('The exception names no PSA or ERP project.');
  const steps: CorrectionStep[] = systems.map((system) => ({
    system,
    record: { type: 'Project', id: facts.entityId, externalId: text(system === 'PSA' ? d.psaProjectId : d.erpProjectId) },
    changes: [{ field: 'status', current: 'ACTIVE', corrected: 'CLOSED' }],
  }));
  return { ok: true, plan: { steps, movesMoney: false, amount: null, summary: `Close the ${systems.join(' and ')} project of ${text(d.engagementCode) ?? facts.entityId}: its contract is not in force.` } };
}

// A quote in a currency its legal entity cannot contract in: the CRM's quote is put in the
// legal entity's base currency. That re-denominates the contract value: money moves.
function planQuoteCurrency(facts: CorrectionFacts): CorrectionResult {
  const d = facts.details;
  const current = text(d.currency);
  const baseCurrency = text(d.baseCurrency);
  const quoteId = text(d.quoteId);
  if (facts.entityType !== 'Quote' || !current || !baseCurrency || !quoteId) {
    return refuse('Only a quote whose currency its legal entity cannot contract in is corrected in the CRM; other currency mismatches are fixed in Threadline (rate cards, the document).');
  }
  if (current === baseCurrency) return refuse(`The quote is already in ${baseCurrency}.`);
  return {
    ok: true,
    plan: {
      steps: [{ system: 'CRM', record: { type: 'Quote', id: quoteId, externalId: quoteId }, changes: [{ field: 'currency', current, corrected: baseCurrency }] }],
      movesMoney: true,
      amount: facts.impact,
      summary: `Change quote ${quoteId} in the CRM from ${current} to ${baseCurrency}, the base currency of ${text(d.legalEntityCode) ?? 'its legal entity'}.`,
    },
  };
}

// An unknown or inactive legal entity: the quote's (CRM) or the customer's bill-to (ERP).
// Threadline cannot guess the right one, so a person names it; it must be active.
function planLegalEntity(facts: CorrectionFacts): CorrectionResult {
  const d = facts.details;
  const onQuote = facts.entityType === 'Quote';
  const current = text(onQuote ? d.legalEntityCode : d.billToLegalEntityCode);
  const recordId = onQuote ? text(d.quoteId) : facts.entityId;
  if ((!onQuote && facts.entityType !== 'Client') || !recordId) return refuse('Only a quote or a customer with an unknown legal entity is corrected in its system.');
  const value = facts.value?.trim().toUpperCase();
  if (!value) return { ok: false, needsValue: true, reason: 'Name the legal entity code the record should carry (value).' };
  if (!(facts.activeLegalEntityCodes ?? []).includes(value)) return { ok: false, needsValue: true, reason: `${value} is not an active legal entity.` };
  if (value === current) return refuse(`The record already names ${value}.`);
  const step: CorrectionStep = onQuote
    ? { system: 'CRM', record: { type: 'Quote', id: recordId, externalId: recordId }, changes: [{ field: 'client.legalEntityCode', current, corrected: value }] }
    : { system: 'ERP', record: { type: 'Customer', id: recordId, externalId: text(d.externalId) }, changes: [{ field: 'billToLegalEntityCode', current, corrected: value }] };
  const name = onQuote ? `quote ${recordId} in the CRM` : `customer ${text(d.externalId) ?? recordId} in the ERP`;
  return { ok: true, plan: { steps: [step], movesMoney: false, amount: null, summary: `Set the legal entity of ${name} from ${current ?? '(none)'} to ${value}.` } };
}

function reconciliationKind(details: Record<string, unknown>): string | null {
  const marker = details.reconciliation;
  return marker && typeof marker === 'object' && 'kind' in marker ? text((marker as { kind: unknown }).kind) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function refuse(reason: string): CorrectionResult {
  return { ok: false, reason };
}
