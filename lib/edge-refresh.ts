import { request } from 'node:http';
import { siteUrl } from './config';

/**
 * The cache in front of the app (docs/nginx.conf) keeps a page for 1 second, but nginx counts
 * lifetimes in whole seconds (a "1s" entry lives up to 2) and the open-source build cannot purge.
 * So when a story's comments change, the app asks nginx for the story again with a header that
 * makes nginx skip its entry, fetch the page afresh and store it: the next reader has it at once.
 *
 * `EDGE_REFRESH_URL` is where nginx listens (e.g. `http://127.0.0.1`); unset, nothing is sent.
 * nginx honours the header from the addresses its config names (loopback by default). Best effort:
 * if nginx cannot be reached the entry still expires on its own within 2 seconds.
 */
export const EDGE_REFRESH_HEADER = 'x-broadsheet-refresh';

export function edgeRefreshUrl(value = process.env.EDGE_REFRESH_URL): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

let lastFailureLogged = 0;

/** Fetches each path through nginx past its cache; resolves with how many were refreshed. */
export async function refreshAtEdge(paths: string[], edge = edgeRefreshUrl(), publicHost = new URL(siteUrl()).host): Promise<number> {
  if (!edge || paths.length === 0) return 0;
  const results = await Promise.all(paths.map((path) => fetchPast(edge, path, publicHost)));
  const failures = results.filter((result) => result !== true);
  if (failures.length && Date.now() - lastFailureLogged > 60_000) {
    lastFailureLogged = Date.now();
    console.warn(`[edge] could not refresh ${failures.length} page(s) at ${edge.origin}: ${String(failures[0])}`);
  }
  return results.length - failures.length;
}

function fetchPast(edge: URL, path: string, host: string): Promise<true | string> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: edge.hostname,
        port: edge.port || 80,
        path,
        method: 'GET',
        // The public host, so that nginx stores the page under the key readers use.
        headers: { host, [EDGE_REFRESH_HEADER]: '1', 'user-agent': 'broadsheet-edge-refresh' },
        timeout: 5_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? true : `status ${res.statusCode}`));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve(error.message));
    req.end();
  });
}
