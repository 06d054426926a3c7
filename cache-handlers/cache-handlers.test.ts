import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CacheEntry } from 'next/cache';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expireTags, provideCacheTagStore, readTagExpirationsSince, writeTagInvalidations } from '../db/cache-tags';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { result } from './test-entries';
import { memory, memoryBudget } from './memory.mjs';
import PageCacheHandler from './pages.mjs';
import { memoryFront, sharing } from './shared.mjs';
import useCache from './use-cache.mjs';

// A budget small enough to fill: set before the handlers' modules read it.
vi.hoisted(() => {
  process.env.CACHE_MEMORY_MB = '1';
  delete process.env.REDIS_URL;
});

// Without REDIS_URL the Redis client is never loaded: importing it here fails the test that did.
vi.mock('redis', () => {
  throw new Error('the Redis client was loaded without REDIS_URL');
});

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-handlers-'));
const file = path.join(folder, 'site.db');
/** The server's connection, which the handlers use. */
const server = openDatabase(file);
runMigrations(server);
provideCacheTagStore(server);
/** Another process on the same database: `npm run privacy:erase`, or another app server. */
const other = openDatabase(file);

afterAll(async () => {
  server.$client.close();
  other.$client.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

let now = Date.now();
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  now += 60_000;
  vi.setSystemTime(now);
  memory.clear();
});
afterEach(() => vi.useRealTimers());

function later(ms: number) {
  now += ms;
  vi.setSystemTime(now);
}


async function textOf(entry: CacheEntry | undefined) {
  return entry ? new Response(entry.value).text() : undefined;
}

const page = (html: string, tags: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc of ${html}`),
  headers: { 'x-next-cache-tags': tags },
  status: 200,
});
const pageContext = { cacheControl: { revalidate: 60, expire: 30 * 24 * 3600 } };

/** Next makes a page handler per request. */
async function renderAndStore(key: string, html: string, tags: string) {
  const handler = new PageCacheHandler();
  expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  later(50); // rendering
  await handler.set(key, page(html, tags), pageContext);
}

const readPage = (key: string) => new PageCacheHandler().get(key, { kind: 'APP_PAGE' });

describe('without REDIS_URL', () => {
  it('entries are kept in this process alone', () => {
    expect(sharing).toBe(false);
    expect(memoryFront).toBe(true);
  });
});

describe("'use cache' results", () => {
  it('are served until another process expires one of their tags, learned at the next request', async () => {
    await useCache.set('comments of 1', Promise.resolve(result('Ada: first', ['comments:1'])));
    await useCache.set('comments of 2', Promise.resolve(result('Grace: second', ['comments:2'])));
    later(1_000);
    await useCache.refreshTags();
    expect(await textOf(await useCache.get('comments of 1', []))).toBe('Ada: first');

    await expireTags(['comments:1'], Date.now(), other);
    await useCache.refreshTags();
    expect(await useCache.get('comments of 1', [])).toBeUndefined();
    expect(await textOf(await useCache.get('comments of 2', []))).toBe('Grace: second');
  });

  it("miss at once after this process's updateTag, which the database records for the others", async () => {
    await useCache.set('settings', Promise.resolve(result('depth 5', ['settings'])));
    later(1_000);
    await useCache.updateTags(['settings']);
    expect(await useCache.get('settings', [])).toBeUndefined();
    expect(await readTagExpirationsSince(now - 1, other)).toEqual([{ tag: 'settings', staleAt: now, expiredAt: now }]);
  });

  it('are served once more while remade when a tag is revalidated with a profile, until it expires', async () => {
    await useCache.set('section', Promise.resolve(result('News front', ['section:news'])));
    later(1_000);
    await useCache.updateTags(['section:news'], { expire: 3600 });
    const stale = await useCache.get('section', []);
    expect(stale?.revalidate).toBeLessThan(0);
    expect(await textOf(stale)).toBe('News front');
    expect(await readTagExpirationsSince(now - 1, other)).toEqual([{ tag: 'section:news', staleAt: now, expiredAt: now + 3_600_000 }]);
    later(3_600_000);
    expect(await useCache.get('section', [])).toBeUndefined();
  });

  it("learn another process's revalidation with a profile as stale, not gone", async () => {
    await useCache.set('author', Promise.resolve(result('Ed Itor', ['author:ed'])));
    later(1_000);
    writeTagInvalidations([{ tag: 'author:ed', staleAt: now, expiredAt: now + 60_000 }], other);
    await useCache.refreshTags();
    expect((await useCache.get('author', []))?.revalidate).toBeLessThan(0);
  });

  it("check the route's implicit tags too (revalidatePath)", async () => {
    await useCache.set('story body', Promise.resolve(result('Body', ['article:3'])));
    later(1_000);
    await expireTags(['_N_T_/news/some-story'], Date.now(), other);
    await useCache.refreshTags();
    expect(await useCache.getExpiration(['_N_T_/news/some-story'])).toBe(Infinity);
    expect(await useCache.get('story body', ['_N_T_/layout', '_N_T_/news/some-story'])).toBeUndefined();
  });

  it('keep a read that comes while its value is still being stored waiting for it', async () => {
    let finish: (entry: CacheEntry) => void = () => {};
    const storing = useCache.set('slow', new Promise<CacheEntry>((resolve) => (finish = resolve)));
    const reading = useCache.get('slow', []);
    finish(result('made slowly', []));
    await storing;
    expect(await textOf(await reading)).toBe('made slowly');
  });

  it('stay within CACHE_MEMORY_MB, dropping the least recently used', async () => {
    expect(memoryBudget()).toBe(1024 * 1024);
    expect(memoryBudget('')).toBe(32 * 1024 * 1024);
    expect(memoryBudget('lots')).toBe(32 * 1024 * 1024);
    const big = 'x'.repeat(400 * 1024);
    for (const key of ['one', 'two', 'three']) await useCache.set(key, Promise.resolve(result(big, [])));
    expect(memory.calculatedSize).toBeLessThanOrEqual(1024 * 1024);
    expect(await useCache.get('one', [])).toBeUndefined();
    expect(await textOf(await useCache.get('three', []))).toBe(big);
  });
});

describe('pages', () => {
  it('are served until another process expires one of their tags, at the next request', async () => {
    await renderAndStore('/news/first', '<h1>First</h1><p>Ada</p>', 'article:1,comments:1,_N_T_/layout');
    await renderAndStore('/news/second', '<h1>Second</h1>', 'article:2,comments:2,_N_T_/layout');
    later(1_000);
    expect((await readPage('/news/first'))?.value).toMatchObject({ html: '<h1>First</h1><p>Ada</p>' });

    await expireTags(['comments:1'], Date.now(), other);
    expect(await readPage('/news/first')).toBeNull();
    expect((await readPage('/news/second'))?.value).toMatchObject({ html: '<h1>Second</h1>' });
  });

  it('count as made when their render began, so a change committed during it is not lost', async () => {
    const handler = new PageCacheHandler();
    expect(await handler.get('/news/busy', { kind: 'APP_PAGE' })).toBeNull();
    later(20);
    await expireTags(['comments:9'], Date.now(), other); // after the render read the comments, before it was stored
    later(20);
    await handler.set('/news/busy', page('<p>old name</p>', 'comments:9'), pageContext);
    expect(await readPage('/news/busy')).toBeNull();
  });

  it("miss at once after this process's updateTag", async () => {
    await renderAndStore('/', '<h1>Front</h1>', 'latest,_N_T_/layout');
    later(1_000);
    await new PageCacheHandler().revalidateTag('latest');
    expect(await readPage('/')).toBeNull();
    expect((await readTagExpirationsSince(now - 1, other)).map((row) => row.tag)).toEqual(['latest']);
  });

  it('are handed over old enough for Next to serve them while it renders afresh, when a tag goes stale', async () => {
    await renderAndStore('/tags/budget', '<h1>Budget</h1>', 'tag:budget');
    later(1_000);
    await new PageCacheHandler().revalidateTag(['tag:budget'], { expire: 3600 });
    const stale = await readPage('/tags/budget');
    expect(stale?.value).toMatchObject({ html: '<h1>Budget</h1>' });
    expect(stale!.lastModified + 60 * 1000).toBeLessThan(Date.now());
  });
});

describe('when the database cannot be read', () => {
  it('nothing is served from memory, and an invalidation that cannot be written fails', async () => {
    await useCache.set('comments of 5', Promise.resolve(result('Ada', ['comments:5'])));
    await renderAndStore('/news/fifth', '<p>Ada</p>', 'comments:5');
    const closed = openDatabase(file);
    closed.$client.close();
    provideCacheTagStore(closed);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      later(1_000);
      await useCache.refreshTags();
      expect(await useCache.get('comments of 5', [])).toBeUndefined();
      expect(await readPage('/news/fifth')).toBeNull();
      await expect(useCache.updateTags(['comments:6'])).rejects.toThrow();
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
      provideCacheTagStore(server);
    }
    await useCache.refreshTags();
    expect(await textOf(await useCache.get('comments of 5', []))).toBe('Ada');
  });
});
