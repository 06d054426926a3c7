import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CacheEntry } from 'next/cache';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CacheTagStore, expireTags, provideCacheTagStore } from '../db/cache-tags';
import { openDatabase, type Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { result } from './test-entries';
import type PageCacheHandlerClass from './pages.mjs';
import type { SharedCache } from './redis.mjs';
import { cacheSettings } from './settings.mjs';
import type useCacheHandler from './use-cache.mjs';

const redisServer = process.env.REDIS_SERVER_PATH || 'redis-server';
const hasRedis = spawnSync(redisServer, ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasRedis) console.warn(`Skipping the Redis cache tests: ${redisServer} is not installed (apt-get install redis-server; .ci/run installs it).`);

describe('cache settings', () => {
  it('take REDIS_URL as a redis:// or rediss:// address, and an empty one as none', () => {
    expect(cacheSettings({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(cacheSettings({ REDIS_URL: 'rediss://:secret@cache.example:6380' }).redisUrl).toBe('rediss://:secret@cache.example:6380');
    expect(cacheSettings({ REDIS_URL: '' }).redisUrl).toBeUndefined();
    expect(cacheSettings({}).redisUrl).toBeUndefined();
    expect(() => cacheSettings({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/redis:\/\/ or rediss:\/\//);
  });

  it('keep a memory front unless CACHE_MEMORY_MB=0 with Redis', () => {
    expect(cacheSettings({ REDIS_URL: 'redis://h', CACHE_MEMORY_MB: '0' }).memoryFront).toBe(false);
    expect(cacheSettings({ REDIS_URL: 'redis://h', CACHE_MEMORY_MB: '16' }).memoryFront).toBe(true);
    expect(cacheSettings({ CACHE_MEMORY_MB: '0' }).memoryFront).toBe(true);
  });
});

/** A free loopback port: the kernel picks it, and it is free again once closed. */
async function freePort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway Redis: nothing on disk, stopped with the tests. */
class ThrowawayRedis {
  process: ChildProcess | undefined;
  constructor(readonly port: number) {}

  async start() {
    this.process = spawn(redisServer, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await vi.waitFor(
      () =>
        new Promise<void>((resolve, reject) => {
          const socket = net.connect(this.port, '127.0.0.1', () => {
            socket.end();
            resolve();
          });
          socket.on('error', reject);
        }),
      { timeout: 10_000, interval: 20 },
    );
  }

  kill() {
    const running = this.process;
    this.process = undefined;
    if (!running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }
}


const textOf = async (entry: CacheEntry | undefined) => (entry ? new Response(entry.value).text() : undefined);

const page = (html: string, tags: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc of ${html}`),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': tags },
  status: 200,
});
const pageContext = { cacheControl: { revalidate: 60, expire: 30 * 24 * 3600 } };

const storeKey = Symbol.for('broadsheet.cache-tag-store');
const clientKey = Symbol.for('broadsheet.redis-cache');
const held = globalThis as Record<symbol, unknown>;

/**
 * One app server: the handler modules loaded afresh (their own memory and tag state), their own
 * Redis client and their own database connection. The handlers find the database through a global,
 * so `run` puts this server's there before using them.
 */
type AppServer = {
  pages: typeof PageCacheHandlerClass;
  useCache: typeof useCacheHandler;
  redis: SharedCache;
  run<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

describe.skipIf(!hasRedis)('with REDIS_URL, the caches of several app servers', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-cache-'));
  const file = path.join(folder, 'site.db');
  let redis: ThrowawayRedis;
  const servers: AppServer[] = [];
  /** `npm run privacy:erase`, or anything else that writes to the database outside the app servers. */
  let other: Db;

  async function startServer(env: Record<string, string> = {}, port = redis.port): Promise<AppServer> {
    vi.resetModules();
    delete held[clientKey];
    vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${port}`);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const connection = openDatabase(file);
    const store: CacheTagStore = provideCacheTagStore(connection);
    const pages = (await import('./pages.mjs')).default;
    const useCache = (await import('./use-cache.mjs')).default;
    const shared = await import('./shared.mjs');
    const client = await shared.sharedCache();
    vi.unstubAllEnvs();
    const server: AppServer = {
      pages,
      useCache,
      redis: client,
      async run(work) {
        held[storeKey] = store;
        return work();
      },
      async close() {
        await client.close();
        connection.$client.close();
      },
    };
    servers.push(server);
    return server;
  }

  /** Next makes a page handler per request: a render that found nothing, then stores the page. */
  const renderAndStore = (server: AppServer, key: string, html: string, tags: string) =>
    server.run(async () => {
      const handler = new server.pages();
      expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
      await handler.set(key, page(html, tags), pageContext);
    });

  const readPage = (server: AppServer, key: string) => server.run(() => new server.pages().get(key, { kind: 'APP_PAGE' }));

  const readResult = (server: AppServer, key: string) =>
    server.run(async () => {
      await server.useCache.refreshTags();
      return server.useCache.get(key, []);
    });

  beforeAll(async () => {
    const database = openDatabase(file);
    runMigrations(database);
    database.$client.close();
    other = openDatabase(file);
    redis = new ThrowawayRedis(await freePort());
    await redis.start();
  });

  afterAll(async () => {
    delete held[clientKey];
    await redis.kill();
    other.$client.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  let now = Date.now();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    now += 60_000;
    vi.setSystemTime(now);
  });
  afterEach(async () => {
    vi.useRealTimers();
    while (servers.length) await servers.pop()!.close();
  });

  function later(ms: number) {
    now += ms;
    vi.setSystemTime(now);
  }

  it('serve a page rendered by one server from another, which never rendered it', async () => {
    const [a, b] = [await startServer(), await startServer()];
    await renderAndStore(a, '/news/shared', '<h1>Shared</h1>', 'article:1,comments:1');
    later(1_000);
    const served = await readPage(b, '/news/shared');
    expect(served?.value).toMatchObject({ html: '<h1>Shared</h1>', rscData: Buffer.from('rsc of <h1>Shared</h1>') });
    expect(served?.value?.segmentData?.get('/_tree')).toEqual(Buffer.from('tree'));
    expect(Buffer.isBuffer(served?.value?.rscData)).toBe(true);
    expect(served?.cacheControl).toEqual(pageContext.cacheControl);
  });

  it("serve a 'use cache' result made by one server from another", async () => {
    const [a, b] = [await startServer(), await startServer()];
    await a.run(() => a.useCache.set('comments of 2', Promise.resolve(result('Ada: shared', ['comments:2']))));
    later(1_000);
    const served = await readResult(b, 'comments of 2');
    expect(await textOf(served)).toBe('Ada: shared');
    expect(served).toMatchObject({ tags: ['comments:2'], revalidate: 60, expire: 30 * 24 * 3600 });
  });

  it("drop a page at every server's next request once any server expires one of its tags", async () => {
    const [a, b] = [await startServer(), await startServer()];
    await renderAndStore(a, '/news/third', '<p>Ada</p>', 'comments:3');
    await renderAndStore(a, '/news/fourth', '<p>Grace</p>', 'comments:4');
    later(1_000);
    expect((await readPage(b, '/news/third'))?.value).toMatchObject({ html: '<p>Ada</p>' }); // now in b's memory too

    await a.run(() => new a.pages().revalidateTag('comments:3'));
    later(1_000);
    expect(await readPage(a, '/news/third')).toBeNull();
    expect(await readPage(b, '/news/third')).toBeNull();
    expect((await readPage(b, '/news/fourth'))?.value).toMatchObject({ html: '<p>Grace</p>' });

    // A renders it afresh: B finds the new page in Redis, not its own old copy.
    await renderAndStore(a, '/news/third', '<p>Ada, approved reply</p>', 'comments:3');
    later(1_000);
    expect((await readPage(b, '/news/third'))?.value).toMatchObject({ html: '<p>Ada, approved reply</p>' });
  });

  it("drop a 'use cache' result everywhere once another process expires its tag", async () => {
    const [a, b] = [await startServer(), await startServer()];
    await a.run(() => a.useCache.set('comments of 5', Promise.resolve(result('Ada', ['comments:5']))));
    later(1_000);
    expect(await textOf(await readResult(b, 'comments of 5'))).toBe('Ada');
    await expireTags(['comments:5'], Date.now(), other);
    later(10);
    expect(await readResult(a, 'comments of 5')).toBeUndefined();
    expect(await readResult(b, 'comments of 5')).toBeUndefined();
  });

  it('never serve an entry from Redis that an invalidation made before this server started concerns', async () => {
    const a = await startServer();
    await a.run(() => a.useCache.set('story 6', Promise.resolve(result('Old headline', ['article:6']))));
    await renderAndStore(a, '/news/sixth', '<h1>Old headline</h1>', 'article:6');
    later(1_000);
    await expireTags(['article:6'], Date.now(), other);
    later(24 * 3600 * 1000); // a day later, a new server joins
    const late = await startServer();
    expect(await readResult(late, 'story 6')).toBeUndefined();
    expect(await readPage(late, '/news/sixth')).toBeNull();
  });

  it('serve an entry once more while it is made afresh when a tag is revalidated with a profile, until it expires', async () => {
    const [a, b] = [await startServer(), await startServer()];
    await a.run(() => a.useCache.set('section 7', Promise.resolve(result('News front', ['section:news']))));
    await renderAndStore(a, '/news', '<h1>News</h1>', 'section:news');
    later(1_000);
    await a.run(() => a.useCache.updateTags(['section:news'], { expire: 3600 }));
    later(10);
    const stale = await readResult(b, 'section 7');
    expect(stale?.revalidate).toBeLessThan(0);
    expect(await textOf(stale)).toBe('News front');
    const stalePage = await readPage(b, '/news');
    expect(stalePage?.value).toMatchObject({ html: '<h1>News</h1>' });
    expect(stalePage!.lastModified + 60 * 1000).toBeLessThan(Date.now());

    later(3_600_000);
    expect(await readResult(b, 'section 7')).toBeUndefined();
    expect(await readPage(b, '/news')).toBeNull();
  });

  it('with CACHE_MEMORY_MB=0, keep nothing in the server: what Redis holds is what is served', async () => {
    const [a, b] = [await startServer({ CACHE_MEMORY_MB: '0' }), await startServer({ CACHE_MEMORY_MB: '0' })];
    await renderAndStore(a, '/news/eighth', '<p>First</p>', 'article:8');
    later(1_000);
    expect((await readPage(b, '/news/eighth'))?.value).toMatchObject({ html: '<p>First</p>' });
    await renderAndStore(b, '/news/eighth-b', '<p>Second</p>', 'article:8');
    later(1_000);
    expect((await readPage(a, '/news/eighth-b'))?.value).toMatchObject({ html: '<p>Second</p>' });
  });

  it('keep pages right while Redis is down, log the outage once, and resume caching when it is back', { timeout: 30_000 }, async () => {
    vi.useRealTimers(); // the client's reconnection and timeouts run on real time
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const [a, b] = [await startServer(), await startServer()];
      await renderAndStore(a, '/news/ninth', '<p>Before</p>', 'comments:9');
      expect((await readPage(b, '/news/ninth'))?.value).toMatchObject({ html: '<p>Before</p>' });

      await redis.kill();
      // A miss, and a store that is dropped: both at once, neither throwing (a guard against a hang, not a benchmark).
      const hang = new Promise((resolve) => setTimeout(() => resolve('hung'), 2_000));
      expect(await Promise.race([readPage(a, '/news/never-cached'), hang])).toBeNull();
      await expect(Promise.race([renderAndStore(a, '/news/while-down', '<p>Down</p>', 'comments:10'), hang])).resolves.toBeUndefined();
      await expect(Promise.race([a.run(() => a.useCache.set('down', Promise.resolve(result('x', [])))), hang])).resolves.toBeUndefined();
      // An invalidation still reaches every server through the database; what b holds in memory obeys it.
      await a.run(() => new a.pages().revalidateTag('comments:9'));
      expect(await readPage(b, '/news/ninth')).toBeNull();
      const outages = () => errors.mock.calls.filter(([message]) => /is not answering/.test(String(message)));
      await vi.waitFor(() => expect(outages()).toHaveLength(2)); // once for each server

      await redis.start();
      let attempt = 0;
      await vi.waitFor(
        async () => {
          const key = `/news/after-${++attempt}`; // each client reconnects in its own time
          await renderAndStore(a, key, '<p>After</p>', 'comments:11');
          expect((await readPage(b, key))?.value).toMatchObject({ html: '<p>After</p>' });
        },
        { timeout: 10_000, interval: 100 },
      );
      await vi.waitFor(() => expect(logs.mock.calls.filter(([message]) => /is back: caching resumes/.test(String(message)))).toHaveLength(2));
      expect(outages()).toHaveLength(2);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });

  it('start without Redis: pages are rendered and kept in memory, nothing waits', { timeout: 30_000 }, async () => {
    vi.useRealTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const nowhere = await startServer({}, await freePort());
      const hang = new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000));
      await expect(Promise.race([renderAndStore(nowhere, '/news/alone', '<p>Alone</p>', 'article:14'), hang])).resolves.toBeUndefined();
      expect(await Promise.race([readPage(nowhere, '/news/alone').then((found) => found?.value), hang])).toMatchObject({ html: '<p>Alone</p>' });
      expect(errors.mock.calls.filter(([message]) => /is not answering/.test(String(message)))).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });

  it('are all forgotten when a database is restored (npm run restore)', async () => {
    const a = await startServer();
    await renderAndStore(a, '/news/restored', '<p>From the old database</p>', 'article:13');
    await a.run(() => a.useCache.set('story 13', Promise.resolve(result('Old', ['article:13']))));
    const { forgetSharedEntries } = await import('./redis.mjs');
    expect(await forgetSharedEntries(`redis://127.0.0.1:${redis.port}`)).toBeGreaterThanOrEqual(2);
    const late = await startServer();
    expect(await readPage(late, '/news/restored')).toBeNull();
    expect(await readResult(late, 'story 13')).toBeUndefined();
  });

  it('give up on a Redis that stops answering within its command timeout, and use it again once it answers', { timeout: 30_000 }, async () => {
    vi.useRealTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    const [a, b] = [await startServer(), await startServer()];
    try {
      await renderAndStore(a, '/news/twelfth', '<p>Hung</p>', 'comments:12');
      redis.process!.kill('SIGSTOP');
      const hang = new Promise((resolve) => setTimeout(() => resolve('hung'), 2_000));
      expect(await Promise.race([readPage(b, '/news/twelfth'), hang])).toBeNull();
      expect(errors.mock.calls.filter(([message]) => /is not answering/.test(String(message)))).toHaveLength(1);
    } finally {
      redis.process!.kill('SIGCONT');
    }
    try {
      await vi.waitFor(async () => expect((await readPage(b, '/news/twelfth'))?.value).toMatchObject({ html: '<p>Hung</p>' }), { timeout: 5_000, interval: 100 });
      expect(logs.mock.calls.filter(([message]) => /is back/.test(String(message)))).toHaveLength(1);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });
});
