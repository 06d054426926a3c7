/**
 * A fresh Next server loads each route's code and renders each page on its first request. Under a
 * crowd that first request is slow for everyone at once: fifty readers arriving at a just-started
 * server all waited on the same cold work, long enough for some to pass a 2 s timeout (wrk, 50
 * connections, the sample site's lead story). So before the server takes readers, it asks itself
 * for the home page and the first few sections and stories the home page links to, one at a time:
 * their code is loaded, compiled and their pages are in Next's cache when the first reader comes.
 */

/** Same-site links to a section (`/news`) or a story (`/news/a-story`), in page order, without repeats. */
export function pagesLinkedFrom(html: string, limit: number): string[] {
  const found: string[] = [];
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="(\/[^"?#]*)"/g)) {
    if (!href || !/^\/[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(href) || found.includes(href)) continue;
    found.push(href);
    if (found.length === limit) break;
  }
  return found;
}

/** Asks `origin` for its home page and up to `limit` pages it links to; returns the paths asked for. */
export async function warmUp(origin: string, limit = 6): Promise<string[]> {
  const asked = ['/'];
  const home = await fetch(`${origin}/`, { headers: { connection: 'close' } }).catch(() => null);
  if (!home || !home.ok) return asked;
  for (const path of pagesLinkedFrom(await home.text(), limit)) {
    asked.push(path);
    const response = await fetch(`${origin}${path}`, { headers: { connection: 'close' } }).catch(() => null);
    await response?.arrayBuffer();
  }
  return asked;
}
