// The signed-in console: navigation by area (filtered by the role's permissions), the top
// bar, and the page. Signed-out visitors are sent to sign in.
import type { ReactNode } from 'react';
import { requireSignedIn } from '@/lib/auth/page-access';
import { can } from '@/lib/auth/permissions';
import { consoleAreas } from '@/components/layout/console-areas';
import { SidebarNav } from '@/components/layout/sidebar-nav';
import { TopBar } from '@/components/layout/top-bar';
import { Wordmark } from '@/components/layout/wordmark';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requireSignedIn();
  const visible = consoleAreas.filter((area) => can(principal.role, area.permission)).map((area) => area.slug);
  return (
    // One navigation for every screen size: a sidebar on wide screens, a strip on top otherwise.
    // Printed pages (the dashboard's print layout) leave the navigation out.
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col print:hidden border-b border-line bg-surface md:w-56 md:border-r md:border-b-0">
        <div className="flex h-14 items-center px-6">
          <Wordmark />
        </div>
        <div className="pb-2 md:pt-3">
          <SidebarNav visible={visible} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="print:hidden">
          <TopBar principal={principal} />
        </div>
        <main className="flex-1 px-6 py-8 lg:px-10 print:p-0">{children}</main>
      </div>
    </div>
  );
}
