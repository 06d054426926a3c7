/**
 * `npm run bench`: the production build on a large generated site (10,000 stories, 200,000 approved
 * comments, 5,000 pending), measured with autocannon at 50 connections beside a plain node:http
 * server that returns the same article bytes from memory (the ceiling for one Node process).
 * Pages are asked for as a browser asks (`Accept-Encoding` included), so every figure is of the
 * bytes readers get. Prints requests/s, p50/p99 and each page's ratio to the ceiling, comment
 * posting, the desk, page weight and Lighthouse. BENCH_SECONDS sets the length of each run (default 10).
 */
import '../scripts/load-env';
import { spawn, spawnSync } from 'node:child_process';
import { npmStartCommand } from './start-command';
import { nginxBinary, startNginx } from '../scripts/nginx-harness';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { actionIdAt } from './page-actions';
import { type CpuCost, cpuPerRequest, startBareNext } from './bare-next';
import { multipart, postComments } from './posting';
import { benchDeployments, printDeployments } from './deployments';
import { benchWordpressImport, importBenchLine } from './wordpress-import';
import { liveReadersRow } from './live-readers';

const seconds = Number(process.env.BENCH_SECONDS || 10);
const port = Number(process.env.BENCH_PORT || 3200);
/** `npm start`'s environment and node arguments, from package.json. */
const startCommand = npmStartCommand();
const origin = `http://127.0.0.1:${port}`;
/** The generated site, kept as generated; each run works on a fresh copy, so runs are comparable. */
const generatedDb = path.resolve('bench/.data/bench.db');
const dbFile = path.resolve('bench/.data/run.db');
const adminPassword = 'bench admin password';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** What Chromium sends with every page request; a client without it would measure bytes no reader gets. */
const readerHeaders = { 'accept-encoding': 'gzip, deflate, br, zstd' };
/** The steady rate at which each reference's CPU per request is read: well below what any of them saturates at. */
const COST_RATE = 150;

type Result = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** Two seconds of the same load first, so no page pays for warming up the JIT in its own run. */
async function run(name: string, options: autocannon.Options): Promise<Result> {
  await measure('warm-up', { ...options, duration: 2 });
  return measure(name, options);
}

function measure(name: string, options: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: seconds, connections: 50, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({
        name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
    });
  });
}

type WrkResult = { name: string; rps: number; p50: number; p99: number; max: number; timeouts: number; errors: number };

/**
 * The same page through wrk (Debian's package), which keeps 50 connections busy as a crowd of
 * readers does and reports every request past its 2 s timeout: autocannon's figures hide the tail
 * that wrk shows. Null when wrk is not installed (apt-get install -y wrk).
 */
function wrk(name: string, url: string): WrkResult | null {
  const found = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (found.error) return null;
  const args = ['-t2', '-c50', `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: br', url];
  spawnSync('wrk', [...args.slice(0, 2), '-d2s', ...args.slice(3)], { encoding: 'utf8' }); // warm-up, as for autocannon
  const out = spawnSync('wrk', args, { encoding: 'utf8' }).stdout;
  const ms = (label: string) => {
    const match = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)\\b`).exec(out);
    if (!match) return NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    name,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: ms('50%'),
    p99: ms('99%'),
    max: ms('Latency(?:\\s+[\\d.]+\\w+){2}'),
    timeouts: Number(socketErrors?.[4] ?? 0),
    errors: socketErrors ? Number(socketErrors[1]) + Number(socketErrors[2]) + Number(socketErrors[3]) : 0,
  };
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

function readRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    // VmHWM: the most the kernel ever gave the process, so no peak between two samples is missed.
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** A response's headers and body as sent (fetch would undo the compression). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function timeToFirstByte(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ ms: number; status: number }>((resolve, reject) => {
    const started = performance.now();
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      response.once('data', () => undefined);
      const ms = performance.now() - started;
      response.resume();
      response.on('end', () => resolve({ ms, status: response.statusCode ?? 0 }));
    });
    request.on('error', reject);
    if (init.body) request.write(init.body);
    request.end();
  });
}

async function main() {
  buildIfNeeded();
  if (!fs.existsSync(generatedDb)) {
    console.log('Generating the large site (once; delete bench/.data to make it again)…');
    const generated = spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate.ts', '--out', generatedDb], { stdio: 'inherit' });
    if (generated.status !== 0) process.exit(1);
  }
  {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
    const source = new Database(generatedDb, { readonly: true });
    await source.backup(dbFile);
    source.close();
    const database = new Database(dbFile);
    // Bench posts come with no form token and from many addresses at once.
    database.prepare(`insert into settings (key, value, updated_at) values ('comments', ?, ?) on conflict(key) do update set value = excluded.value`).run(
      JSON.stringify({ minFillSeconds: 0 }),
      Date.now(),
    );
    database.close();
  }

  // The same command as `npm start`, heap limits included.
  const server = spawn(process.execPath, startCommand.args, {
    env: { ...process.env, ...startCommand.env, DATABASE_PATH: dbFile, PORT: String(port), TRUST_PROXY: '1', SITE_URL: origin, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peakRss = 0;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, readRss(server.pid!));
  }, 200);
  /** The peak so far after each phase, to see which one raised it. */
  const peakAfter: string[] = [];
  const notePeak = (phase: string) => peakAfter.push(`${phase} ${Math.round(readRss(server.pid!) / 1024 / 1024)}`);

  try {
    await waitFor(`${origin}/`);
    const database = new Database(dbFile, { readonly: true });
    const pathOf = (slug: string) => {
      const row = database
        .prepare('select s.slug as section from articles a join sections s on s.id = a.section_id where a.slug = ?')
        .get(slug) as { section: string } | undefined;
      return `/${row!.section}/${slug}`;
    };
    const lead = pathOf('bench-lead-story');
    const longThread = pathOf('bench-long-thread');
    const leadId = (database.prepare('select id from articles where slug = ?').get('bench-lead-story') as { id: number }).id;
    const pending = database.prepare("select id from comments where status = 'pending' order by id limit 50").all() as { id: number }[];
    database.close();

    const pages = [
      ['lead article', lead],
      ['2,000-comment thread', longThread],
      ['home page', '/'],
      ['section front', '/news'],
      ['search', '/search?q=minister+budget'],
    ] as const;
    for (const [, url] of pages) await fetch(`${origin}${url}`); // the first view renders and stores the page
    // A live site's caches hold many stories, not five pages: read 1,000 other stories first, four
    // at a time, so the memory figures below are those of a server that has been busy for a while.
    await readManyStories(1000);
    notePeak('1,000 stories read');

    // The article as a reader's browser receives it: compressed, as the server sends it.
    const article = await rawGet(`${origin}${lead}`, readerHeaders);
    const articleBytes = article.body;
    const articleEncoding = String(article.headers['content-encoding'] ?? 'identity');
    const ceilingServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': articleEncoding, 'Content-Length': articleBytes.length });
      res.end(articleBytes);
    });
    await new Promise<void>((resolve) => ceilingServer.listen(port + 99, '127.0.0.1', resolve));
    const ceiling = await run('node:http ceiling', { url: `http://127.0.0.1:${port + 99}/` });
    ceilingServer.close();

    const results: Result[] = [];
    for (const [name, url] of pages) results.push(await run(name, { url: `${origin}${url}`, headers: readerHeaders }));
    // The same story to a client that asks for no compression (how this bench asked before 2026-11-27).
    results.push(await run('lead article, uncompressed', { url: `${origin}${lead}` }));
    // What every new reader also fetches: the page's largest script (Next's and React's runtime).
    const script = await largestScript(article.body, articleEncoding);
    results.push(await run(`largest script (${Math.round(script.bytes / 1024)} KB)`, { url: `${origin}${script.path}`, headers: readerHeaders }));

    const tail = [wrk('lead article', `${origin}${lead}`), wrk('home page', `${origin}/`)];
    // The same tail from a plain node:http server spending the lead article's time on each request:
    // whether the tail is Next's and ours, or one Node process's at that cost (docs/performance.md).
    if (tail[0]) tail.push(await busyNodeReference((await rawGet(`${origin}${lead}`)).body, 1000 / tail[0].rps));
    notePeak('pages');
    // Next's floor, and the lead article again beside it: twice, back to back, since the machine's
    // speed moves between runs far apart.
    const floor = await bareNextReference((await rawGet(`${origin}${lead}`)).body, server.pid!, `${origin}${lead}`, () =>
      run('lead article', { url: `${origin}${lead}`, headers: readerHeaders }),
    );
    const bare = floor?.bare ?? null;
    const edge = await throughNginx(lead, articleBytes, articleEncoding);
    notePeak('nginx');
    // 1,000 readers holding the lead story open, polling for new comments as its page does.
    const live = await liveReadersRow({ origin, leadPath: lead, articleId: leadId, seconds, serverPid: server.pid! });
    notePeak('live readers');

    // Comment posting: a no-JavaScript form post, each from its own address and email.
    const postAction = await actionIdAt(`${origin}${lead}`, 'comment');
    const postFor = (duration: number) => postComments({ origin, path: lead, articleId: leadId, actionId: postAction, duration });
    // Two seconds first, as for the pages (the first posts pay for compiling the action's path).
    await postFor(2);
    const before = countComments();
    const posting = await postFor(seconds);
    notePeak('posting');
    const accepted = posting['3xx'];
    const stored = countComments() - before;

    // The desk: sign in, then the first byte of the queue with 5,000 pending, and a bulk approve of 50.
    const loginAction = await actionIdAt(`${origin}/login`, 'password');
    const login = multipart([
      [`$ACTION_ID_${loginAction}`, ''],
      ['email', 'bench-admin@example.com'],
      ['password', adminPassword],
      ['next', '/moderation'],
    ]);
    const loginResponse = await fetch(`${origin}/login`, {
      method: 'POST',
      headers: { 'content-type': login.contentType, origin, 'x-forwarded-for': '10.250.0.1' },
      body: login.body,
      redirect: 'manual',
    });
    const cookie = loginResponse.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const queue = await timeToFirstByte(`${origin}/moderation`, { headers: { cookie } });
    const bulkAction = await actionIdAt(`${origin}/moderation`, 'bulkAction', { headers: { cookie } });
    const bulk = multipart([
      [`$ACTION_ID_${bulkAction}`, ''],
      ['intent', 'bulk'],
      ['bulkAction', 'approve'],
      ['returnTo', '/moderation'],
      ...pending.map((row) => ['ids', String(row.id)] as [string, string]),
    ]);
    const bulkStarted = performance.now();
    const bulkResponse = await fetch(`${origin}/moderation`, {
      method: 'POST',
      headers: { 'content-type': bulk.contentType, cookie, origin },
      body: bulk.body,
      redirect: 'manual',
    });
    const bulkMs = performance.now() - bulkStarted;

    notePeak('desk');
    const weight = await pageWeight(`${origin}${lead}`);
    notePeak('page weight');
    const lighthouse = runLighthouse(`${origin}${lead}`);
    notePeak('Lighthouse');

    clearInterval(rssTimer);
    peakRss = Math.max(peakRss, readRss(server.pid!));

    const rows = [ceiling, ...(bare ? [bare] : []), ...results].map((r) => ({
      page: r.name,
      'req/s': Math.round(r.rps),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'vs ceiling': r === ceiling ? '100%' : `${((r.rps / ceiling.rps) * 100).toFixed(1)}%`,
      errors: r.errors + r.non2xx,
    }));
    console.log(`\nBroadsheet bench: ${seconds} s per run, 50 connections (posting: 10), Node ${process.version} ${startCommand.args.slice(0, -1).join(' ')}, ${new Date().toISOString()}`);
    console.table(rows);
    if (floor) {
      const ratios = floor.pairs.map(([ours, next]) => `${((ours.rps / next.rps) * 100).toFixed(0)}% (${Math.round(ours.rps)} / ${Math.round(next.rps)})`);
      console.log(`Lead article against bare Next, back to back: ${ratios.join(', ')} req/s (target: 100% or more)`);
      // zlib runs on libuv's threads, the rest on the main thread: at saturation a server is held back
      // by its main thread (one core) or by both cores, whichever runs out first.
      console.log(`Server CPU per request at a steady ${COST_RATE} req/s, the whole process and its main thread alone:`);
      console.table(floor.costs.map(([name, cost]) => ({ page: name, 'CPU ms': cost.total.toFixed(2), 'main thread ms': cost.main.toFixed(2), requests: cost.requests })));
    }
    if (edge?.tail) tail.push(edge.tail);
    if (tail.every((row) => row)) {
      console.log('The tail through wrk (-t2 -c50, Accept-Encoding: br; timeouts are requests past 2 s):');
      console.table(tail.map((r) => ({ page: r!.name, 'req/s': Math.round(r!.rps), 'p50 ms': r!.p50, 'p99 ms': r!.p99, 'max ms': r!.max, timeouts: r!.timeouts, errors: r!.errors })));
    } else {
      console.log('The tail through wrk: not measured (wrk not found; apt-get install -y wrk)');
    }
    console.log(
      `Comment posting: ${Math.round(accepted / seconds)} accepted posts/s (${accepted} answered 303, ${stored} stored, ` +
        `${posting.non2xx - accepted > 0 ? posting.non2xx - accepted : 0} refused, ${posting.errors} errors), p99 ${posting.latency.p99} ms`,
    );
    console.log(`Moderation queue (5,000 pending): first byte ${queue.ms.toFixed(0)} ms (status ${queue.status}); bulk approve of 50: ${bulkMs.toFixed(0)} ms (status ${bulkResponse.status})`);
    if (edge) {
      const ratios = edge.pairs.map(([cached, file]) => `${((cached.rps / file.rps) * 100).toFixed(0)}% (${Math.round(cached.rps)} / ${Math.round(file.rps)} req/s, p99 ${cached.p99} / ${file.p99} ms)`);
      console.log(`Through nginx (docs/nginx.conf), lead article against the same nginx serving the same bytes from a file, back to back: ${ratios.join(', ')} (target: 80% or more)`);
    } else {
      console.log(`Through nginx: not measured (${nginxBinary} not found; apt-get install -y nginx-light)`);
    }
    console.log(live);
    console.log(`Server peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB (peak after each phase, MB: ${peakAfter.join(', ')})`);
    console.log(
      `Article page weight (gzip): HTML ${kb(weight.html)}, JS ${kb(weight.js)} (ours ${kb(weight.ownJs)}), CSS ${kb(weight.css)}, ${weight.requests} requests`,
    );
    console.log(`Lighthouse (mobile): ${lighthouse}`);
  } finally {
    clearInterval(rssTimer);
    server.kill('SIGTERM');
  }
  // Last, with the server stopped: the import has the machine to itself, as it would before a switch-over.
  console.log(importBenchLine(await benchWordpressImport()));
  // And the other deployments of the same site: PostgreSQL, and three servers behind nginx.
  printDeployments(await benchDeployments({ generatedDb, seconds, firstPort: port + 400 }));
}

/** The largest script the page loads from Next's build files, by its uncompressed size. */
async function largestScript(body: Buffer, encoding: string) {
  const html = (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');
  const paths = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const sized = await Promise.all(paths.map(async (scriptPath) => ({ path: scriptPath, bytes: (await rawGet(`${origin}${scriptPath}`)).body.length })));
  const largest = sized.sort((a, b) => b.bytes - a.bytes)[0];
  if (!largest) throw new Error('the lead article loads no script from /_next/static/');
  return largest;
}

async function readManyStories(count: number) {
  const database = new Database(dbFile, { readonly: true });
  const paths = (
    database
      .prepare(
        `select s.slug as section, a.slug as slug from articles a join sections s on s.id = a.section_id
         where a.status = 'published' order by a.id desc limit ?`,
      )
      .all(count) as { section: string; slug: string }[]
  ).map((row) => `/${row.section}/${row.slug}`);
  database.close();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const response = await fetch(`${origin}${paths[next++]}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${response.url} answered ${response.status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/**
 * Next's own floor for this page (bench/bare-next.ts): the lead article and the bare page measured
 * twice, back to back; then each one's CPU per request at a steady rate, with the bare app serving
 * the lead's exact bytes beside them.
 */
async function bareNextReference(page: Buffer, serverPid: number, leadUrl: string, ours: () => Promise<Result>) {
  const bareNext = await startBareNext(page, port + 60, waitFor);
  if (!bareNext) {
    console.warn('The bare Next reference did not build; skipped.');
    return null;
  }
  try {
    const size = (await (await fetch(bareNext.pageUrl)).arrayBuffer()).byteLength;
    // Asked for as a browser asks: a default Next app compresses the page again for every reader.
    const measureBare = () => run(`bare Next, the lead's markup as a static page (${Math.round(size / 1024)} KB)`, { url: bareNext.pageUrl, headers: readerHeaders });
    const pairs: [Result, Result][] = [];
    for (let i = 0; i < 2; i++) pairs.push([await ours(), await measureBare()]);
    const steady = { seconds, rate: COST_RATE, headers: readerHeaders };
    const costs: [string, CpuCost][] = [];
    for (const [name, pid, url] of [
      ['lead article', serverPid, leadUrl],
      ['bare Next, the static page', bareNext.pid, bareNext.pageUrl],
      ["bare Next, the lead's exact bytes (a static route handler)", bareNext.pid, bareNext.exactUrl],
    ] as const) {
      await measure('warm-up', { url, duration: 2, connections: 10, headers: readerHeaders });
      costs.push([name, await cpuPerRequest(pid, url, steady)]);
    }
    return { bare: pairs[0]![1], pairs, costs };
  } finally {
    bareNext.stop();
  }
}

/**
 * A plain node:http server in a process of its own that spends `costMs` of CPU on each request, then
 * sends `body` from memory: one Node process doing nothing but what the measured page costs, so its
 * tail under wrk is what that cost alone gives at 50 connections, without Next or our code.
 */
async function busyNodeReference(body: Buffer, costMs: number): Promise<WrkResult | null> {
  const busyPort = port + 98;
  const bodyFile = path.resolve('bench/.data/busy-body.html');
  fs.writeFileSync(bodyFile, body);
  const source = `
    const body = require('node:fs').readFileSync(${JSON.stringify(bodyFile)});
    require('node:http').createServer((request, response) => {
      const started = performance.now();
      while (performance.now() - started < ${costMs});
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
      response.end(body);
    }).listen(${busyPort}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', source], { stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${busyPort}/`);
    return wrk(`node:http spending ${costMs.toFixed(2)} ms a request`, `http://127.0.0.1:${busyPort}/`);
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * docs/nginx.conf in front of the server, against the same nginx serving the lead article's bytes
 * from a file: what the page cache costs over plain static serving.
 */
async function throughNginx(lead: string, articleBytes: Buffer, encoding: string): Promise<{ pairs: [Result, Result][]; tail: WrkResult | null } | null> {
  if (!fs.existsSync(nginxBinary)) return null;
  const dir = path.resolve('bench/.data/nginx');
  const filePort = port + 51;
  const files = path.join(dir, 'files');
  const nginx = await startNginx({
    dir,
    listenPort: port + 50,
    upstreamPort: port,
    extraServers: `server { listen 127.0.0.1:${filePort}; location / { root ${files}; default_type text/html; add_header Content-Encoding ${encoding}; } }`,
  });
  try {
    fs.mkdirSync(files, { recursive: true });
    fs.writeFileSync(path.join(files, 'lead.html'), articleBytes);
    await fetch(`${nginx.origin}${lead}`);
    // Twice, back to back, as for Next's floor: the machine's speed moves between runs far apart.
    const pairs: [Result, Result][] = [];
    for (let i = 0; i < 2; i++) {
      pairs.push([
        await run('through nginx', { url: `${nginx.origin}${lead}`, headers: readerHeaders }),
        await run('nginx, file', { url: `http://127.0.0.1:${filePort}/lead.html`, headers: readerHeaders }),
      ]);
    }
    return { pairs, tail: wrk('lead article through nginx', `${nginx.origin}${lead}`) };
  } finally {
    nginx.stop();
  }
}

function countComments() {
  const database = new Database(dbFile, { readonly: true });
  const { n } = database.prepare('select count(*) as n from comments').get() as { n: number };
  database.close();
  return n;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What a reader's browser downloads for the article (gzip sizes, as a CDN would send them). */
async function pageWeight(url: string) {
  const { chromium: browserType } = await import('@playwright/test');
  const browser = await browserType.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const totals = { html: 0, js: 0, ownJs: 0, css: 0, requests: 0 };
  page.on('response', async (response) => {
    totals.requests += 1;
    const type = response.request().resourceType();
    if (!['document', 'script', 'stylesheet'].includes(type)) return;
    const size = gzipSync(await response.body().catch(() => Buffer.alloc(0))).length;
    if (type === 'document') totals.html += size;
    if (type === 'stylesheet') totals.css += size;
    if (type === 'script') totals.js += size;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await browser.close();
  totals.ownJs = ownClientJs();
  return totals;
}

/** Our own client components' code in the build (the comment form, reply link, report control, desk). */
function ownClientJs() {
  const dir = '.next/static/chunks';
  let total = 0;
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    if (/Leave a Reply|Send report/.test(text) && !/react-dom/.test(text.slice(0, 2000))) total += gzipSync(text).length;
  }
  return total;
}

function runLighthouse(url: string): string {
  const out = path.resolve('bench/.data/lighthouse.json');
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/lighthouse/cli/index.js',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 },
  );
  if (result.status !== 0 || !fs.existsSync(out)) return `did not run (${result.stderr?.toString().trim().split('\n').pop() ?? 'no output'})`;
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { categories: Record<string, { title: string; score: number }> };
  return Object.values(report.categories)
    .map((c) => `${c.title} ${Math.round(c.score * 100)}`)
    .join(', ');
}

await main();
