import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { e2eDatabasePath, e2ePort } from './env';
import { expect, test } from './fixtures';
import { postComment, postCommentActionId } from './load';

/**
 * Faults need a server of their own: each test starts `npm start`'s script on its own port and its
 * own copy of the database, and does to it what the shared test server must not suffer.
 */
const dir = path.resolve(path.dirname(e2eDatabasePath), 'faults');

type Server = { process: ChildProcess; origin: string; db: string; exited: Promise<number | null> };

async function startServer(name: string, port: number, db: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, DATABASE_PATH: db, PORT: String(port), TRUST_PROXY: '1', SITE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${origin}/`)).status === 200) return { process: child, origin, db, exited };
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server ${name} did not start`);
}

/** A database of its own, copied consistently from the shared test database. */
async function copyDatabase(name: string) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${crypto.randomUUID().slice(0, 8)}.db`);
  const source = new Database(e2eDatabasePath, { readonly: true });
  await source.backup(file);
  source.close();
  const copy = new Database(file);
  copy.prepare(`insert into settings (key, value, updated_at) values ('comments', ?, ?) on conflict(key) do update set value = excluded.value`).run(
    JSON.stringify({ minFillSeconds: 0 }),
    Date.now(),
  );
  copy.close();
  return file;
}

function storyOf(file: string) {
  const database = new Database(file, { readonly: true });
  const row = database
    .prepare("select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published' order by a.id limit 1")
    .get() as { id: number; slug: string; section: string };
  database.close();
  return { id: row.id, path: `/${row.section}/${row.slug}` };
}

test.describe.configure({ mode: 'serial' });

test('kill -9 in the middle of posting: the database is intact and every acknowledged comment is there', async () => {
  test.setTimeout(120_000);
  const db = await copyDatabase('crash');
  const story = storyOf(db);
  const actionId = postCommentActionId();
  const server = await startServer('crash', e2ePort + 60, db);

  const outcomes: Awaited<ReturnType<typeof postComment>>[] = [];
  let n = 0;
  let stop = false;
  const writers = Array.from({ length: 10 }, async () => {
    while (!stop) outcomes.push(await postComment(server.origin, story.path, story.id, actionId, ++n));
  });
  while (outcomes.filter((o) => o.acknowledged).length < 40) await new Promise((r) => setTimeout(r, 20));
  server.process.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  await server.exited;

  const acknowledged = outcomes.filter((o) => o.acknowledged);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);
  const database = new Database(db);
  expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = new Set(
    (database.prepare('select author_email as email from comments where article_id = ?').all(story.id) as { email: string }[]).map((r) => r.email),
  );
  database.close();
  expect(acknowledged.filter((o) => !stored.has(o.email)).map((o) => o.n), 'acknowledged but lost').toEqual([]);

  // And the site starts again on it, showing the story.
  const again = await startServer('crash-restart', e2ePort + 61, db);
  expect((await fetch(`${again.origin}${story.path}`)).status).toBe(200);
  again.process.kill('SIGTERM');
  expect(await again.exited).toBe(0);
});

test('SIGTERM lets requests in flight finish, then closes the database cleanly', async () => {
  test.setTimeout(90_000);
  const db = await copyDatabase('sigterm');
  const story = storyOf(db);
  const actionId = postCommentActionId();
  const server = await startServer('sigterm', e2ePort + 62, db);

  const inFlight = Array.from({ length: 10 }, (_, i) => postComment(server.origin, story.path, story.id, actionId, i + 1));
  await new Promise((r) => setTimeout(r, 5));
  server.process.kill('SIGTERM');
  const answered = await Promise.all(inFlight);
  expect(await server.exited).toBe(0);

  // Each post either finished (acknowledged and stored) or never reached the server: none hangs or is cut off.
  const database = new Database(db);
  expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = new Set(
    (database.prepare('select author_email as email from comments where article_id = ?').all(story.id) as { email: string }[]).map((r) => r.email),
  );
  database.close();
  for (const post of answered) {
    if (post.acknowledged) expect(stored.has(post.email), `post ${post.n}`).toBe(true);
    else expect(post.status === 0 || post.status === 503, `post ${post.n} answered ${post.status}`).toBe(true);
  }
  expect(answered.some((post) => post.acknowledged)).toBe(true);
  // A clean close folds the write-ahead log back into the database.
  expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0);
});
