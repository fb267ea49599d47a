import { createServer } from 'node:net';

/** Addresses a local server usually binds: loopback, and the IPv6 wildcard (dual-stack, so IPv4's too). */
const PROBE_HOSTS = ['127.0.0.1', '::'] as const;

/** Errors meaning the address itself is missing (no IPv6 on this machine), not that the port is taken. */
const ADDRESS_MISSING = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EPROTONOSUPPORT']);

/**
 * Whether something on this machine already holds the TCP port: tries to bind it on 127.0.0.1
 * and on `::`, and lets go at once. A bind refused for any reason but a missing address counts
 * as in use, so a port this process may not open is skipped too.
 */
export async function portInUse(port: number): Promise<boolean> {
  for (const host of PROBE_HOSTS) {
    if (await bindRefused(port, host)) {
      return true;
    }
  }
  return false;
}

function bindRefused(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(!ADDRESS_MISSING.has(error.code ?? ''));
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(false));
    });
  });
}

/** The ports of `ports` that are in use, probed together. */
export async function portsInUse(ports: readonly number[]): Promise<number[]> {
  const results = await Promise.all(ports.map((port) => portInUse(port)));
  return ports.filter((_, index) => results[index]);
}
