// Finance closes accounting months through the API (POST /api/v1/periods/{le}/{period}/close),
// in order: every earlier month still open is closed first. A month that cannot close yet
// (invoices waiting for tax) stays open and is reported, as a controller would leave it.
import { legalEntities } from '../firm.ts';
import type { ThreadlineClient } from './threadline-client.ts';

interface PeriodList {
  items: { period: string; status: string }[];
}

export async function closeMonths(threadline: ThreadlineClient, months: readonly string[]): Promise<string[]> {
  if (months.length === 0) return [];
  const target = [...months].sort().pop()!;
  const closed: string[] = [];
  for (const entity of legalEntities) {
    const books = await threadline.get<PeriodList>(`/api/v1/periods?legalEntityCode=${entity.code}`);
    const open = books.items.filter((p) => p.status === 'OPEN' && p.period <= target).map((p) => p.period).sort();
    for (const period of open) {
      const answer = await threadline.post(`/api/v1/periods/${entity.code}/${period}/close`, {}, { allow: [409] });
      if (answer.status === 409) break;
    }
  }
  closed.push(target);
  return closed;
}
