// Which IP addresses Threadline may deliver commands to (DESIGN.md §6, no SSRF). A
// connector's endpoint is checked after DNS resolution, on every address the name
// resolves to, so a public-looking name that resolves to 10.0.0.5 or to the cloud
// metadata service is refused. Private and loopback targets are allowed only for a
// connector configured so (outboundAllowPrivate: the demo simulators on 127.0.0.1, an ERP
// reached over a VPN); link-local (169.254.169.254 is the metadata service), multicast,
// unspecified and reserved addresses never.

export type AddressCategory = 'public' | 'private' | 'loopback' | 'link-local' | 'reserved' | 'invalid';

interface Range {
  base: bigint;
  bits: number;
  category: Exclude<AddressCategory, 'public' | 'invalid'>;
}

const v4 = (text: string, bits: number, category: Range['category']): Range => ({ base: parseIPv4(text)!, bits, category });
const v6 = (text: string, bits: number, category: Range['category']): Range => ({ base: parseIPv6(text)!, bits, category });

// IANA special-purpose registries (RFC 6890 and successors), the ranges that matter here.
const IPV4_RANGES: Range[] = [
  v4('0.0.0.0', 8, 'reserved'), // "this network"; 0.0.0.0 reaches the local host on Linux
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'private'), // carrier-grade NAT
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'),
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'),
  v4('192.0.2.0', 24, 'reserved'),
  v4('192.88.99.0', 24, 'reserved'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'),
  v4('198.51.100.0', 24, 'reserved'),
  v4('203.0.113.0', 24, 'reserved'),
  v4('224.0.0.0', 4, 'reserved'), // multicast
  v4('240.0.0.0', 4, 'reserved'), // includes 255.255.255.255
];

const IPV6_RANGES: Range[] = [
  v6('::', 128, 'reserved'),
  v6('::1', 128, 'loopback'),
  v6('100::', 64, 'reserved'), // discard-only
  v6('2001:db8::', 32, 'reserved'), // documentation
  v6('fc00::', 7, 'private'), // unique local
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'reserved'), // deprecated site-local
  v6('ff00::', 8, 'reserved'), // multicast
];

/** The category of an IP address literal (IPv4, IPv6, IPv4-mapped/NAT64/6to4 judged by the IPv4 inside). */
export function classifyAddress(address: string): AddressCategory {
  const text = address.trim().replace(/^\[(.*)\]$/, '$1');
  const four = parseIPv4(text);
  if (four !== undefined) return categoryIn(four, 32, IPV4_RANGES);
  const six = parseIPv6(text);
  if (six === undefined) return 'invalid';
  const embedded = embeddedIPv4(six);
  if (embedded !== undefined) return categoryIn(embedded, 32, IPV4_RANGES);
  return categoryIn(six, 128, IPV6_RANGES);
}

/** Whether a delivery may connect to this address, and why not when it may not. */
export function mayConnectTo(address: string, options: { allowPrivate: boolean }): { ok: true } | { ok: false; category: AddressCategory } {
  const category = classifyAddress(address);
  if (category === 'public') return { ok: true };
  if (options.allowPrivate && (category === 'private' || category === 'loopback')) return { ok: true };
  return { ok: false, category };
}

function categoryIn(value: bigint, width: number, ranges: Range[]): AddressCategory {
  for (const range of ranges) {
    const shift = BigInt(width - range.bits);
    if (value >> shift === range.base >> shift) return range.category;
  }
  return 'public';
}

/** ::ffff:a.b.c.d (mapped), 64:ff9b::a.b.c.d (NAT64) and 2002:AABB:CCDD:: (6to4) carry an IPv4 address. */
function embeddedIPv4(value: bigint): bigint | undefined {
  const low32 = value & 0xffffffffn;
  if (value >> 32n === 0xffffn) return low32;
  if (value >> 32n === 0x0064ff9b0000000000000000n) return low32;
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn;
  return undefined;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Decimal only: "010" or "0x7f" are octal/hex forms some resolvers accept; refuse them.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIPv6(input: string): bigint | undefined {
  const text = input.replace(/%[\w.-]+$/, ''); // zone id (fe80::1%eth0)
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head = '', tail] = text.split('::') as [string, string | undefined];
  const groups = (side: string): number[] | undefined => {
    if (side === '') return [];
    const out: number[] = [];
    const pieces = side.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const four = parseIPv4(piece);
        if (four === undefined) return undefined;
        out.push(Number(four >> 16n), Number(four & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
  return all.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}
