import { describe, expect, it } from 'vitest';
import { isFilteredList, listSearch } from './list-search';

describe('listSearch', () => {
  it('drops view-only keys and empty form fields and orders the keys, keeping repeated values', () => {
    const params = new URLSearchParams('view=receipts&status=APPLIED&legalEntity=&status=UNAPPLIED&cursor=abc');
    expect(listSearch(params, ['view']).toString()).toBe('cursor=abc&status=APPLIED&status=UNAPPLIED');
  });

  it('gives the same key for the same view whatever the order of the URL', () => {
    expect(listSearch(new URLSearchParams('sort=-balanceDue&status=PAID')).toString()).toBe(listSearch(new URLSearchParams('status=PAID&sort=-balanceDue')).toString());
  });
});

describe('isFilteredList', () => {
  it('counts filters, not the sort, the page or view-only keys', () => {
    expect(isFilteredList(new URLSearchParams('sort=dueDate&cursor=x&view=receipts&status='), ['view'])).toBe(false);
    expect(isFilteredList(new URLSearchParams('view=receipts&region=EMEA'), ['view'])).toBe(true);
  });
});
