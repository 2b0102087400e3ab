import { describe, expect, it } from 'vitest';
import { planCorrection, type CorrectionFacts, type CorrectionResult } from './plan-correction.ts';

const engagementId = '5b0c4f0e-2a63-4bb1-9d5e-6e1f2f7f6a01';
const facts = (code: string, entityType: string, entityId: string, details: Record<string, unknown>, extra: Partial<CorrectionFacts> = {}): CorrectionFacts => ({
  code,
  entityType,
  entityId,
  details,
  impact: null,
  ...extra,
});
const valueMismatch = (differences: unknown[], kind = 'VALUE') => ({
  engagementId,
  engagementCode: 'ENG-1',
  contractNumber: 'C-1',
  expected: '120000.00',
  currency: 'EUR',
  differences,
  reconciliation: { job: 'quote-contract-value', kind },
});
const orphan = (systems: string[], kind = 'PROJECT_WITHOUT_CONTRACT') => ({ engagementCode: 'ENG-2', psaProjectId: 'PSA-7', erpProjectId: 'ERP-PRJ-9', systems, reconciliation: { kind } });
const currencyHold = { quoteId: 'Q-9', quoteVersion: 1, currency: 'JPY', legalEntityCode: 'DE01', baseCurrency: 'EUR' };
const active = ['US01', 'GB01', 'DE01', 'IN01'];

interface Row {
  name: string;
  input: CorrectionFacts;
  expected: Partial<Extract<CorrectionResult, { ok: true }>['plan']> | { refused: RegExp; needsValue?: boolean };
}

const rows: Row[] = [
  {
    name: 'contract value below the quote: ERP contract raised, money moves by the difference',
    input: facts('QUOTE_CONTRACT_VALUE_MISMATCH', 'Contract', 'c-1', valueMismatch([{ figure: 'contract', value: '100000', difference: '-20000' }])),
    expected: {
      movesMoney: true,
      amount: { amount: '20000.00', currency: 'EUR' },
      steps: [{ system: 'ERP', record: { type: 'Contract', id: engagementId, externalId: 'C-1' }, changes: [{ field: 'contractValue', current: '100000', corrected: '120000.00' }] }],
    },
  },
  {
    name: 'contract value above the quote: the amount is negative (the client owes less)',
    input: facts('QUOTE_CONTRACT_VALUE_MISMATCH', 'Contract', 'c-1', valueMismatch([{ figure: 'contract', value: '120000.01', difference: '0.01' }])),
    expected: { movesMoney: true, amount: { amount: '-0.01', currency: 'EUR' } },
  },
  {
    name: 'only the billing plan differs: nothing to push',
    input: facts('QUOTE_CONTRACT_VALUE_MISMATCH', 'Contract', 'c-1', valueMismatch([{ figure: 'billingPlan', value: '1', difference: '-119999' }])),
    expected: { refused: /Threadline's own figures/ },
  },
  {
    name: 'contract in another currency: not a field correction',
    input: facts('QUOTE_CONTRACT_VALUE_MISMATCH', 'Contract', 'c-1', valueMismatch([], 'CURRENCY')),
    expected: { refused: /new quote version/ },
  },
  {
    name: 'projects without a contract: closed in the PSA and the ERP, no money',
    input: facts('ORPHANED_PROJECT', 'Engagement', engagementId, orphan(['PSA', 'ERP'])),
    expected: {
      movesMoney: false,
      amount: null,
      steps: [
        { system: 'PSA', record: { type: 'Project', id: engagementId, externalId: 'PSA-7' }, changes: [{ field: 'status', current: 'ACTIVE', corrected: 'CLOSED' }] },
        { system: 'ERP', record: { type: 'Project', id: engagementId, externalId: 'ERP-PRJ-9' }, changes: [{ field: 'status', current: 'ACTIVE', corrected: 'CLOSED' }] },
      ],
    },
  },
  {
    name: 'contract without its project: not pushed',
    input: facts('ORPHANED_PROJECT', 'Engagement', engagementId, orphan([], 'CONTRACT_WITHOUT_PROJECT')),
    expected: { refused: /missing project/ },
  },
  {
    name: 'quote currency the entity cannot contract in: CRM quote to the base currency, money moves by the quote value',
    input: facts('CURRENCY_MISMATCH', 'Quote', 'q-row', currencyHold, { impact: { amount: '5000000', currency: 'JPY' } }),
    expected: {
      movesMoney: true,
      amount: { amount: '5000000', currency: 'JPY' },
      steps: [{ system: 'CRM', record: { type: 'Quote', id: 'Q-9', externalId: 'Q-9' }, changes: [{ field: 'currency', current: 'JPY', corrected: 'EUR' }] }],
    },
  },
  {
    name: 'an expense in an unknown currency: fixed in Threadline, not pushed',
    input: facts('CURRENCY_MISMATCH', 'Expense', 'x-1', { currency: 'XXX' }),
    expected: { refused: /fixed in Threadline/ },
  },
  {
    name: 'legal entity on a quote without a value: asks for one',
    input: facts('INVALID_LEGAL_ENTITY', 'Quote', 'q-row', { quoteId: 'Q-3', legalEntityCode: 'XX99' }, { activeLegalEntityCodes: active }),
    expected: { refused: /Name the legal entity/, needsValue: true },
  },
  {
    name: 'legal entity on a quote with an inactive value: refused',
    input: facts('INVALID_LEGAL_ENTITY', 'Quote', 'q-row', { quoteId: 'Q-3', legalEntityCode: 'XX99' }, { value: 'ZZ01', activeLegalEntityCodes: active }),
    expected: { refused: /not an active legal entity/, needsValue: true },
  },
  {
    name: 'legal entity on a quote: CRM field, no money (value upper-cased)',
    input: facts('INVALID_LEGAL_ENTITY', 'Quote', 'q-row', { quoteId: 'Q-3', legalEntityCode: 'XX99' }, { value: 'gb01', activeLegalEntityCodes: active }),
    expected: {
      movesMoney: false,
      steps: [{ system: 'CRM', record: { type: 'Quote', id: 'Q-3', externalId: 'Q-3' }, changes: [{ field: 'client.legalEntityCode', current: 'XX99', corrected: 'GB01' }] }],
    },
  },
  {
    name: 'bill-to legal entity of a customer: ERP field',
    input: facts('INVALID_LEGAL_ENTITY', 'Client', 'cl-1', { billToLegalEntityCode: 'XX99', externalId: 'CUST-7' }, { value: 'US01', activeLegalEntityCodes: active }),
    expected: { steps: [{ system: 'ERP', record: { type: 'Customer', id: 'cl-1', externalId: 'CUST-7' }, changes: [{ field: 'billToLegalEntityCode', current: 'XX99', corrected: 'US01' }] }] },
  },
  { name: 'payload conflict: the sender resends under a new id', input: facts('PAYLOAD_CONFLICT', 'InboxEvent', 'e-1', {}), expected: { refused: /new id/ } },
  { name: 'ownership violation: the owner’s value stands', input: facts('OWNERSHIP_VIOLATION', 'Client', 'c-1', {}), expected: { refused: /owner's value stands/ } },
  { name: 'a DATA_FIX code fixed in Threadline', input: facts('UNMAPPED_SERVICE_SKU', 'Quote', 'q-1', {}), expected: { refused: /fix the data or mapping in Threadline/ } },
];

describe('planCorrection', () => {
  it.each(rows)('$name', ({ input, expected }) => {
    const result = planCorrection(input);
    if ('refused' in expected) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toMatch(expected.refused);
      expect(result.needsValue ?? false).toBe(expected.needsValue ?? false);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject(expected);
    expect(result.plan.summary.length).toBeGreaterThan(10);
  });
});
