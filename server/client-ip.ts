import { isIP } from 'node:net';

/**
 * The address a request came from. Without a proxy it is the socket's address and headers are
 * ignored (anyone can send X-Forwarded-For). Behind proxies, TRUST_PROXY=N trusts the last N hops:
 * the client is the Nth address from the right of X-Forwarded-For, the one our own proxy appended.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string {
  const socket = normalize(socketAddress ?? '');
  if (trustProxy <= 0 || !forwardedFor) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((part) => normalize(part.trim()))
    .filter((part) => isIP(part) !== 0);
  return hops[Math.max(0, hops.length - trustProxy)] ?? socket;
}

/** `::ffff:127.0.0.1` is IPv4 spoken over IPv6; say it the IPv4 way. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function trustProxyHops(value = process.env.TRUST_PROXY): number {
  if (!value || value === 'false' || value === '0') return 0;
  if (value === 'true') return 1;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Set in its own process by the server of `npm start` (scripts/serve.ts), which replaces every
 * request's X-Forwarded-For with the address it resolved above before Next sees it.
 */
export const SERVER_RESOLVES_ADDRESS = 'BROADSHEET_SERVER_RESOLVES_ADDRESS';

/**
 * Stands for every client whose address cannot be known (plain `next start` without TRUST_PROXY,
 * where X-Forwarded-For is whatever the client sent). Checks keyed on the address then treat all
 * such clients as one: flood control and sign-in throttles get stricter, and reports from them
 * count as one person, so a made-up header can never buy a way past a check.
 */
export const UNKNOWN_ADDRESS = 'unknown';

let warned = false;

/**
 * The client address as the app sees it, from the request's X-Forwarded-For. Trusted as it stands
 * when our server wrote it; under plain `next start` only through TRUST_PROXY's hops (Next keeps a
 * header a proxy or client sent, and adds the socket's address only when there is none).
 */
export function clientAddress(
  forwardedFor: string | null,
  env: Record<string, string | undefined> = process.env,
): string {
  if (env[SERVER_RESOLVES_ADDRESS] === '1') return forwardedFor?.trim() || UNKNOWN_ADDRESS;
  const trust = trustProxyHops(env.TRUST_PROXY);
  if (trust > 0 && forwardedFor) {
    const resolved = resolveClientIp(undefined, forwardedFor, trust);
    if (resolved) return resolved;
  }
  if (!warned) {
    warned = true;
    console.warn(
      '[broadsheet] Client addresses cannot be known here (plain `next start` without TRUST_PROXY): ' +
        'flood control, sign-in throttles and reports treat every client as one. Serve with `npm start`, ' +
        'or set TRUST_PROXY behind a proxy that sets X-Forwarded-For (docs/deployment.md).',
    );
  }
  return UNKNOWN_ADDRESS;
}
