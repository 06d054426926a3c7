/**
 * The server: Next's request handler behind a plain node:http server, so that the client address
 * comes from the socket (or, with TRUST_PROXY, from our own proxy) and nothing a client sends can
 * pose as it, so that public addresses reach the paths Next caches (lib/public-routes.ts), and so
 * that SIGTERM lets requests in flight finish before the database closes. `npm start` serves the
 * production build with it; `npm run dev` runs it with `--dev` around Next's development server.
 */
import './load-env';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { closeDatabase } from '../db/client';
import { createBuildFiles } from '../lib/build-files';
import { resolveClientIp, SERVER_RESOLVES_ADDRESS, trustProxyHops } from '../lib/client-ip';
import { isCrossSiteWrite } from '../lib/cross-site';
import { answerByteLengthFromMemory, createBodyEncoder, createCompression } from '../lib/encoded-bodies';
import { internalUrl } from '../lib/public-routes';
import { createRenderLimit } from '../lib/render-limit';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trust = trustProxyHops();
const dev = process.argv.includes('--dev');
// The app trusts X-Forwarded-For as this server rewrites it below (lib/client-ip.ts).
process.env[SERVER_RESOLVES_ADDRESS] = '1';

/** The build's folder (`.next`); its `static` folder holds the files served under `/_next/static/`. */
let distDir = '.next';
if (!dev) {
  // Serve with the configuration the build resolved (as Next's own standalone server does) instead of
  // reading next.config.ts again: compiling it loads Next's SWC compiler, 25 MB of resident memory
  // kept for the life of the server (bench, README "Performance").
  const config = (JSON.parse(readFileSync('.next/required-server-files.json', 'utf8')) as { config: { distDir?: string } }).config;
  distDir = config.distDir ?? distDir;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(config);
}
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Next's own limit for a server action body; a larger post is refused before it is read. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The bytes of the most used cached pages, UTF-8 and compressed, so each is encoded and compressed
 * once rather than per reader (lib/encoded-bodies.ts). 4 MB holds about ten 120 KB stories with
 * their text. Next's own per-request compression is off (next.config.ts `compress: false`).
 */
const pageBytes = createBodyEncoder({ maxBytes: 4 * 1024 * 1024 });
const compress = createCompression(pageBytes);
answerByteLengthFromMemory(pageBytes);
/**
 * Next's build files, compressed once each (Brotli 11, gzip 9) and answered from memory after Next's
 * first answer (lib/build-files.ts); all of them take about 400 KB. In development they change as
 * they are edited, so Next serves them itself.
 */
const buildFiles = dev ? null : createBuildFiles({ staticDir: path.join(distDir, 'static'), maxBytes: 2 * 1024 * 1024 });
/** Search renders per request: eight at a time keep the cores as busy as fifty did, in a fraction of the memory (lib/render-limit.ts). */
const searchRenders = createRenderLimit(8);

let stopping = false;

const server = createServer((req, res) => {
  // While shutting down, answer what is in flight and let each connection close after its answer.
  if (stopping) res.setHeader('Connection', 'close');
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' });
    res.end('Request body too large.');
    req.resume();
    return;
  }
  // Here rather than in proxy.ts: running the proxy (and Auth.js in it) on every comment post cost
  // a third of the post's time in the bench.
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  if (isCrossSiteWrite(req.method, req.headers.origin, Array.isArray(host) ? host[0] : host)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' });
    res.end('Cross-site request refused.');
    req.resume();
    return;
  }
  // Next reads the client address from this header; make it the one we trust.
  req.headers['x-forwarded-for'] = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);
  // HSTS only where the site is really served over https (by us, or by a trusted proxy in front).
  const forwardedProto = trust > 0 ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
  if ('encrypted' in req.socket || forwardedProto === 'https') {
    res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  // `/news?page=2` → `/news/page/2` and the like: Next caches pages by path, not query string.
  const internal = req.url ? internalUrl(req.url, req.headers.cookie) : null;
  if (internal) req.url = internal;
  const respond = () => compress(req, res, () => void handle(req, res));
  if (req.url === '/search' || req.url?.startsWith('/search?')) searchRenders(res, respond);
  else if (buildFiles) buildFiles.handle(req, res, respond);
  else respond();
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Broadsheet is serving on http://localhost:${port}`);
});

function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then closing the database`);
  server.close(() => {
    closeDatabase();
    process.exit(0);
  });
  // Keep-alive connections that go idle once their request is answered are closed as they do.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => {
    console.error('Requests still open after 10 s: closing anyway');
    closeDatabase();
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
