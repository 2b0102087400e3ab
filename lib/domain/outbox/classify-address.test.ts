import { describe, expect, it } from 'vitest';
import { classifyAddress, mayConnectTo } from './classify-address.ts';

describe('classifyAddress', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['169.254.169.254', 'link-local'], // cloud metadata
    ['fe80::1%eth0', 'link-local'],
    ['fd00::5', 'private'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.7', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['ff02::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'], // NAT64
    ['2002:c0a8:0101::1', 'private'], // 6to4 of 192.168.1.1
    ['::ffff:8.8.8.8', 'public'],
    ['0177.0.0.1', 'invalid'], // octal form
    ['0x7f.0.0.1', 'invalid'],
    ['2130706433', 'invalid'], // integer form
    ['1.2.3', 'invalid'],
    ['1::2::3', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['localhost', 'invalid'],
    ['', 'invalid'],
  ])('%s → %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });
});

describe('mayConnectTo', () => {
  it.each([
    ['8.8.8.8', false, true],
    ['10.0.0.5', false, false],
    ['10.0.0.5', true, true],
    ['127.0.0.1', false, false],
    ['127.0.0.1', true, true],
    ['::1', true, true],
    ['169.254.169.254', true, false], // never, even for private targets
    ['fe80::1', true, false],
    ['0.0.0.0', true, false],
    ['224.0.0.1', true, false],
    ['not-an-ip', true, false],
  ])('%s with allowPrivate=%s → %s', (address, allowPrivate, ok) => {
    expect(mayConnectTo(address, { allowPrivate }).ok).toBe(ok);
  });

  it('names the category it refused', () => {
    expect(mayConnectTo('192.168.0.1', { allowPrivate: false })).toEqual({ ok: false, category: 'private' });
  });
});
