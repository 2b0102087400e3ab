// GET /api/v1/exceptions in the read benchmark: the first page (50 rows, the API's default)
// of the 75,000-row queue (50,000 unresolved) for every sort the API offers, each with the
// filters people use — none (the whole queue, history included), the open queue
// (status=OPEN,ASSIGNED), a team's open queue (owner=FINANCE_AR) and one code
// (code=UNAPPLIED_CASH) — and, in the default order, "assigned to me", "unassigned" and one
// recoverability. Goal: p95 < 50 ms for every one.
import { GET } from '../../app/api/v1/exceptions/route.ts';
import { exceptionSorts } from '../../lib/queries/exceptions/exception-sort.ts';
import { callRoute } from './call-route.ts';
import { describeTiming, measure, type Timing } from './measure.ts';

export const EXCEPTION_GOAL_MS = 50;

export const EXCEPTION_FILTERS = [
  ['none', ''],
  ['open', '&status=OPEN,ASSIGNED'],
  ['team', '&status=OPEN,ASSIGNED&owner=FINANCE_AR'],
  ['code', '&code=UNAPPLIED_CASH'],
] as const;

const DEFAULT_ORDER_FILTERS = [
  ['assignee=me', '&assignee=me'],
  ['unassigned', '&status=OPEN&assignee=none'],
  ['recoverability=DATA_FIX', '&status=OPEN,ASSIGNED&recoverability=DATA_FIX'],
] as const;

export interface ExceptionTiming extends Timing {
  sort: string;
  filter: string;
}

export async function runExceptionCases(token: string, runs: number, say: (line: string) => void): Promise<ExceptionTiming[]> {
  const cases: [string, string, string][] = [
    ...exceptionSorts.flatMap((sort) => EXCEPTION_FILTERS.map(([filter, query]): [string, string, string] => [sort, filter, query])),
    ...DEFAULT_ORDER_FILTERS.map(([filter, query]): [string, string, string] => ['default', filter, query]),
  ];
  const results: ExceptionTiming[] = [];
  for (const [sort, filter, query] of cases) {
    const url = `/api/v1/exceptions?sort=${encodeURIComponent(sort)}${query}`;
    const body = (await callRoute(GET, url, token)).body();
    // A page of the default size, or the whole of a smaller list: an empty page measures nothing.
    if ((body as { items: unknown[] }).items.length === 0) throw new Error(`GET ${url} found no exceptions`);
    const timing = await measure(`exceptions sort=${sort} ${filter}`, async () => (await callRoute(GET, url, token)).ms, { runs });
    results.push({ ...timing, sort, filter });
    say(describeTiming(timing));
  }
  return results;
}
