import { isIP } from 'node:net';

import type { FastifyRequest } from 'fastify';

import { HttpError, excerpt } from './errors.ts';

/**
 * onRequest hook against DNS rebinding. A page on `evil.test` whose name is made to resolve to
 * 127.0.0.1 talks to this server as its own origin: `Origin` and `Host` both say `evil.test`,
 * so the origin checks pass it. On a connection to a loopback address the `Host` must therefore
 * be a loopback name (`localhost`, `*.localhost`, 127.x.x.x, `[::1]`) or the host of an
 * allow-listed origin (`--cors-origins`, e.g. a dev proxy's), or an IP address (a rebinding
 * page has a name: a phone opening the dev proxy by its LAN address, say, is no such page);
 * 403 `forbidden-host` otherwise.
 * A request-target in absolute form (`GET http://evil.test/api/health`) names the host
 * instead of `Host`, which RFC 9112 §3.2.2 then says to ignore: that authority is checked.
 * A server reached on another interface was exposed on purpose and is not checked. An absent
 * `Host` (HTTP/1.0) passes; HTTP/1.1 requires one (see `checkRequestHead`).
 *
 * @example
 * app.addHook('onRequest', guardHost(['http://localhost:4200']));
 */
export function guardHost(allowedOrigins: readonly string[]) {
  const hosts = allowedOrigins.filter((origin) => URL.canParse(origin));
  const allowed = new Set(hosts.map((origin) => hostnameOf(new URL(origin).host)));
  return async (request: FastifyRequest): Promise<void> => {
    const host = absoluteAuthorityOf(request.raw.url ?? '') ?? request.headers.host;
    if (host === undefined || !isLoopback(request.socket.localAddress ?? '')) return;
    const name = hostnameOf(host);
    if (name !== undefined && (isIP(name) !== 0 || isLoopbackName(name) || allowed.has(name))) {
      return;
    }
    throw new HttpError(
      403,
      'forbidden-host',
      `Host: ${excerpt(host)}: a loopback server answers loopback names and --cors-origins hosts only`,
    );
  };
}

/** The authority of an absolute-form request-target (`http://host:port/path`), if it is one. */
function absoluteAuthorityOf(target: string): string | undefined {
  return /^https?:\/\/([^/?#]*)/i.exec(target)?.[1];
}

/** The lower-cased host name of a `Host` value (no port, IPv6 without brackets), if it parses. */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || isLoopback(name);
}

function isLoopback(address: string): boolean {
  const v4 = address.replace(/^::ffff:/, '');
  return address === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'));
}
