// DNS for deliveries, checked (DESIGN.md §6, no SSRF): every address the endpoint's name
// resolves to must be allowed for the connector (lib/domain/outbox/classify-address.ts),
// and the socket connects to the address that was checked — the lookup hands it to
// net.connect itself, so a second resolution (DNS rebinding) cannot swap it. IP literals
// never reach a lookup in Node, so checkHostLiteral judges them before the request.
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { mayConnectTo } from '../../domain/outbox/classify-address.ts';

export class AddressRefusedError extends Error {
  readonly code = 'ADDRESS_REFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly category: string,
  ) {
    super(`${host} resolves to ${address} (${category}); this connector may not be called there${category === 'private' || category === 'loopback' ? ' unless it allows private targets' : ''}.`);
    this.name = 'AddressRefusedError';
  }
}

/** Throws AddressRefusedError for an IP-literal host that may not be called. */
export function checkHostLiteral(hostname: string, allowPrivate: boolean): void {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0) return;
  const verdict = mayConnectTo(host, { allowPrivate });
  if (!verdict.ok) throw new AddressRefusedError(hostname, host, verdict.category);
}

type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;
const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export function guardedLookup(allowPrivate: boolean, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        // All of them, not just the first: a name with one public and one private record is refused.
        for (const { address } of addresses) {
          const verdict = mayConnectTo(address, { allowPrivate });
          if (!verdict.ok) throw new AddressRefusedError(hostname, address, verdict.category);
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const chosen = wanted[0] ?? addresses[0]!;
        if (options.all) callback(null, [chosen]);
        else callback(null, chosen.address, chosen.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}
