// What a batch's revenue ledgers already hold: every posted entry (the core plans the
// difference against them), the date each engagement was last run through, and the legal
// entities' books. Read after the engagements are locked, so a concurrent run's entries
// are seen rather than raced.
import type { Prisma } from '../../db/client.ts';
import type { IsoDate, YearMonth } from '../../domain/periods/calendar-date.ts';
import type { AccountingPeriodInput } from '../../domain/periods/posting-period.ts';
import type { PostedRevenueEntry } from '../../domain/revenue/revenue-types.ts';
import { periodsForPosting } from '../periods/periods-for-posting.ts';

export interface RevenueLedgerState {
  postedOf(engagementId: string): PostedRevenueEntry[];
  /** The latest asOf any of the engagement's schedules was run through. */
  recognizedThroughOf(engagementId: string): IsoDate | null;
  periodsOf(legalEntityId: string): AccountingPeriodInput[];
  /** AccountingPeriod.id of a legal entity's month; throws when the books have no such row. */
  periodId(legalEntityId: string, period: YearMonth): string;
}

export async function loadRevenueLedger(tx: Prisma.TransactionClient, options: { engagementIds: readonly string[]; legalEntityIds: readonly string[] }): Promise<RevenueLedgerState> {
  const engagementIds = [...options.engagementIds];
  const entries = await tx.revenueEntry.findMany({
    where: { engagementId: { in: engagementIds } },
    select: { id: true, engagementId: true, idempotencyKey: true, kind: true, period: true, originalPeriod: true, amount: true, reversesEntryId: true, invoiceId: true },
  });
  const schedules = await tx.revenueSchedule.findMany({ where: { engagementId: { in: engagementIds } }, select: { engagementId: true, recognizedThrough: true } });
  const periods = await periodsForPosting(tx, options.legalEntityIds);

  const posted = new Map<string, PostedRevenueEntry[]>();
  for (const e of entries) {
    const entry: PostedRevenueEntry = { id: e.id, idempotencyKey: e.idempotencyKey, kind: e.kind, period: e.period, originalPeriod: e.originalPeriod, amount: e.amount.toString(), reversesEntryId: e.reversesEntryId, invoiceId: e.invoiceId };
    const list = posted.get(e.engagementId);
    if (list) list.push(entry);
    else posted.set(e.engagementId, [entry]);
  }
  const through = new Map<string, IsoDate>();
  for (const s of schedules) {
    const day = s.recognizedThrough?.toISOString().slice(0, 10);
    if (day && day > (through.get(s.engagementId) ?? '')) through.set(s.engagementId, day);
  }
  const books = new Map<string, AccountingPeriodInput[]>();
  const ids = new Map<string, string>();
  for (const p of periods) {
    const book = books.get(p.legalEntityId) ?? [];
    book.push({ period: p.period, status: p.status });
    books.set(p.legalEntityId, book);
    ids.set(`${p.legalEntityId}:${p.period}`, p.id);
  }
  return {
    postedOf: (id) => posted.get(id) ?? [],
    recognizedThroughOf: (id) => through.get(id) ?? null,
    periodsOf: (id) => books.get(id) ?? [],
    periodId(legalEntityId, period) {
      const id = ids.get(`${legalEntityId}:${period}`);
      if (!id) throw new RangeError(`Legal entity ${legalEntityId} has no accounting period ${period}`);
      return id;
    },
  };
}
