/**
 * Readers holding a story open while others read it (issue 19, live new comments): 1,000 simulated
 * browsers, each on its own keep-alive connection as a browser tab is, that poll the story's
 * `/api/comments/{id}/live` with If-None-Match on the widget's schedule (lib/live-comments.ts),
 * or (`mode: 'sse'`, for the comparison in docs/performance.md) hold a Server-Sent Events stream open.
 * `npm run bench` prints the lead article's throughput with and without them; `tsx bench/live-readers.ts`
 * runs the whole comparison on the site `npm run bench` generated, against a server of its own.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { liveCommentsPath, pollTiming } from '../lib/live-comments';
import { npmStartCommand } from './start-command';

export type ReaderStats = { requests: number; notModified: number; ok: number; failed: number; events: number; p99: number; open: number };

type Options = { origin: string; articleId: number; readers: number; mode: 'poll' | 'sse'; intervalMs?: number; ssePath?: string };

/**
 * Starts the readers, spread over one interval as readers arriving at a story are, and resolves once
 * every one has made its first request (or opened its stream). `stop` ends them and gives their figures.
 */
export async function startLiveReaders({ origin, articleId, readers, mode, intervalMs = pollTiming.base, ssePath }: Options) {
  const url = new URL(mode === 'poll' ? liveCommentsPath(articleId) : (ssePath ?? `/api/comments/${articleId}/stream`), origin);
  // Each reader starts with the tag of the count its page was rendered with, as the widget does.
  const pageEtag = mode === 'poll' ? ((await fetch(url)).headers.get('etag') ?? '') : '';
  const agents: http.Agent[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const streams: http.ClientRequest[] = [];
  const latencies: number[] = [];
  const stats: ReaderStats = { requests: 0, notModified: 0, ok: 0, failed: 0, events: 0, p99: 0, open: 0 };
  let stopped = false;
  let started = 0;
  let allStarted: () => void = () => {};
  const ready = new Promise<void>((resolve) => (allStarted = resolve));
  const startedOne = () => {
    started += 1;
    if (started === readers) allStarted();
  };

  const poll = (agent: http.Agent, etag: { value: string }, first: boolean) => {
    const sent = performance.now();
    stats.requests += 1;
    const request = http.get(url, { agent, headers: etag.value ? { 'if-none-match': etag.value } : {} }, (response) => {
      response.resume();
      response.on('end', () => {
        latencies.push(performance.now() - sent);
        if (response.statusCode === 304) stats.notModified += 1;
        else if (response.statusCode === 200) {
          stats.ok += 1;
          etag.value = String(response.headers.etag ?? '');
        } else stats.failed += 1;
        if (first) startedOne();
        schedule(agent, etag, intervalMs * (0.8 + 0.4 * Math.random()));
      });
    });
    request.on('error', () => {
      stats.failed += 1;
      if (first) startedOne();
      schedule(agent, etag, intervalMs);
    });
  };
  const schedule = (agent: http.Agent, etag: { value: string }, wait: number, first = false) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      poll(agent, etag, first);
    }, wait);
    timers.add(timer);
  };

  const open = (agent: http.Agent) => {
    const request = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) stats.failed += 1;
      else stats.open += 1;
      startedOne();
      response.on('data', (chunk: Buffer) => {
        stats.events += chunk.toString().split('\n\n').length - 1;
      });
      response.on('error', () => {});
    });
    request.on('error', () => {
      stats.failed += 1;
      startedOne();
    });
    streams.push(request);
  };

  for (let i = 0; i < readers; i++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    const arrival = (i / readers) * intervalMs;
    if (mode === 'poll') schedule(agent, { value: pageEtag }, arrival, true);
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        open(agent);
      }, arrival / 4);
      timers.add(timer);
    }
  }
  await ready;
  return {
    stats,
    async stop(): Promise<ReaderStats> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      for (const request of streams) request.destroy();
      for (const agent of agents) agent.destroy();
      latencies.sort((a, b) => a - b);
      stats.p99 = Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0);
      return { ...stats };
    },
  };
}

/** The server's resident memory now (VmRSS), in MB. */
export function rssMb(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

type Load = { rps: number; p99: number };

async function lead(url: string, seconds: number): Promise<Load> {
  const options = { url, connections: 50, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: seconds });
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** The bench row: the lead article alone, with 1,000 readers polling the story as the widget does, and alone again. */
export async function liveReadersRow(options: { origin: string; leadPath: string; articleId: number; seconds: number; serverPid: number }) {
  const url = `${options.origin}${options.leadPath}`;
  const without = await lead(url, options.seconds);
  const rssBefore = rssMb(options.serverPid);
  const readers = await startLiveReaders({ origin: options.origin, articleId: options.articleId, readers: 1000, mode: 'poll' });
  const withReaders = await lead(url, options.seconds);
  const rssWith = rssMb(options.serverPid);
  const stats = await readers.stop();
  // Without them again: the ratio is against the mean of the runs either side, as the machine's speed moves.
  const after = await lead(url, options.seconds);
  const alone = (without.rps + after.rps) / 2;
  return (
    `1,000 readers holding a story open (polling every ${pollTiming.base / 1000} s ±20% with If-None-Match): lead article ` +
    `${Math.round(withReaders.rps)} req/s (p99 ${withReaders.p99} ms) against ${Math.round(without.rps)} and ${Math.round(after.rps)} ` +
    `(p99 ${without.p99}, ${after.p99} ms) without, either side: ${((withReaders.rps / alone) * 100).toFixed(0)}% (target: 95% or more); ` +
    `${stats.requests} polls, ${stats.notModified} answered 304, ` +
    `${stats.failed} failed, poll p99 ${stats.p99} ms; server RSS ${rssBefore} → ${rssWith} MB`
  );
}

// `tsx bench/live-readers.ts`: polling at the widget's pace and at 2 s, against 1,000 SSE streams when
// the build has an SSE route (it had one for the comparison only: docs/performance.md#live-new-comments).
if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.BENCH_SECONDS || 10);
  const port = Number(process.env.BENCH_PORT || 3250);
  const origin = `http://127.0.0.1:${port}`;
  const generated = path.resolve('bench/.data/bench.db');
  const copy = path.resolve('bench/.data/live.db');
  if (!fs.existsSync(generated)) throw new Error('Run `npm run bench:generate` (or `npm run bench`) first.');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  const source = new Database(generated, { readonly: true });
  await source.backup(copy);
  const story = source.prepare(`select a.id, s.slug as section, a.slug from articles a join sections s on s.id = a.section_id where a.slug = 'bench-lead-story'`).get() as {
    id: number;
    section: string;
    slug: string;
  };
  source.close();
  const command = npmStartCommand();
  const server = spawn(process.execPath, command.args, {
    env: { ...process.env, ...command.env, DATABASE_PATH: copy, PORT: String(port), TRUST_PROXY: '1', SITE_URL: origin, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const leadUrl = `${origin}/${story.section}/${story.slug}`;
  try {
    for (let i = 0; i < 240; i++) {
      if (await fetch(leadUrl).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const rows: Record<string, string | number>[] = [];
    const row = async (name: string, readers: Options | null) => {
      const before = rssMb(server.pid!);
      const started = readers ? await startLiveReaders(readers) : null;
      const during = rssMb(server.pid!);
      const load = await lead(leadUrl, seconds);
      const stats = started ? await started.stop() : null;
      rows.push({
        readers: name,
        'lead req/s': Math.round(load.rps),
        'lead p99 ms': load.p99,
        'RSS MB before → with': `${before} → ${Math.max(during, rssMb(server.pid!))}`,
        'reader requests': stats?.requests ?? 0,
        '304s': stats?.notModified ?? 0,
        'open streams': stats?.open ?? 0,
        'failed': stats?.failed ?? 0,
        'reader p99 ms': stats?.p99 ?? 0,
      });
    };
    const base = { origin, articleId: story.id, readers: 1000 };
    // The SSE route was in the app only for the comparison (commit 4f14999); without it, polling alone.
    const sse = (await fetch(`${origin}/api/comments/${story.id}/stream`, { signal: AbortSignal.timeout(2000) }).catch(() => null))?.status === 200;
    // Alternated, twice: this machine's speed moves from one minute to the next.
    for (let round = 0; round < 2; round++) {
      await row('none', null);
      await row(`1,000 polling every ${pollTiming.base / 1000} s`, { ...base, mode: 'poll' });
      if (sse) await row('1,000 SSE streams', { ...base, mode: 'sse' });
    }
    await row('none', null);
    await row('1,000 polling every 2 s', { ...base, mode: 'poll', intervalMs: 2000 });
    console.log(`Live readers on the lead article (${seconds} s runs, 50 connections, Node ${process.version}):`);
    console.table(rows);
  } finally {
    server.kill('SIGTERM');
  }
}
