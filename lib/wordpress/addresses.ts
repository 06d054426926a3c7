/**
 * How Broadsheet writes down a WordPress site's addresses, so that the importer stores them and the
 * old-address lookups find them the same way.
 */

/**
 * A site's base URL as its key: scheme and host lower-cased (the URL parser does that), no query,
 * fragment or trailing slash. `HTTP://Example.com/blog/` → `http://example.com/blog`. Null for
 * anything that is not an http(s) URL.
 */
export function siteKey(baseUrl: string): string | null {
  const url = httpUrl(baseUrl);
  if (!url) return null;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The path a request for an old permalink arrives with, as stored and as looked up: decoded where
 * WordPress percent-encodes (`%c3%a9` → `é`), lower-cased, without the trailing slash Next takes off
 * before routing. `http://site/2025/02/12/My-Story/` → `/2025/02/12/my-story`. Null when the link is
 * not on an http(s) address or its path is the site's root.
 */
export function oldPath(link: string): string | null {
  const url = httpUrl(link);
  return url ? normalisePath(url.pathname) : null;
}

/** An absolute http(s) address, parsed; null for anything else. */
function httpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A request path written the way `oldPath` writes stored ones; null for the root. */
export function normalisePath(pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  path = path.replace(/\/+$/, '').toLowerCase();
  return path === '' ? null : path;
}
