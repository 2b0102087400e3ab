// The access matrix of DESIGN.md §11, written out in full so that a change to
// permissions.ts has to be a deliberate change here too.
import { describe, expect, it } from 'vitest';
import { can, isRole, permissions, permissionsFor, roles, type Permission } from './permissions.ts';
import type { Role } from '../db/generated/enums.ts';

const A = 'ADMIN', F = 'FINANCE', D = 'DELIVERY', I = 'INTEGRATION_OPS', E = 'EXECUTIVE';

const expected: Record<Permission, Role[]> = {
  'kpis:read': [A, F, D, I, E],
  'engagements:read': [A, F, D, I, E],
  'invoices:read': [A, F, D, I, E],
  'cash:read': [A, F, D, I, E],
  'tokens:manage-own': [A, F, D, I, E],
  'preferences:manage-own': [A, F, D, I, E],
  'lineage:read': [A, F, D, I],
  'exceptions:read': [A, F, D, I],
  'exceptions:triage': [I],
  'exceptions:replay': [I],
  'mappings:fix': [I],
  'corrections:push': [I],
  'finance:approve': [F],
  'billing:run': [F],
  'revenue:run': [F],
  'reconciliation:run': [A, F, I],
  'periods:close': [A, F],
  'delivery:fix': [D],
  'connectors:read': [A, I],
  'connectors:manage': [A],
  'users:manage': [A],
  'ownership:manage': [A],
};

describe('permission matrix', () => {
  const rows = permissions.flatMap((permission) => roles.map((role) => ({ permission, role, allowed: expected[permission].includes(role) })));

  it.each(rows)('$role → $permission: $allowed', ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('covers every permission', () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
  });

  it('EXECUTIVE only reads (and manages its own tokens and preferences)', () => {
    for (const permission of permissionsFor('EXECUTIVE')) {
      expect(permission.endsWith(':read') || permission.endsWith(':manage-own')).toBe(true);
    }
  });

  it('ADMIN reads everything there is to read', () => {
    for (const permission of permissions.filter((p) => p.endsWith(':read'))) expect(can('ADMIN', permission)).toBe(true);
  });

  it('only FINANCE approves money decisions', () => {
    expect(roles.filter((role) => can(role, 'finance:approve'))).toEqual(['FINANCE']);
  });
});

describe('isRole', () => {
  it.each([
    ['ADMIN', true],
    ['EXECUTIVE', true],
    ['admin', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%s → %s', (value, result) => {
    expect(isRole(value)).toBe(result);
  });
});
