/**
 * A write (anything but GET, HEAD or OPTIONS) sent by a page on another site. Browsers name the
 * page's origin on every post; Next refuses a server action from another origin with a 500, so
 * proxy.ts answers these with a 403 before Next reads them. The host compared is the one Next's own
 * check uses (X-Forwarded-Host, else Host), so this is never looser than Next.
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
