import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback-path.ts';

describe('safeCallbackPath', () => {
  it.each([
    ['/exceptions', '/exceptions'],
    ['/invoices?status=open#top', '/invoices?status=open#top'],
    ['/settings/tokens', '/settings/tokens'],
    ['/a/../exceptions', '/exceptions'],
    [undefined, '/'],
    [null, '/'],
    ['', '/'],
    ['exceptions', '/'],
    ['https://evil.example/phish', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?callbackUrl=/login', '/'],
    ['/api/auth/signout', '/'],
    [['/cash', '/admin'], '/cash'],
    ['/' + 'a'.repeat(3000), '/'],
  ])('%j → %s', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});
