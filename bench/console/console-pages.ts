// The console's main pages as a person opens them, each with the role that works there.
// The benchmark (bench/console) times them and `npm run screenshots` photographs them;
// pages that show one record (an engagement, an invoice, its lineage) take the newest one
// the public API lists, so both work on whatever world the server holds.
import type { DemoUser } from '../../e2e/access/demo-users.ts';

export interface ConsolePage {
  /** File name for screenshots and the row label in the benchmark. */
  slug: string;
  title: string;
  role: DemoUser['role'];
  path: string;
}

interface Listed {
  items: Array<{ id: string; correlationId?: string }>;
}

async function newest(baseUrl: string, token: string, list: 'engagements' | 'invoices'): Promise<Listed['items'][number] | undefined> {
  const response = await fetch(`${baseUrl}/api/v1/${list}?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/v1/${list} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as Listed).items[0];
}

export async function consolePages(baseUrl: string, financeToken: string): Promise<ConsolePage[]> {
  const engagement = await newest(baseUrl, financeToken, 'engagements');
  const invoice = await newest(baseUrl, financeToken, 'invoices');
  const pages: ConsolePage[] = [
    { slug: 'dashboard', title: 'Executive dashboard', role: 'EXECUTIVE', path: '/' },
    { slug: 'exceptions', title: 'Exception queue', role: 'INTEGRATION_OPS', path: '/exceptions' },
    { slug: 'engagements', title: 'Engagements', role: 'DELIVERY', path: '/engagements' },
    { slug: 'invoices', title: 'Invoices', role: 'FINANCE', path: '/invoices' },
    { slug: 'cash', title: 'Cash', role: 'FINANCE', path: '/cash' },
    { slug: 'connectors', title: 'Connectors', role: 'INTEGRATION_OPS', path: '/connectors' },
    { slug: 'admin', title: 'Admin', role: 'ADMIN', path: '/admin' },
  ];
  if (engagement) {
    pages.splice(3, 0, { slug: 'engagement', title: 'Engagement detail', role: 'DELIVERY', path: `/engagements/${engagement.id}` });
    pages.push({ slug: 'lineage', title: 'Lineage explorer', role: 'FINANCE', path: `/lineage?engagement=${engagement.id}` });
  }
  if (invoice) pages.splice(pages.findIndex((p) => p.slug === 'invoices') + 1, 0, { slug: 'invoice', title: 'Invoice detail', role: 'FINANCE', path: `/invoices/${invoice.id}` });
  return pages;
}
