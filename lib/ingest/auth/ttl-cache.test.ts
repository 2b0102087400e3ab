import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('answers until the deadline, not at it', () => {
    const cache = new TtlCache<string, number>(10);
    cache.set('a', 1, 1000);
    expect(cache.get('a', 999)).toBe(1);
    expect(cache.get('a', 1000)).toBeUndefined();
    expect(cache.get('a', 10)).toBeUndefined(); // dropped once expired
  });

  it('drops the oldest entry when full, and everything on clear', () => {
    const cache = new TtlCache<string, number>(2);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    cache.set('a', 3, 100); // refreshes a: b is now the oldest
    cache.set('c', 4, 100);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([3, undefined, 4]);
    cache.clear();
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
