import { describe, expect, it } from 'vitest';
import { secretState } from './connector-view.ts';

const now = new Date('2026-03-01T12:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('secretState', () => {
  it.each([
    ['current', { activeFrom: at(-1), expiresAt: null, revokedAt: null }],
    ['current', { activeFrom: at(0), expiresAt: at(1), revokedAt: null }],
    ['expired', { activeFrom: at(-10), expiresAt: at(0), revokedAt: null }],
    ['scheduled', { activeFrom: at(1), expiresAt: null, revokedAt: null }],
    ['revoked', { activeFrom: at(-10), expiresAt: at(10), revokedAt: at(-1) }],
  ] as const)('%s', (state, secret) => {
    expect(secretState(secret, now)).toBe(state);
  });
});
