import { describe, expect, it } from 'vitest';
import { exceptionQueueSearch, isFilteredQueue } from './exception-queue-query';

const search = (query: string) => exceptionQueueSearch(new URLSearchParams(query));

describe('exceptionQueueSearch', () => {
  it('makes the default statuses explicit and drops the side panel', () => {
    expect(search('selected=abc&sort=-financialImpact')).toBe('sort=-financialImpact&status=OPEN%2CASSIGNED');
  });

  it('asks for every status when the URL says any', () => {
    expect(search('status=any&code=UNMAPPED_SERVICE_SKU')).toBe('code=UNMAPPED_SERVICE_SKU');
  });

  it('keeps a chosen status and drops empty fields of a submitted form', () => {
    expect(search('status=RESOLVED&owner=&connector=crm')).toBe('connector=crm&status=RESOLVED');
  });

  it('gives one view one key whatever the order of its parameters', () => {
    expect(search('owner=SALES_OPS&code=UNMAPPED_SERVICE_SKU&cursor=x')).toBe(search('cursor=x&code=UNMAPPED_SERVICE_SKU&owner=SALES_OPS'));
  });
});

describe('isFilteredQueue', () => {
  it('ignores sort, page and panel', () => {
    expect(isFilteredQueue(new URLSearchParams('sort=slaDueAt&cursor=x&selected=y&owner='))).toBe(false);
    expect(isFilteredQueue(new URLSearchParams('assignee=me'))).toBe(true);
  });
});
