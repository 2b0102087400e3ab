// Who may do what (DESIGN.md §11), in one table. Route handlers, server actions, pages
// and the navigation all ask `can(role, permission)`; nothing else compares role names.
// Business reads are open to every role; operational surfaces (exceptions, lineage,
// connectors) to the people who work them; ADMIN reads everything but does not triage
// or approve money decisions (separation of duties).
// Closing and reopening accounting periods is bookkeeping, not a money decision:
// FINANCE and ADMIN both may (issue 4 asks for both).
import type { Role } from '../db/generated/enums.ts';

export const roles = ['ADMIN', 'FINANCE', 'DELIVERY', 'INTEGRATION_OPS', 'EXECUTIVE'] as const satisfies readonly Role[];

/** Every permission with the sentence shown to people ("what you can do here"). */
export const permissionDescriptions = {
  'kpis:read': 'Review business and technical KPIs',
  'engagements:read': 'See engagements with their value, budget, billing and collections',
  'invoices:read': 'See invoices, their lines and the sources behind each line',
  'cash:read': 'See payments received and how they were applied',
  'lineage:read': 'Trace any amount back to the quote, time and events behind it',
  'exceptions:read': 'See the exception queue',
  'exceptions:triage': 'Assign, resolve and suppress exceptions',
  'exceptions:replay': 'Replay held events after a fix',
  'mappings:fix': 'Fix field mappings and the id crosswalk',
  'corrections:push': 'Push corrections to the system that owns the data',
  'finance:approve': 'Approve or reject deductions, disputes, write-offs and corrections that move money',
  'billing:run': 'Run invoicing',
  'revenue:run': 'Run revenue recognition',
  'reconciliation:run': 'Run the reconciliation jobs and see their runs',
  'periods:close': 'Close and reopen accounting periods',
  'delivery:fix': 'Fix delivery data: time, milestones and their evidence',
  'connectors:read': 'Watch connector health, latency, backlog and dead letters',
  'connectors:manage': 'Configure connectors, their tokens and signing secrets',
  'users:manage': 'Manage people and their roles',
  'ownership:manage': 'Manage data ownership rules',
  'tokens:manage-own': 'Create and revoke your personal API tokens',
  'preferences:manage-own': 'Choose the language and time zone your dates are shown in',
} as const;

export type Permission = keyof typeof permissionDescriptions;

export const permissions = Object.keys(permissionDescriptions) as Permission[];

const businessReads = ['kpis:read', 'engagements:read', 'invoices:read', 'cash:read'] as const satisfies readonly Permission[];
const everyone = [...businessReads, 'tokens:manage-own', 'preferences:manage-own'] as const satisfies readonly Permission[];

const grants: Record<Role, readonly Permission[]> = {
  EXECUTIVE: everyone,
  FINANCE: [...everyone, 'lineage:read', 'exceptions:read', 'finance:approve', 'billing:run', 'revenue:run', 'reconciliation:run', 'periods:close'],
  DELIVERY: [...everyone, 'lineage:read', 'exceptions:read', 'delivery:fix'],
  INTEGRATION_OPS: [
    ...everyone,
    'lineage:read',
    'exceptions:read',
    'exceptions:triage',
    'exceptions:replay',
    'mappings:fix',
    'corrections:push',
    'connectors:read',
    'reconciliation:run',
  ],
  ADMIN: [...everyone, 'lineage:read', 'exceptions:read', 'connectors:read', 'connectors:manage', 'users:manage', 'ownership:manage', 'reconciliation:run', 'periods:close'],
};

const grantSets = new Map<Role, ReadonlySet<Permission>>(roles.map((role) => [role, new Set(grants[role])]));

export function can(role: Role, permission: Permission): boolean {
  return grantSets.get(role)?.has(permission) ?? false;
}

/** The role's permissions in the order of `permissionDescriptions`. */
export function permissionsFor(role: Role): Permission[] {
  return permissions.filter((permission) => can(role, permission));
}

export const roleLabels: Record<Role, string> = {
  ADMIN: 'Admin',
  FINANCE: 'Finance',
  DELIVERY: 'Delivery',
  INTEGRATION_OPS: 'Integration ops',
  EXECUTIVE: 'Executive',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
