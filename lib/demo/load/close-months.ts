// Finance closes accounting months through the API (POST /api/v1/periods/{le}/{period}/close),
// in order: every earlier month still open is closed first. The books are read once
// (GET /api/v1/periods) and followed from there. A month that cannot close yet (invoices
// waiting for tax) stays open, with the later ones, as a controller would leave it.
import { legalEntities } from '../firm.ts';
import type { ThreadlineClient } from './threadline-client.ts';

interface PeriodList {
  items: { period: string; status: string }[];
}

export interface Books {
  /** Closes every open month up to the latest named; answers the months asked for. */
  close(months: readonly string[]): Promise<string[]>;
}

export async function openBooks(threadline: ThreadlineClient): Promise<Books> {
  const open = new Map<string, string[]>();
  for (const entity of legalEntities) {
    const books = await threadline.get<PeriodList>(`/api/v1/periods?legalEntityCode=${entity.code}`);
    open.set(entity.code, books.items.filter((p) => p.status === 'OPEN').map((p) => p.period).sort());
  }
  return {
    async close(months) {
      if (months.length === 0) return [];
      const target = [...months].sort().pop()!;
      for (const [code, periods] of open) {
        while (periods.length > 0 && periods[0]! <= target) {
          const answer = await threadline.post(`/api/v1/periods/${code}/${periods[0]}/close`, {}, { allow: [409] });
          if (answer.status === 409) break;
          periods.shift();
        }
      }
      return [...months];
    },
  };
}
