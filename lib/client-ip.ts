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
