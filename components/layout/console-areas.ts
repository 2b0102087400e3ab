// The console's areas, in navigation order, with the permission that opens each one and
// the honest empty state it shows until its data exists. Navigation, the dashboard and
// the area pages all read this list, so they cannot disagree about who sees what.
import type { Permission } from '@/lib/auth/permissions';

export interface ConsoleArea {
  slug: string;
  href: string;
  label: string;
  permission: Permission;
  /** One line on what the area is for. */
  summary: string;
  empty: { title: string; body: string };
}

export const consoleAreas = [
  {
    slug: 'dashboard',
    href: '/',
    label: 'Dashboard',
    permission: 'kpis:read',
    summary: 'Business and technical KPIs with trends, per legal entity, region, currency and period; every number leads to its rows.',
    empty: { title: 'No KPIs yet', body: 'KPIs are computed from processed events; they appear once connected systems start sending them.' },
  },
  {
    slug: 'exceptions',
    href: '/exceptions',
    label: 'Exceptions',
    permission: 'exceptions:read',
    summary: 'Everything that stopped on its way from quote to cash, with owner, recoverability and financial impact: fix, replay and assign it here.',
    empty: { title: 'No exceptions', body: 'When an event cannot be processed it lands here with its owner, recoverability and the money it holds up.' },
  },
  {
    // Everyone who triages exceptions needs the events behind them, so the Inbox opens
    // with exceptions:read (integration ops, finance, delivery, admin).
    slug: 'events',
    href: '/events',
    label: 'Inbox',
    permission: 'exceptions:read',
    summary: 'Every event received from connected systems, with its status, attempts, timings and last error.',
    empty: { title: 'No events received yet', body: 'Events appear here as soon as a connected system sends them to POST /api/v1/events.' },
  },
  {
    slug: 'lineage',
    href: '/lineage',
    label: 'Lineage',
    permission: 'lineage:read',
    summary: 'Follow any invoice or revenue number back to the quote version, time and events behind it.',
    empty: { title: 'Nothing to trace yet', body: 'Lineage appears once events for an engagement have been processed.' },
  },
  {
    slug: 'engagements',
    href: '/engagements',
    label: 'Engagements',
    permission: 'engagements:read',
    summary: 'Every engagement with its value, estimated cost, billed, recognized, collected, unbilled and margin; milestones, evidence, time, invoices, revenue and cash.',
    empty: { title: 'No engagements yet', body: 'Events from your CRM will appear here once connectors are configured.' },
  },
  {
    slug: 'invoices',
    href: '/invoices',
    label: 'Invoices',
    permission: 'invoices:read',
    summary: 'Invoices with status, ageing and balance, their lines and the sources behind each line.',
    empty: { title: 'No invoices yet', body: 'Invoices appear when billing runs issue them from approved time, completed milestones and retainers.' },
  },
  {
    slug: 'cash',
    href: '/cash',
    label: 'Cash',
    permission: 'cash:read',
    summary: 'Payments received and how they were applied, the unapplied-cash workbench with suggested matches, and deductions and disputes awaiting a decision.',
    empty: { title: 'No payments yet', body: 'Receipts from the payment gateway and bank statements will appear here once those connectors send them.' },
  },
  {
    slug: 'connectors',
    href: '/connectors',
    label: 'Connectors',
    permission: 'connectors:read',
    summary: 'Health, success rate, latency, backlog and dead letters of every connected system, with its recent events and commands.',
    empty: { title: 'No connectors configured', body: 'Connected systems (CRM, PSA, ERP, HCM, tax engine, payments, bank) appear here once they are registered.' },
  },
  {
    slug: 'admin',
    href: '/admin',
    label: 'Admin',
    permission: 'users:manage',
    summary: 'People and their roles, API tokens, data ownership rules, SKU mappings and rate cards, accounting periods.',
    empty: { title: 'No ownership rules yet', body: 'Ownership rules decide which system may change which field; they appear here once configured.' },
  },
] as const satisfies readonly ConsoleArea[];

export type ConsoleAreaSlug = (typeof consoleAreas)[number]['slug'];

export function consoleArea(slug: ConsoleAreaSlug): ConsoleArea {
  return consoleAreas.find((area) => area.slug === slug)!;
}
