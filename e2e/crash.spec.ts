import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
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
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, DATABASE_PATH: db, PORT: String(port), TRUST_PROXY: '1', SITE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  // Start-up checks the build, migrates and compiles the server in a child first; on a busy CI
  // machine running other tests beside this one that can take a while.
  try {
    await expect.poll(() => statusOf(`${origin}/`), { timeout: 60_000 }).toBe(200);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`server ${name} did not start within 60 s:\n${log.slice(-3000)}`, { cause: error });
  }
  return { process: child, origin, db, exited };
}

/** The status of a GET, or 0 while nothing answers. */
function statusOf(url: string) {
  return fetch(url).then(
    (response) => response.status,
    () => 0,
  );
}

/**
 * Why this machine cannot run a fault test that needs `what`, or null when it can. Found by trying
 * (a non-root user cannot, nor can root in a container without the capability), so that `npm test`
 * on a laptop skips these with the reason and CI, which runs as root, runs them.
 */
function missingCapability(what: 'tmpfs' | 'immutable'): string | null {
  const action = what === 'tmpfs' ? 'mount a tmpfs' : 'make a file immutable with chattr +i';
  if (process.getuid?.() !== 0) return `needs root to ${action} (run by .ci/run)`;
  const probe = path.join(dir, `probe-${crypto.randomUUID().slice(0, 8)}`);
  fs.mkdirSync(probe, { recursive: true });
  const failed = (result: ReturnType<typeof spawnSync>) =>
    result.error || result.status !== 0
      ? `cannot ${action} here, even as root (${(result.error?.message ?? String(result.stderr)).replace(/\s+/g, ' ').trim()}); run by .ci/run`
      : null;
  try {
    if (what === 'tmpfs') {
      const reason = failed(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { encoding: 'utf8' }));
      if (!reason) spawnSync('umount', [probe]);
      return reason;
    }
    const file = path.join(probe, 'file');
    fs.writeFileSync(file, '');
    const reason = failed(spawnSync('chattr', ['+i', file], { encoding: 'utf8' }));
    if (!reason) spawnSync('chattr', ['-i', file]);
    return reason;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
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
  try {
    await expect.poll(() => outcomes.filter((o) => o.acknowledged).length, { timeout: 90_000 }).toBeGreaterThanOrEqual(40);
  } finally {
    // Also when the wait fails, so that no writer keeps posting into the tests that follow.
    server.process.kill('SIGKILL');
    stop = true;
  }
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

  // Ten writers post one comment after another, so once one is answered the others are in flight.
  const answered: Awaited<ReturnType<typeof postComment>>[] = [];
  let n = 0;
  let stop = false;
  const writers = Array.from({ length: 10 }, async () => {
    while (!stop) answered.push(await postComment(server.origin, story.path, story.id, actionId, ++n));
  });
  try {
    await expect.poll(() => answered.filter((o) => o.acknowledged).length, { timeout: 60_000 }).toBeGreaterThan(0);
  } finally {
    server.process.kill('SIGTERM');
    stop = true;
  }
  await Promise.all(writers);
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

test('a full disk: a clear answer and a logged error, the text kept, nothing acknowledged lost, cached pages still served', async ({ browser }) => {
  const missing = missingCapability('tmpfs');
  test.skip(missing !== null, missing ?? '');
  test.setTimeout(90_000);
  const mount = path.join(dir, `disk-${crypto.randomUUID().slice(0, 8)}`);
  fs.mkdirSync(mount, { recursive: true });
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    expect(result.status, `${command} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  };
  run('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mount]);
  let server: Server | undefined;
  try {
    const source = await copyDatabase('disk');
    const db = path.join(mount, 'disk.db');
    fs.copyFileSync(source, db);
    const story = storyOf(db);
    const actionId = postCommentActionId();
    server = await startServer('disk', e2ePort + 63, db);
    let log = '';
    server.process.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.process.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const page = await fetch(`${server.origin}${story.path}`);
    expect(page.status).toBe(200);

    const expectRefusedCleanly = async (label: string) => {
      const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => postComment(server!.origin, story.path, story.id, actionId, 900 + i)));
      expect(outcomes.filter((o) => o.status === 0 || o.status >= 500).map((o) => o.status), `${label}: errors`).toEqual([]);
      const refused = outcomes.filter((o) => !o.acknowledged);
      expect(refused.length, `${label}: posts refused`).toBeGreaterThan(0);
      expect(log, `${label}: server log`).toContain('could not store a comment');
      // What a reader sees: the form posted from a browser (no JavaScript) comes back with a clear
      // message and the typed text in place.
      const reader = await browser.newPage({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': `10.78.0.${label.length}` } });
      await reader.goto(`${server!.origin}${story.path}`);
      const text = `Typed during a ${label} ${crypto.randomUUID()}`;
      await reader.getByRole('textbox', { name: 'Name' }).fill('Disk Reader');
      await reader.getByRole('textbox', { name: 'Email' }).fill(`disk.${crypto.randomUUID().slice(0, 8)}@example.com`);
      await reader.getByRole('textbox', { name: 'Comment' }).fill(text);
      await reader.getByRole('button', { name: 'Post Comment' }).click();
      await expect(reader.getByRole('alert')).toContainText('We could not save that just now');
      await expect(reader.getByRole('textbox', { name: 'Comment' })).toHaveValue(text);
      await reader.close();
      // Nothing acknowledged was lost, and the story is still served from the cache.
      expect((await fetch(`${server!.origin}${story.path}`)).status, `${label}: cached story`).toBe(200);
      return outcomes;
    };

    // Fill the disk, then post.
    const filler = fs.openSync(path.join(mount, 'filler'), 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(filler, block);
    } catch {
      // ENOSPC: the disk is full
    }
    fs.closeSync(filler);
    const full = await expectRefusedCleanly('full disk');

    expect(log).toContain('could not store a comment');
    expect(log).not.toMatch(/@example\.com/);

    server.process.kill('SIGKILL');
    await server.exited;
    server = undefined;
    fs.rmSync(path.join(mount, 'filler'));
    const database = new Database(db);
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((database.prepare('select author_email as email from comments').all() as { email: string }[]).map((r) => r.email));
    database.close();
    for (const o of full.filter((x) => x.acknowledged)) expect(stored.has(o.email)).toBe(true);
  } finally {
    if (server) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    spawnSync('umount', ['-l', mount]);
  }
});

test('a read-only database: stories still served, a post refused with a clear answer and the text kept', async ({ browser }) => {
  const missing = missingCapability('immutable');
  test.skip(missing !== null, missing ?? '');
  test.setTimeout(90_000);
  const folder = path.join(dir, `readonly-${crypto.randomUUID().slice(0, 8)}`);
  fs.mkdirSync(folder, { recursive: true });
  const db = path.join(folder, 'site.db');
  fs.copyFileSync(await copyDatabase('readonly'), db);
  const story = storyOf(db);
  // Immutable: not even root may write it, so SQLite opens it read-only.
  const immutable = spawnSync('chattr', ['+i', db], { encoding: 'utf8' });
  expect(immutable.status, `chattr +i: ${immutable.stderr}`).toBe(0);
  const port = e2ePort + 64;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
    env: { ...process.env, DATABASE_PATH: db, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  try {
    try {
      await expect.poll(() => statusOf(`${origin}${story.path}`), { timeout: 60_000 }).toBe(200);
    } catch (error) {
      throw new Error(`the story was not served from a read-only database:\n${log}`, { cause: error });
    }

    const reader = await browser.newPage({ javaScriptEnabled: false });
    await reader.goto(`${origin}${story.path}`);
    const text = `Written to a read-only database ${crypto.randomUUID()}`;
    await reader.getByRole('textbox', { name: 'Name' }).fill('Read Only');
    await reader.getByRole('textbox', { name: 'Email' }).fill('read.only@example.com');
    await reader.getByRole('textbox', { name: 'Comment' }).fill(text);
    const [posted] = await Promise.all([
      reader.waitForResponse((response) => response.request().method() === 'POST'),
      reader.getByRole('button', { name: 'Post Comment' }).click(),
    ]);
    expect(posted.status()).toBeLessThan(500);
    await expect(reader.getByRole('alert')).toContainText('We could not save that just now');
    await expect(reader.getByRole('textbox', { name: 'Comment' })).toHaveValue(text);
    await reader.close();
    expect((await fetch(`${origin}${story.path}`)).status).toBe(200);
    expect(log).toContain('could not store a comment');
    expect(log).not.toContain('read.only@example.com');
  } finally {
    child.kill('SIGKILL');
    await exited;
    spawnSync('chattr', ['-i', db]);
  }
});
