import { describe, expect, it } from 'vitest';
import type { EntityType, SystemKind } from '../../db/generated/enums.ts';
import { decideFieldChanges, mayChange, ownerOf, type OwnershipRuleLike } from './decide-field-changes.ts';
import { DEFAULT_OWNERSHIP_RULES } from './default-ownership-rules.ts';

const rules: OwnershipRuleLike[] = [
  { domain: 'Client', field: '*', owningSystem: 'CRM' },
  { domain: 'Client', field: 'legalName', owningSystem: 'ERP' },
  { domain: 'Client', field: 'health', owningSystem: 'THREADLINE' },
  { domain: 'Employee', field: '*', owningSystem: 'HCM' },
  { domain: 'Engagement', field: 'psaProjectId', owningSystem: 'PSA' },
];

describe('ownerOf', () => {
  it.each<[EntityType, string, SystemKind | null]>([
    ['Client', 'legalName', 'ERP'], // the field rule beats the wildcard
    ['Client', 'name', 'CRM'], // falls back to the wildcard
    ['Client', 'health', 'THREADLINE'],
    ['Employee', 'costRate', 'HCM'],
    ['Engagement', 'psaProjectId', 'PSA'],
    ['Engagement', 'erpProjectId', null], // no wildcard for the domain: not under stewardship
    ['Invoice', 'total', null], // no rule at all
  ])('%s.%s → %s', (domain, field, owner) => {
    expect(ownerOf(domain, field, rules)).toBe(owner);
  });

  it('does not depend on rule order', () => {
    expect(ownerOf('Client', 'legalName', [...rules].reverse())).toBe('ERP');
    expect(ownerOf('Client', 'name', [...rules].reverse())).toBe('CRM');
  });
});

describe('decideFieldChanges', () => {
  it.each<{ name: string; domain: EntityType; sender: SystemKind; changes: Record<string, unknown>; apply: Record<string, unknown>; refused: { field: string; owner: SystemKind }[] }>([
    {
      name: 'CRM changes prospect fields, not the ERP-owned legal name',
      domain: 'Client', sender: 'CRM',
      changes: { name: 'Acme', legalName: 'Acme Holdings plc' },
      apply: { name: 'Acme' }, refused: [{ field: 'legalName', owner: 'ERP' }],
    },
    {
      name: 'ERP changes the legal name, not the CRM wildcard fields',
      domain: 'Client', sender: 'ERP',
      changes: { name: 'Acme', legalName: 'Acme Holdings plc' },
      apply: { legalName: 'Acme Holdings plc' }, refused: [{ field: 'name', owner: 'CRM' }],
    },
    {
      name: 'THREADLINE is refused where a connected system owns the field',
      domain: 'Client', sender: 'THREADLINE',
      changes: { health: 'AT_RISK', name: 'Acme' },
      apply: { health: 'AT_RISK' }, refused: [{ field: 'name', owner: 'CRM' }],
    },
    {
      name: 'HCM owns every employee field',
      domain: 'Employee', sender: 'HCM',
      changes: { name: 'Ada', costRate: '120.5' },
      apply: { name: 'Ada', costRate: '120.5' }, refused: [],
    },
    {
      name: 'a PSA cannot change an employee',
      domain: 'Employee', sender: 'PSA',
      changes: { costRate: '1' },
      apply: {}, refused: [{ field: 'costRate', owner: 'HCM' }],
    },
    {
      name: 'fields no rule covers are allowed to anyone',
      domain: 'Engagement', sender: 'ERP',
      changes: { erpProjectId: 'P-1', psaProjectId: 'X' },
      apply: { erpProjectId: 'P-1' }, refused: [{ field: 'psaProjectId', owner: 'PSA' }],
    },
    {
      name: 'no changes, nothing to decide',
      domain: 'Client', sender: 'CRM', changes: {}, apply: {}, refused: [],
    },
  ])('$name', ({ domain, sender, changes, apply, refused }) => {
    expect(decideFieldChanges({ domain, changes, senderKind: sender, rules })).toEqual({ apply, refused });
  });

  it('keeps null values (a clear is a change like any other)', () => {
    expect(decideFieldChanges({ domain: 'Client', changes: { parentId: null }, senderKind: 'CRM', rules }).apply).toEqual({ parentId: null });
  });
});

describe('mayChange', () => {
  it('follows the same precedence', () => {
    expect(mayChange('Client', '*', 'CRM', rules)).toBe(true);
    expect(mayChange('Client', '*', 'ERP', rules)).toBe(false);
    expect(mayChange('Invoice', '*', 'PSA', rules)).toBe(true);
  });
});

describe('DEFAULT_OWNERSHIP_RULES (DESIGN.md §6)', () => {
  const defaults = DEFAULT_OWNERSHIP_RULES;

  it('has one rule per (domain, field), as the table requires', () => {
    const keys = defaults.map((r) => `${r.domain}.${r.field}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each<[EntityType, string, SystemKind]>([
    ['Quote', 'status', 'CRM'],
    ['QuoteVersion', 'totalValue', 'CRM'],
    ['Client', 'name', 'CRM'],
    ['Client', 'parentId', 'CRM'],
    ['Client', 'legalName', 'ERP'],
    ['Client', 'billToLegalEntityId', 'ERP'],
    ['Client', 'billingAddress', 'ERP'],
    ['Client', 'paymentTermsDays', 'ERP'],
    ['Employee', 'costRate', 'HCM'],
    ['Employee', 'costCenterId', 'HCM'],
    ['Engagement', 'psaProjectId', 'PSA'],
    ['TimeTransaction', 'hours', 'PSA'],
    ['Milestone', 'completedAt', 'PSA'],
    ['Invoice', 'erpInvoiceNumber', 'ERP'],
    ['CashApplication', 'amount', 'ERP'],
    ['CashReceipt', 'amount', 'BANK'],
    ['Dispute', 'status', 'PAYMENTS'],
  ])('%s.%s is owned by %s', (domain, field, owner) => {
    expect(ownerOf(domain, field, defaults)).toBe(owner);
  });
});
