import { describe, expect, it } from 'vitest';
import { checkSignature, computeSignature, parseSignatureHeader, signPayload, type SigningSecret } from './signature.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const t = now.getTime() / 1000;
const body = Buffer.from('{"specversion":"1.0","id":"e-1","data":{"amount":"100.00"}}');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

const current: SigningSecret = { id: 'current', secret: 'tl_whsec_current', activeFrom: hours(-48), expiresAt: null };
const rotatedOut: SigningSecret = { id: 'old', secret: 'tl_whsec_old', activeFrom: hours(-96), expiresAt: hours(12) };
const expired: SigningSecret = { id: 'expired', secret: 'tl_whsec_expired', activeFrom: hours(-96), expiresAt: hours(-1) };
const scheduled: SigningSecret = { id: 'scheduled', secret: 'tl_whsec_scheduled', activeFrom: hours(1), expiresAt: null };

type Case = [name: string, secrets: SigningSecret[], header: string | null, rawBody: Buffer | string, expected: string];

const cases: Case[] = [
  ['valid', [current], signPayload(current.secret, body, t), body, 'ok:current'],
  ['valid from a string body with the same bytes', [current], signPayload(current.secret, body.toString('utf8'), t), body, 'ok:current'],
  ['wrong secret', [current], signPayload('tl_whsec_someone-else', body, t), body, 'mismatch'],
  ['tampered body', [current], signPayload(current.secret, body, t), Buffer.from(body.toString().replace('100.00', '900.00')), 'mismatch'],
  ['body re-serialised (whitespace)', [current], signPayload(current.secret, body, t), JSON.stringify(JSON.parse(body.toString()), null, 1), 'mismatch'],
  ['signature for another timestamp', [current], `t=${t}` + signPayload(current.secret, body, t - 1).slice(`t=${t - 1}`.length), body, 'mismatch'],
  ['t 301 s old', [current], signPayload(current.secret, body, t - 301), body, 'outside-tolerance'],
  ['t 301 s in the future', [current], signPayload(current.secret, body, t + 301), body, 'outside-tolerance'],
  ['t exactly 300 s old', [current], signPayload(current.secret, body, t - 300), body, 'ok:current'],
  ['t 300 s in the future', [current], signPayload(current.secret, body, t + 300), body, 'ok:current'],
  ['rotation: signed with the old secret', [current, rotatedOut], signPayload(rotatedOut.secret, body, t), body, 'ok:old'],
  ['rotation: signed with the new secret', [current, rotatedOut], signPayload(current.secret, body, t), body, 'ok:current'],
  ['rotation: signed with both', [rotatedOut, current], signPayload([current.secret, rotatedOut.secret], body, t), body, 'ok:old'],
  ['expired secret', [current, expired], signPayload(expired.secret, body, t), body, 'mismatch'],
  ['only an expired secret', [expired], signPayload(expired.secret, body, t), body, 'no-current-secret'],
  ['secret not active yet', [current, scheduled], signPayload(scheduled.secret, body, t), body, 'mismatch'],
  ['missing header', [current], null, body, 'missing'],
  ['empty header', [current], '', body, 'missing'],
  ['no v1', [current], `t=${t}`, body, 'malformed'],
  ['no t', [current], `v1=${computeSignature(current.secret, t, body)}`, body, 'malformed'],
  ['t twice', [current], `t=${t},t=${t},v1=${computeSignature(current.secret, t, body)}`, body, 'malformed'],
  ['t not a number', [current], `t=soon,v1=${computeSignature(current.secret, t, body)}`, body, 'malformed'],
  ['t in milliseconds', [current], signPayload(current.secret, body, now.getTime()), body, 'malformed'],
  ['v1 not hex', [current], `t=${t},v1=${'z'.repeat(64)}`, body, 'malformed'],
  ['v1 too short', [current], `t=${t},v1=abcd`, body, 'malformed'],
  ['no key=value', [current], 'garbage', body, 'malformed'],
  ['spaces around items are fine', [current], ` t=${t} , v1=${computeSignature(current.secret, t, body)} `, body, 'ok:current'],
  ['unknown schemes are ignored', [current], `t=${t},v0=abc,v1=${computeSignature(current.secret, t, body)}`, body, 'ok:current'],
];

describe('checkSignature', () => {
  it.each(cases)('%s', (_name, secrets, header, rawBody, expected) => {
    const result = checkSignature({ secrets, header, rawBody: typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody, now });
    expect(result.ok ? `ok:${result.secret.id}` : result.failure).toBe(expected);
  });

  it('says why in a sentence the sender can act on', () => {
    const stale = checkSignature({ secrets: [current], header: signPayload(current.secret, body, t - 600), rawBody: body, now });
    expect(stale.ok || stale.detail).toMatch(/outside the 5-minute tolerance \(replay protection\)/);
    const missing = checkSignature({ secrets: [current], header: null, rawBody: body, now });
    expect(missing.ok || missing.detail).toMatch(/Threadline-Signature: t=<unix seconds>,v1=/);
  });
});

describe('signPayload', () => {
  it('writes t and one v1 per secret, HMAC-SHA256 over "<t>.<raw body>"', () => {
    const header = signPayload(['a', 'b'], 'hello', 1700000000);
    expect(header).toBe(`t=1700000000,v1=${computeSignature('a', 1700000000, 'hello')},v1=${computeSignature('b', 1700000000, 'hello')}`);
    // Known answer, from: printf '1700000000.hello' | openssl dgst -sha256 -hmac a
    expect(computeSignature('a', 1700000000, Buffer.from('hello'))).toBe('fcf4ac36d23254887968f0845446e9ff4e49c38745b83d367212f25d4b49375a');
  });

  it('defaults t to the current second', () => {
    const parsed = parseSignatureHeader(signPayload('a', 'x'));
    expect(Math.abs(parsed!.t - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('parseSignatureHeader', () => {
  it('refuses too many signatures and oversized headers', () => {
    const v1 = `v1=${'a'.repeat(64)}`;
    expect(parseSignatureHeader(`t=1,${Array(16).fill(v1).join(',')}`)?.signatures).toHaveLength(16);
    expect(parseSignatureHeader(`t=1,${Array(17).fill(v1).join(',')}`)).toBeUndefined();
    expect(parseSignatureHeader(`t=1,${v1},x=${'b'.repeat(5000)}`)).toBeUndefined();
  });
});
