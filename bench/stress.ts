/**
 * `npm run stress`: the reliability tests at full size, on a server and database of its own.
 * 1. 1,000 readers post a comment at the same moment while 50 others keep reading the story:
 *    every post answered (acknowledged, or refused on purpose), every acknowledged comment stored
 *    exactly once, no 5xx, no SQLITE_BUSY.
 * 2. A crash: 50 writers post in a loop, the server gets kill -9, restarts: integrity_check is ok
 *    and every acknowledged comment is there.
 * STRESS_WRITERS changes the 1,000.
 */
import '../scripts/load-env';
import { type ChildProcess, spawn } from 'node:child_process';
import { npmStartCommand } from './start-command';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { postComment } from '../e2e/load';
import { actionIdAt } from './page-actions';
import { buildIfNeeded } from '../scripts/build-if-needed';

const writers = Number(process.env.STRESS_WRITERS || 1000);
const port = Number(process.env.STRESS_PORT || 3300);
/** `npm start`'s environment and node arguments, from package.json. */
const startCommand = npmStartCommand();
const origin = `http://127.0.0.1:${port}`;
const dir = path.resolve('bench/.data/stress');
const dbFile = path.join(dir, 'stress.db');

function start(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, startCommand.args, {
    env: { ...process.env, ...startCommand.env, DATABASE_PATH: dbFile, PORT: String(port), TRUST_PROXY: '1', SITE_URL: origin },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function ready() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${origin}/`)).status === 200) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

function story() {
  const database = new Database(dbFile);
  database
    .prepare(`insert into settings (key, value, updated_at) values ('comments', ?, ?) on conflict(key) do update set value = excluded.value`)
    .run(JSON.stringify({ minFillSeconds: 0 }), Date.now());
  const row = database
    .prepare("select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.featured = 1 limit 1")
    .get() as { id: number; slug: string; section: string };
  database.close();
  return { id: row.id, path: `/${row.section}/${row.slug}` };
}

function storedEmails(articleId: number) {
  const database = new Database(dbFile);
  const check = database.pragma('integrity_check', { simple: true });
  const rows = database.prepare('select author_email as email from comments where article_id = ?').all(articleId) as { email: string }[];
  database.close();
  return { check, emails: rows.map((r) => r.email) };
}

async function main() {
  buildIfNeeded();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  // First start makes and seeds the database; the settings change then needs a fresh start.
  let server = start();
  await ready();
  server.child.kill('SIGTERM');
  await server.exited;
  const target = story();
  server = start();
  await ready();
  const actionId = await actionIdAt(`${origin}${target.path}`, 'comment');

  console.log(`1. ${writers} readers post at once while 50 read the story`);
  let reading = true;
  let reads = 0;
  let readFailures = 0;
  const readers = Array.from({ length: 50 }, async () => {
    while (reading) {
      const response = await fetch(`${origin}${target.path}`).catch(() => null);
      reads += 1;
      if (!response || response.status !== 200) readFailures += 1;
      await response?.arrayBuffer();
    }
  });
  const started = performance.now();
  const posts = await Promise.all(Array.from({ length: writers }, (_, i) => postComment(origin, target.path, target.id, actionId, i + 1)));
  const seconds = (performance.now() - started) / 1000;
  reading = false;
  await Promise.all(readers);
  const acknowledged = posts.filter((p) => p.acknowledged);
  const errors = posts.filter((p) => p.status === 0 || p.status >= 500 || /SQLITE_BUSY|database is locked/i.test(p.body));
  const { emails } = storedEmails(target.id);
  const counts = new Map<string, number>();
  for (const email of emails) counts.set(email, (counts.get(email) ?? 0) + 1);
  const lost = acknowledged.filter((p) => counts.get(p.email) !== 1);
  console.log(
    `   ${acknowledged.length} acknowledged, ${posts.length - acknowledged.length - errors.length} refused on purpose, ${errors.length} errors, ` +
      `${lost.length} acknowledged but not stored exactly once; ${(writers / seconds).toFixed(0)} posts/s; ${reads} reads, ${readFailures} failed`,
  );

  console.log('2. kill -9 while 50 writers post');
  const outcomes: Awaited<ReturnType<typeof postComment>>[] = [];
  let n = 1_000_000;
  let stop = false;
  const loop = Array.from({ length: 50 }, async () => {
    while (!stop) outcomes.push(await postComment(origin, target.path, target.id, actionId, ++n));
  });
  await new Promise((r) => setTimeout(r, 3000));
  server.child.kill('SIGKILL');
  stop = true;
  await Promise.all(loop);
  await server.exited;
  const acked = outcomes.filter((o) => o.acknowledged);
  const after = storedEmails(target.id);
  const stored = new Set(after.emails);
  const missing = acked.filter((o) => !stored.has(o.email));
  console.log(`   ${acked.length} acknowledged before the kill; integrity_check: ${after.check}; missing after restart: ${missing.length}`);
  server = start();
  await ready();
  const back = await fetch(`${origin}${target.path}`);
  console.log(`   restarted: the story answers ${back.status}`);
  server.child.kill('SIGTERM');
  const code = await server.exited;
  console.log(`   SIGTERM: exit code ${code}`);

  const failed = errors.length + lost.length + readFailures + missing.length + (after.check === 'ok' ? 0 : 1) + (back.status === 200 ? 0 : 1);
  console.log(failed === 0 ? 'stress: all held' : `stress: ${failed} problems`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
