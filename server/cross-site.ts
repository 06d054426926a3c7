/**
 * A write (anything but GET, HEAD or OPTIONS) sent by a page on another site. Browsers name the
 * page's origin on every post; Next refuses a server action from another origin with a 500, so
 * these are answered with a 403 before Next reads them: by our server under `npm start`
 * (server/serve.ts), and by proxy.ts, which under plain `next start` is the only one to see them.
 * The host compared is the one Next's own check uses (X-Forwarded-Host, else Host), so this is never
 * looser than Next.
 */
export function isCrossSiteWrite(
  method: string | undefined,
  origin: string | undefined,
  host: string | undefined,
): boolean {
  if (!method || method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (!origin) return false;
  if (origin === 'null' || !host) return true;
  return hostOf(origin) !== host.toLowerCase();
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
}

/** One-click unsubscribe (RFC 8058) is posted by mailbox providers from anywhere, by design; its route takes no cookie. */
const postedFromAnywhere = /^\/email\/[A-Za-z0-9_-]+\/unsubscribe$/;

/** The answer to a write refused as cross-site. */
export const CROSS_SITE_REFUSAL = 'Cross-site request refused.';

/**
 * Whether a write to this address (its path, with or without a query) is refused as cross-site:
 * isCrossSiteWrite, except where posts come from anywhere by design. A read costs one comparison.
 */
export function refusedAsCrossSite(method: string | undefined, address: string, origin: string | undefined, host: string | undefined): boolean {
  return isCrossSiteWrite(method, origin, host) && !postedFromAnywhere.test(address.split('?', 1)[0]!);
}
