import { describe, expect, it } from 'vitest';
import { exceptionQueueParams, inboxParams } from './console-list-params.ts';

const queue = (query: string) => exceptionQueueParams(new URLSearchParams(query));

describe('exceptionQueueParams', () => {
  it('shows open and assigned by default, every status with status=any', () => {
    expect(queue('')).toMatchObject({ ok: true, query: { status: ['OPEN', 'ASSIGNED'], sort: 'default', limit: 50 } });
    const any = queue('status=any');
    expect(any.ok && any.query.status).toBeUndefined();
    expect(queue('status=&owner=&code=')).toMatchObject({ ok: true, query: { status: ['OPEN', 'ASSIGNED'] } });
    expect(queue('status=RESOLVED&owner=FINANCE_AR&sort=-financialImpact')).toMatchObject({ ok: true, query: { status: ['RESOLVED'], owner: ['FINANCE_AR'], sort: '-financialImpact' } });
  });

  it('names what is wrong in an address', () => {
    const parsed = queue('sort=title&code=NOPE');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toBe("This view's address has values that are not valid for: code, sort.");
  });
});

describe('inboxParams', () => {
  it('every status by default; filters as the API reads them', () => {
    expect(inboxParams(new URLSearchParams(''))).toEqual({ ok: true, query: { limit: 50 } });
    expect(inboxParams(new URLSearchParams('status=any&subject=E-1'))).toEqual({ ok: true, query: { subject: 'E-1', limit: 50 } });
    expect(inboxParams(new URLSearchParams('status=HELD,FAILED'))).toMatchObject({ ok: true, query: { status: ['HELD', 'FAILED'] } });
    expect(inboxParams(new URLSearchParams('status=LOST')).ok).toBe(false);
    // What the filter form submits when only the subject is filled in.
    expect(inboxParams(new URLSearchParams('status=any&connector=&type=&subject=E-2'))).toEqual({ ok: true, query: { subject: 'E-2', limit: 50 } });
  });
});
