import { describe, expect, it } from 'vitest';
import { searchParamsToObject } from './search-params.ts';

describe('searchParamsToObject', () => {
  it.each([
    ['', {}],
    ['a=1', { a: '1' }],
    ['a=1&b=2', { a: '1', b: '2' }],
    ['a=1&a=2&a=3', { a: ['1', '2', '3'] }],
    ['a=', { a: '' }],
    ['q=a%20b&q=c', { q: ['a b', 'c'] }],
  ])('%s', (query, expected) => {
    expect(searchParamsToObject(new URLSearchParams(query))).toEqual(expected);
  });
});
