// Finds the engagements Threadline created from the demo's quotes (the engagement is named
// "<client> · <quote id>"), newest first through GET /api/v1/engagements, with the PSA
// project id the time tool books against.
import type { ThreadlineClient } from './threadline-client.ts';

export interface LiveEngagement {
  quoteId: string;
  id: string;
  code: string;
  psaProjectId: string | null;
}

interface Page {
  items: { id: string; code: string; name: string; psaProjectId: string | null }[];
  nextCursor: string | null;
}

export async function resolveEngagements(threadline: ThreadlineClient, quoteIds: readonly string[]): Promise<LiveEngagement[]> {
  const missing = new Set(quoteIds);
  const found: LiveEngagement[] = [];
  let cursor: string | null = null;
  while (missing.size > 0) {
    const page: Page = await threadline.get<Page>(`/api/v1/engagements?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const item of page.items) {
      const quoteId = item.name.split(' · ').pop() ?? '';
      if (!missing.delete(quoteId)) continue;
      found.push({ quoteId, id: item.id, code: item.code, psaProjectId: item.psaProjectId });
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return found;
}
