import { describe, expect, it } from 'vitest';
import { declaredVersion, decideVersion, type RecordedEntry } from './timesheet-version.ts';

const entry = { date: '2026-04-01', hours: '7.5', role: 'MANAGER', billable: true };
const recorded = (version: number, overrides: Partial<RecordedEntry> = {}): RecordedEntry => ({ version, superseded: false, engagementId: 'e1', workDate: '2026-04-01', hours: '7.50', role: 'MANAGER', billable: true, ...overrides });

describe('timesheet versions', () => {
  it('takes the sequence, else a version in the data, else none', () => {
    expect(declaredVersion({ sequence: 3n }, { version: 9 })).toBe(3);
    expect(declaredVersion({ sequence: null }, { version: '2' })).toBe(2);
    expect(declaredVersion({ sequence: null }, {})).toBeNull();
    expect(declaredVersion({ sequence: 3_000_000_000n }, {})).toBeNull(); // beyond an Int column
  });

  it('applies a new version, repeats nothing, ignores an older one', () => {
    const base = { engagementId: 'e1', entries: [entry] };
    expect(decideVersion({ ...base, declared: 1, recorded: [] })).toEqual({ kind: 'apply', version: 1 });
    expect(decideVersion({ ...base, declared: 1, recorded: [recorded(1)] })).toEqual({ kind: 'already-applied', version: 1 });
    expect(decideVersion({ ...base, declared: 2, recorded: [recorded(1)] })).toEqual({ kind: 'apply', version: 2 });
    expect(decideVersion({ ...base, declared: 1, recorded: [recorded(1, { superseded: true }), recorded(2)] })).toEqual({ kind: 'already-applied', version: 1 });
    expect(decideVersion({ ...base, declared: 2, recorded: [recorded(3)] })).toEqual({ kind: 'stale', version: 2, latest: 3 });
  });

  it('without a version, the same entries are a repeat and different ones the next version', () => {
    const base = { engagementId: 'e1', declared: null };
    expect(decideVersion({ ...base, entries: [entry], recorded: [] })).toEqual({ kind: 'apply', version: 1 });
    expect(decideVersion({ ...base, entries: [entry], recorded: [recorded(1)] })).toEqual({ kind: 'already-applied', version: 1 });
    expect(decideVersion({ ...base, entries: [{ ...entry, hours: '8' }], recorded: [recorded(1)] })).toEqual({ kind: 'apply', version: 2 });
    expect(decideVersion({ ...base, engagementId: 'e2', entries: [entry], recorded: [recorded(1)] })).toEqual({ kind: 'apply', version: 2 });
  });
});
