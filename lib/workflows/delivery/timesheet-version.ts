// Which version of a timesheet an event carries, and what to do with it. The version is
// the event's `sequence` (the aggregate version, DESIGN.md §5), else a `version` the sender
// put in the data; without either, a timesheet whose entries differ from the recorded ones
// is the next version and one that matches them is a repeat. A version already recorded is
// a replay (nothing to do); an older one than recorded is stale and ignored.
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import type { WorkflowEvent } from '../workflow.ts';
import type { TimesheetEntry } from './price-timesheet.ts';

const MAX_INT4 = 2_147_483_647;

export interface RecordedEntry {
  version: number;
  superseded: boolean;
  engagementId: string;
  workDate: string;
  hours: string;
  role: string;
  billable: boolean;
}

export type VersionDecision =
  | { kind: 'apply'; version: number }
  | { kind: 'already-applied'; version: number }
  | { kind: 'stale'; version: number; latest: number };

export function declaredVersion(event: Pick<WorkflowEvent, 'sequence'>, data: Record<string, unknown>): number | null {
  if (event.sequence !== null) return toVersion(event.sequence.toString());
  const raw = data.version;
  return typeof raw === 'number' || typeof raw === 'string' ? toVersion(String(raw)) : null;
}

export function decideVersion(options: { declared: number | null; engagementId: string; entries: readonly TimesheetEntry[]; recorded: readonly RecordedEntry[] }): VersionDecision {
  const { declared, recorded } = options;
  const latest = recorded.reduce((max, r) => Math.max(max, r.version), 0);
  if (declared !== null) {
    if (recorded.some((r) => r.version === declared)) return { kind: 'already-applied', version: declared };
    return declared < latest ? { kind: 'stale', version: declared, latest } : { kind: 'apply', version: declared };
  }
  if (latest === 0) return { kind: 'apply', version: 1 };
  const current = recorded.filter((r) => r.version === latest);
  return sameEntries(current, options.engagementId, options.entries) ? { kind: 'already-applied', version: latest } : { kind: 'apply', version: latest + 1 };
}

function sameEntries(current: readonly RecordedEntry[], engagementId: string, entries: readonly TimesheetEntry[]): boolean {
  if (current.length !== entries.length) return false;
  const key = (e: { workDate: string; hours: string; role: string; billable: boolean }) => `${e.workDate}|${e.role}|${e.billable}`;
  const left = [...current].sort((a, b) => key(a).localeCompare(key(b)) || compareDecimalStrings(a.hours, b.hours));
  const right = entries.map((e) => ({ workDate: e.date, hours: e.hours, role: e.role, billable: e.billable })).sort((a, b) => key(a).localeCompare(key(b)) || compareDecimalStrings(a.hours, b.hours));
  return left.every((l, i) => l.engagementId === engagementId && key(l) === key(right[i]!) && compareDecimalStrings(l.hours, right[i]!.hours) === 0);
}

function toVersion(text: string): number | null {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_INT4 ? value : null;
}
