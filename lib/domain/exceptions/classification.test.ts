import { describe, expect, it } from 'vitest';
import { ExceptionCode, OwnerTeam, Recoverability } from '../../db/generated/enums.ts';
import { classify, exceptionTitle, slaHoursTable } from './classification.ts';

const allCodes = Object.values(ExceptionCode);

// code, recoverability, owner team, SLA hours: the table in docs/EXCEPTIONS.md.
const expected = [
  ['CLIENT_NOT_MASTERED', 'DATA_FIX', 'DATA_STEWARDSHIP', 48],
  ['INVALID_LEGAL_ENTITY', 'DATA_FIX', 'SALES_OPS', 24],
  ['MISSING_TAX_PROFILE', 'DATA_FIX', 'FINANCE_AR', 24],
  ['CURRENCY_MISMATCH', 'DATA_FIX', 'SALES_OPS', 24],
  ['UNMAPPED_SERVICE_SKU', 'DATA_FIX', 'SALES_OPS', 24],
  ['RATE_CARD_MISSING', 'DATA_FIX', 'FINANCE_AR', 24],
  ['TIME_FOR_UNKNOWN_ENGAGEMENT', 'DATA_FIX', 'DELIVERY', 24],
  ['MILESTONE_MISSING_EVIDENCE', 'DATA_FIX', 'DELIVERY', 24],
  ['OUT_OF_ORDER_GAP', 'TRANSIENT', 'INTEGRATION_OPS', 4],
  ['PAYLOAD_CONFLICT', 'PERMANENT', 'INTEGRATION_OPS', 72],
  ['OWNERSHIP_VIOLATION', 'DATA_FIX', 'DATA_STEWARDSHIP', 48],
  ['SCHEMA_INVALID', 'PERMANENT', 'INTEGRATION_OPS', 72],
  ['CONNECTOR_DELIVERY_FAILED', 'TRANSIENT', 'INTEGRATION_OPS', 4],
  ['TAX_ENGINE_UNAVAILABLE', 'TRANSIENT', 'INTEGRATION_OPS', 4],
  ['UNAPPLIED_CASH', 'DECISION', 'FINANCE_AR', 48],
  ['SHORT_PAY_DEDUCTION', 'DECISION', 'FINANCE_AR', 48],
  ['PAYMENT_DISPUTED', 'DECISION', 'FINANCE_AR', 48],
  ['ORPHANED_PROJECT', 'DATA_FIX', 'DELIVERY', 24],
  ['UNBILLED_APPROVED_TIME', 'DECISION', 'FINANCE_AR', 48],
  ['QUOTE_CONTRACT_VALUE_MISMATCH', 'DATA_FIX', 'SALES_OPS', 24],
  ['INVOICE_NOT_CONFIRMED', 'DATA_FIX', 'INTEGRATION_OPS', 24],
  ['LATE_PERIOD_POSTING', 'DECISION', 'FINANCE_AR', 48],
  ['UNKNOWN_EMPLOYEE', 'DATA_FIX', 'DATA_STEWARDSHIP', 48],
  ['UNKNOWN_MILESTONE', 'DATA_FIX', 'DELIVERY', 24],
  ['MILESTONE_VALUE_MISMATCH', 'DATA_FIX', 'SALES_OPS', 24],
  ['FX_RATE_MISSING', 'DATA_FIX', 'FINANCE_AR', 24],
  ['PROCESSING_FAILED', 'DATA_FIX', 'INTEGRATION_OPS', 24],
] as const;

describe('classify', () => {
  it.each(allCodes)('classifies %s completely', (code) => {
    const c = classify(code);
    expect(Object.values(Recoverability)).toContain(c.recoverability);
    expect(Object.values(OwnerTeam)).toContain(c.ownerTeam);
    expect(c.slaHours).toBeGreaterThan(0);
    expect(c.titleTemplate).toContain('{entity}');
    // approve/reject exist exactly for business decisions.
    expect(Boolean(c.decision)).toBe(c.recoverability === 'DECISION');
  });

  it.each(expected)('%s → %s, %s, %ih', (code, recoverability, ownerTeam, slaHours) => {
    expect(classify(code)).toMatchObject({ recoverability, ownerTeam, slaHours });
  });

  it('the expectations name every code (a new code needs a decision here too)', () => {
    expect(expected.map(([code]) => code).sort()).toEqual([...allCodes].sort());
  });

  it('refuses a code that is not in the schema', () => {
    expect(() => classify('NOT_A_CODE' as ExceptionCode)).toThrow(RangeError);
  });

  it('has an SLA for every recoverability and team', () => {
    for (const r of Object.values(Recoverability)) for (const t of Object.values(OwnerTeam)) expect(slaHoursTable[r][t]).toBeGreaterThan(0);
  });
});

describe('exceptionTitle', () => {
  it('names the entity', () => {
    expect(exceptionTitle('UNMAPPED_SERVICE_SKU', { entityType: 'QuoteLine', entityId: 'q-1/2' })).toBe('Service SKU not in the catalog on QuoteLine q-1/2');
  });
});
