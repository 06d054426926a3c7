/**
 * The server of `npm start`: Next's own request handler (`next()` / `getRequestHandler()`, as Next's
 * custom-server guide shows) behind a plain node:http server, for what Next cannot do itself:
 * - the client address from the socket (or, with TRUST_PROXY, from our own proxy), written into
 *   X-Forwarded-For so that nothing a client sends can pose as it (server/client-ip.ts);
 * - a body-size limit, so a large post is refused before it is read (server/body-limits.ts), and a
 *   post from another site refused with a 403 (server/cross-site.ts): proxy.ts does both under plain
 *   `next start`, but its matcher leaves small posts that a browser marks as same-origin to Next,
 *   and only a script can send that mark from elsewhere;
 * - search renders limited to eight at a time (server/render-limit.ts);
 * - a warm-up before it takes readers (server/warm-up.ts), so a crowd at a fresh start does not all
 *   wait on each route's first load;
 * - graceful shutdown: SIGTERM lets requests in flight finish before the database closes.
 * Everything else, routing and compression included, is Next's: the site is the same under plain
 * `next start` (docs/deployment.md says what that mode cannot know).
 */
import '../scripts/load-env';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import next from 'next';
import { closeDatabase } from '../db/client';
import { tooLarge } from './body-limits';
import { CROSS_SITE_REFUSAL, refusedAsCrossSite } from './cross-site';
import { resolveClientIp, SERVER_RESOLVES_ADDRESS, trustProxyHops } from './client-ip';
import { createRenderLimit } from './render-limit';
import { warmUp } from './warm-up';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trust = trustProxyHops();
const dev = process.argv.includes('--dev');
// The app trusts X-Forwarded-For as this server rewrites it below (server/client-ip.ts).
process.env[SERVER_RESOLVES_ADDRESS] = '1';

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Search renders per request: eight at a time keep the cores as busy as fifty did, in a fraction of the memory. */
const searchRenders = createRenderLimit(8);

let stopping = false;

/** Answers a post refused before it is read, and lets its body drain. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' });
  res.end(text);
  req.resume();
}

const server = createServer((req, res) => {
  // While shutting down, answer what is in flight and let each connection close after its answer.
  if (stopping) res.setHeader('Connection', 'close');
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  if (tooLarge(req.url ?? '/', req.headers['content-length'], req.headers.cookie)) return refuse(req, res, 413, 'Request body too large.');
  if (refusedAsCrossSite(req.method, req.url ?? '/', req.headers.origin, Array.isArray(host) ? host[0] : host)) return refuse(req, res, 403, CROSS_SITE_REFUSAL);
  // Next reads the client address from this header; make it the one we trust.
  req.headers['x-forwarded-for'] = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);
  // HSTS only where the site is really served over https (by us, or by a trusted proxy in front).
  const forwardedProto = trust > 0 ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
  if ('encrypted' in req.socket || forwardedProto === 'https') {
    res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  const respond = () => void handle(req, res);
  if (req.url === '/search' || req.url?.startsWith('/search?')) searchRenders(res, respond);
  else respond();
});
server.keepAliveTimeout = 65_000;

if (!dev) {
  // On a private loopback port first: the public port opens only once the warm-up is done.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const started = performance.now();
  const warmed = await warmUp(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  console.log(`Warmed up ${warmed.length} pages in ${Math.round(performance.now() - started)} ms`);
}
server.listen(port, hostname, () => {
  console.log(`Broadsheet is serving on http://localhost:${port}`);
});

function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database`);
  server.close(() => {
    void closeDatabase().finally(() => process.exit(0));
  });
  // Keep-alive connections that go idle once their request is answered are closed as they do.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => {
    console.error('Requests still open after 10 s: closing anyway');
    void closeDatabase().finally(() => process.exit(1));
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
