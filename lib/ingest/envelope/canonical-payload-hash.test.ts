import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalPayloadHash } from './canonical-payload-hash.ts';
import { parseIngestRequest } from './parse-ingest-request.ts';
import { batchRequest, binaryRequest, structuredRequest, validEvent } from './test-support.ts';

/** The rawEvent of the only accepted event of a request body. */
function rawEventOf(body: string): unknown {
  const [result] = parseIngestRequest(structuredRequest(body)).events;
  if (!result?.ok) throw new Error(`not accepted: ${JSON.stringify(result)}`);
  return result.rawEvent;
}

function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)]));
}

describe('canonicalPayloadHash', () => {
  const event = validEvent();
  const hash = canonicalPayloadHash(rawEventOf(JSON.stringify(event)));

  it('is a sha256 hex digest', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same whatever the key order and whitespace', () => {
    expect(canonicalPayloadHash(rawEventOf(JSON.stringify(reorderKeys(event), null, 2)))).toBe(hash);
    expect(canonicalPayloadHash(rawEventOf(`\n ${JSON.stringify(event, null, '\t')}  \n`))).toBe(hash);
  });

  it('is the same for the event inside a batch', () => {
    const [result] = parseIngestRequest(batchRequest([reorderKeys(event)])).events;
    expect(result?.ok && canonicalPayloadHash(result.rawEvent)).toBe(hash);
  });

  it('differs when an amount changes, even to an equal-looking value', () => {
    const changed = (mutate: (data: { entries: { hours: unknown }[] }) => void) => {
      const copy = validEvent();
      mutate(copy.data as { entries: { hours: unknown }[] });
      return canonicalPayloadHash(rawEventOf(JSON.stringify(copy)));
    };
    expect(changed((d) => (d.entries[0]!.hours = 7.25))).not.toBe(hash);
    expect(changed((d) => (d.entries[0]!.hours = '7.5'))).not.toBe(hash); // "as received": 7.5 and "7.5" differ
    expect(changed((d) => d.entries.reverse())).not.toBe(hash); // array order matters
  });

  it('binary mode hashes the rebuilt structured event: same headers and body, same hash', () => {
    const first = parseIngestRequest(binaryRequest(event)).events[0]!;
    const again = parseIngestRequest(binaryRequest(reorderKeys(event) as Record<string, unknown>)).events[0]!;
    expect(first.ok && again.ok && canonicalPayloadHash(first.rawEvent)).toBe(again.ok && canonicalPayloadHash(again.rawEvent));
  });
});

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ '10': 1, '9': 2, B: 3, a: 4 }, '{"10":1,"9":2,"B":3,"a":4}'], // UTF-16 code unit order, not numeric
    [{ s: 'quote " backslash \\ newline \n tab \t' }, '{"s":"quote \\" backslash \\\\ newline \\n tab \\t"}'],
    [{ emoji: '😀', lone: '\ud800', ctl: '\u0001' }, '{"ctl":"\\u0001","emoji":"😀","lone":"\\ud800"}'],
    [{ n: -0, big: 1e21, small: 1e-7, f: 0.1 }, '{"big":1e+21,"f":0.1,"n":0,"small":1e-7}'],
    [{ u: undefined, v: [undefined] }, '{"v":[null]}'],
    ['top', '"top"'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    // The batch size check measures the canonical form in place of the compact JSON.
    expect(Buffer.byteLength(canonicalJson(value))).toBe(Buffer.byteLength(JSON.stringify(value)));
  });
});
