import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createClient } from 'redis';
import { expireTags } from '../db/cache-tags';
import { openDatabase, type Db } from '../db/client';
import { articles } from '../db/schema';
import { tags } from '../db/tags';
import { redisMissingReason, type RunningRedis, startRedis } from '../scripts/redis-harness';
import { e2eDatabasePath, e2ePort } from './env';
import { addComment, expect, makeArticle, randomIp, test, type TestArticle } from './fixtures';

/**
 * Two app servers of the production build on one database (a copy of the e2e database, so that
 * nothing else the suite does reaches them) and one Redis (REDIS_URL), as several servers behind a
 * balancer would run: what one renders the other serves, an approval on one shows on the other,
 * and Redis stopped and started again changes nothing a reader can see.
 */
const redisMissing = redisMissingReason();
const dir = path.join(path.dirname(e2eDatabasePath), 'shared-cache');
const redisPort = e2ePort + 60;
const origins = { a: `http://127.0.0.1:${e2ePort + 61}`, b: `http://127.0.0.1:${e2ePort + 62}` };

test.describe.configure({ mode: 'serial', timeout: 60_000 });
test.skip(redisMissing !== null, redisMissing ?? '');

type Server = { process: ChildProcess; output: string[] };
let redis: RunningRedis | undefined;
const servers: Partial<Record<keyof typeof origins, Server>> = {};
let database: Db;
// The test's own look into Redis: its commands wait while it reconnects after Redis is started again.
const connectRedisClient = () => createClient({ url: `redis://127.0.0.1:${redisPort}` }).on('error', () => {}).connect();
let redisClient: Awaited<ReturnType<typeof connectRedisClient>> | undefined;

/** The compiled `npm start` server (built and compiled by the suite's own web server), on the copy. */
function startServer(name: keyof typeof origins) {
  const output: string[] = [];
  const child = spawn(process.execPath, [path.join('.next', 'broadsheet', 'server.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: new URL(origins[name]).port,
      DATABASE_PATH: path.join(dir, 'site.db'),
      // The desk sessions the setup project signed in are the suite's: same secret, same photos.
      AUTH_SECRET: process.env.AUTH_SECRET || fs.readFileSync(path.join(path.dirname(e2eDatabasePath), 'auth-secret'), 'utf8').trim(),
      MEDIA_PATH: path.join(path.dirname(e2eDatabasePath), 'media'),
      SITE_URL: origins[name],
      TRUST_PROXY: '1',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      EDGE_REFRESH_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  servers[name] = { process: child, output };
}

async function redisKeys(pattern: string) {
  redisClient ??= await connectRedisClient();
  const keys: string[] = [];
  for await (const batch of redisClient.scanIterator({ MATCH: pattern, COUNT: 1000 })) keys.push(...batch);
  return keys;
}

/** The Redis key of a path's stored page (see cache-handlers/pages.mjs and Next's route cache key). */
const pageKeys = (story: TestArticle) => redisKeys(`broadsheet:*:page:*$${story.path}`);

const get = (origin: string, pathname: string) => fetch(`${origin}${pathname}`, { headers: { 'X-Forwarded-For': randomIp() } });

const logged = (name: keyof typeof origins, pattern: RegExp) => servers[name]!.output.join('').split('\n').filter((line) => pattern.test(line)).length;

test.beforeAll(async ({ db }) => {
  test.setTimeout(120_000);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  db.$client.exec(`VACUUM INTO '${path.join(dir, 'site.db').replaceAll("'", "''")}'`);
  database = openDatabase(path.join(dir, 'site.db'));
  redis = await startRedis(redisPort);
  startServer('a');
  startServer('b');
  for (const origin of Object.values(origins)) {
    await expect.poll(async () => (await get(origin, '/').catch(() => undefined))?.status, { timeout: 90_000, intervals: [250] }).toBe(200);
  }
});

test.afterAll(async () => {
  for (const server of Object.values(servers)) server.process.kill('SIGTERM');
  await redisClient?.close().catch(() => {});
  await redis?.stop();
  database?.$client.close();
});

test('a story rendered by server A is served by server B from Redis, without rendering it', async () => {
  const story = await makeArticle(database);
  expect(await pageKeys(story)).toHaveLength(0);
  const first = await get(origins.a, story.path);
  expect(first.status).toBe(200);
  expect(first.headers.get('x-nextjs-cache')).not.toBe('HIT');
  await expect.poll(() => pageKeys(story)).toHaveLength(1);

  // B has never been asked for this story: a HIT is the page A stored.
  const fromB = await get(origins.b, story.path);
  expect(fromB.headers.get('x-nextjs-cache')).toBe('HIT');
  expect(await fromB.text()).toContain(story.headline);
});

test('a comment approved on server A’s desk is on server B’s page at its next request', async ({ moderatorPage }) => {
  const story = await makeArticle(database);
  const body = `Approved on A, read on B ${crypto.randomUUID()}`;
  await addComment(database, story.id, { name: 'Shared Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  await get(origins.a, story.path);
  await expect.poll(() => pageKeys(story)).toHaveLength(1);
  const cached = await get(origins.b, story.path);
  expect(cached.headers.get('x-nextjs-cache')).toBe('HIT');
  expect(await cached.text()).not.toContain(body);

  await moderatorPage.goto(`${origins.a}/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();

  expect(await (await get(origins.b, story.path)).text()).toContain(body);
});

test('with Redis stopped, both servers serve right pages, and a comment is posted and approved; started again, caching resumes without a restart', async ({ page, moderatorPage }) => {
  const story = await makeArticle(database);
  await get(origins.a, story.path);
  await expect.poll(() => pageKeys(story)).toHaveLength(1);
  expect((await get(origins.b, story.path)).headers.get('x-nextjs-cache')).toBe('HIT');

  // Counted from here: on a loaded machine a server may have given up on a slow answer before.
  const outages = { a: logged('a', /Redis at .* is not answering/), b: logged('b', /Redis at .* is not answering/) };
  const recoveries = { a: logged('a', /Redis at .* is back: caching resumes/), b: logged('b', /Redis at .* is back: caching resumes/) };
  await redis!.stop();
  // A change made while Redis is down reaches both servers through the database.
  const corrected = `${story.headline} (corrected)`;
  database.update(articles).set({ headline: corrected }).where(eq(articles.id, story.id)).run();
  await expireTags([tags.article(story.id)], Date.now(), database);
  for (const origin of Object.values(origins)) {
    const response = await get(origin, story.path);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(corrected);
  }

  const body = `Posted while Redis was down ${crypto.randomUUID()}`;
  await page.goto(`${origins.b}${story.path}`);
  await page.getByRole('textbox', { name: 'Name' }).fill('Down Reader');
  await page.getByRole('textbox', { name: 'Email' }).fill(`down.${crypto.randomUUID().slice(0, 8)}@example.com`);
  await page.getByRole('textbox', { name: 'Comment' }).fill(body);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByText('Your comment is awaiting moderation.')).toBeVisible();

  await moderatorPage.goto(`${origins.a}/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();
  for (const origin of Object.values(origins)) expect(await (await get(origin, story.path)).text()).toContain(body);
  for (const name of ['a', 'b'] as const) expect(logged(name, /Redis at .* is not answering/), `server ${name} logs the outage once`).toBe(outages[name] + 1);

  await redis!.start();
  // Each server reconnects on its own, without a request or a restart.
  for (const name of ['a', 'b'] as const) await expect.poll(() => logged(name, /Redis at .* is back: caching resumes/), { timeout: 20_000 }).toBe(recoveries[name] + 1);
  const next = await makeArticle(database);
  await get(origins.a, next.path);
  await expect.poll(() => pageKeys(next)).toHaveLength(1);
  expect((await get(origins.b, next.path)).headers.get('x-nextjs-cache')).toBe('HIT');
  for (const name of ['a', 'b'] as const) expect(servers[name]!.process.exitCode, `server ${name} is the one started before`).toBeNull();
});
