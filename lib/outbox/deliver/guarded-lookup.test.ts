import { describe, expect, it } from 'vitest';
import { AddressRefusedError, checkHostLiteral, guardedLookup } from './guarded-lookup.ts';

type Answer = { address: string; family: number }[];
const resolver = (answers: Record<string, Answer>) => async (hostname: string) => answers[hostname] ?? [];

function lookup(allowPrivate: boolean, answers: Record<string, Answer>, hostname: string, options: { all?: boolean; family?: number } = {}) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) => {
    guardedLookup(allowPrivate, resolver(answers))(hostname, options, (error, address, family) => resolve({ error, address, family }));
  });
}

const dns = {
  'erp.example.com': [{ address: '93.184.215.14', family: 4 }],
  'rebind.example.com': [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.7', family: 4 }],
  'vpn-erp.corp': [{ address: '10.20.30.40', family: 4 }],
  'metadata.example.com': [{ address: '169.254.169.254', family: 4 }],
  'dual.example.com': [{ address: '2606:4700::6810:84e5', family: 6 }, { address: '104.16.132.229', family: 4 }],
};

describe('guardedLookup', () => {
  it.each([
    ['erp.example.com', false, '93.184.215.14'],
    ['vpn-erp.corp', true, '10.20.30.40'],
    ['dual.example.com', false, '2606:4700::6810:84e5'],
  ])('%s (allowPrivate=%s) connects to the checked address %s', async (host, allowPrivate, address) => {
    expect(await lookup(allowPrivate, dns, host)).toMatchObject({ error: null, address });
  });

  it.each([
    ['vpn-erp.corp', false, 'private'],
    ['rebind.example.com', false, 'private'], // one bad record is enough
    ['metadata.example.com', true, 'link-local'], // never, even for private targets
  ])('%s (allowPrivate=%s) is refused as %s', async (host, allowPrivate, category) => {
    const { error } = await lookup(allowPrivate, dns, host);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error).toMatchObject({ code: 'ADDRESS_REFUSED', category });
  });

  it('answers in the form asked for: a list with `all`, the requested family', async () => {
    expect(await lookup(false, dns, 'dual.example.com', { all: true })).toMatchObject({ error: null, address: [{ address: '2606:4700::6810:84e5', family: 6 }] });
    expect(await lookup(false, dns, 'dual.example.com', { family: 4 })).toMatchObject({ address: '104.16.132.229', family: 4 });
  });

  it('reports a name without addresses as not found', async () => {
    expect((await lookup(false, dns, 'nowhere.example.com')).error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('checkHostLiteral', () => {
  it.each([
    ['127.0.0.1', false, true],
    ['127.0.0.1', true, false],
    ['[::1]', false, true],
    ['169.254.169.254', true, true],
    ['8.8.8.8', false, false],
    ['erp.example.com', false, false], // names are judged by the lookup
  ])('%s with allowPrivate=%s refused: %s', (host, allowPrivate, refused) => {
    const check = () => checkHostLiteral(host, allowPrivate);
    if (refused) expect(check).toThrow(AddressRefusedError);
    else expect(check).not.toThrow();
  });
});
