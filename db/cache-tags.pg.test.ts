import type { CacheEntry } from 'next/cache';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { result } from '../cache-handlers/test-entries';
import { type CacheTagStore, expireTags, expireTagsInTransaction, provideCacheTagStore, readTagExpirationsSince } from './cache-tags';
import { type Db, openPostgres } from './client';
import { closeConnection } from './client';
import { transact } from './transact';

vi.hoisted(() => {
  delete process.env.REDIS_URL;
});

const { default: useCache } = await import('../cache-handlers/use-cache.mjs');
const { default: PageCacheHandler } = await import('../cache-handlers/pages.mjs');

const textOf = async (entry: CacheEntry | undefined) => (entry ? new Response(entry.value).text() : undefined);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(postgresMissing)(`the cache tag store on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { url } = usePostgresDatabase();
  /** This process's server, whose handlers use the store, and another server on the same database. */
  let here: Db;
  let other: Db;
  const open = () => {
    here ??= openPostgres(url());
    other ??= openPostgres(url());
  };
  afterAll(async () => {
    if (here) await closeConnection(here);
    if (other) await closeConnection(other);
  });

  it('writes through one pool and reads through another; an older write does not undo a newer one', async () => {
    open();
    const writer = provideCacheTagStore(other);
    const reader = provideCacheTagStore(here);
    const t = Date.now();
    await writer.write([{ tag: 'story:1', staleAt: t, expiredAt: t }]);
    expect(await reader.readSince(t - 1)).toEqual([{ tag: 'story:1', staleAt: t, expiredAt: t }]);
    expect(await reader.readSince(t)).toEqual([]);
    await writer.write([{ tag: 'story:1', staleAt: t - 500, expiredAt: t - 500 }]);
    expect(await readTagExpirationsSince(t - 1, here)).toEqual([{ tag: 'story:1', staleAt: t, expiredAt: t }]);
  });

  it('what another server invalidates, this one stops serving at its next request', async () => {
    open();
    provideCacheTagStore(here);
    await useCache.set('comments of 5', Promise.resolve(result('Ada', ['comments:5'])));
    const page = new PageCacheHandler();
    expect(await page.get('/news/fifth', { kind: 'APP_PAGE' })).toBeNull();
    await page.set('/news/fifth', { kind: 'APP_PAGE', html: '<p>Ada</p>', rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': 'comments:5' }, status: 200 } as never, {
      cacheControl: { revalidate: 60, expire: 3600 },
    } as never);
    await pause(5);
    await useCache.refreshTags();
    expect(await textOf(await useCache.get('comments of 5', []))).toBe('Ada');
    expect(await new PageCacheHandler().get('/news/fifth', { kind: 'APP_PAGE' })).not.toBeNull();

    await expireTags(['comments:5'], Date.now(), other);

    await useCache.refreshTags();
    expect(await useCache.get('comments of 5', [])).toBeUndefined();
    expect(await new PageCacheHandler().get('/news/fifth', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('an invalidation written in a transaction is seen once it commits, never if it rolls back', async () => {
    open();
    provideCacheTagStore(here);
    await useCache.set('section 3', Promise.resolve(result('News', ['section:3'])));
    await pause(5);
    await expect(
      transact(other, function* (tx) {
        yield* expireTagsInTransaction(tx, ['section:3'], Date.now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await useCache.refreshTags();
    expect(await textOf(await useCache.get('section 3', []))).toBe('News');
    await transact(other, function* (tx) {
      yield* expireTagsInTransaction(tx, ['section:3'], Date.now());
    });
    await useCache.refreshTags();
    expect(await useCache.get('section 3', [])).toBeUndefined();
  });

  it('this server’s own updateTags is in the database when it returns', async () => {
    open();
    provideCacheTagStore(here);
    const before = Date.now() - 1;
    await useCache.updateTags(['tag:mine']);
    expect((await readTagExpirationsSince(before, other)).map((row) => row.tag)).toContain('tag:mine');
  });

  it('requests arriving together share reads, and none misses a commit made before it arrived', async () => {
    open();
    const real = provideCacheTagStore(here);
    let reads = 0;
    const slow: CacheTagStore = {
      ...real,
      async readSince(ms) {
        reads++;
        // Reads first, answers late: a commit made meanwhile is not in what this read gives.
        const rows = await real.readSince(ms);
        await pause(50);
        return rows;
      },
    };
    (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.cache-tag-store')] = slow;
    await useCache.set('tally', Promise.resolve(result('1', ['tally'])));
    await pause(5);
    const first = useCache.refreshTags(); // under way, started before the invalidation below
    await pause(10);
    await expireTags(['tally'], Date.now(), other);
    const arrivals = Array.from({ length: 10 }, () => useCache.refreshTags());
    await Promise.all([first, ...arrivals]);
    expect(reads).toBe(2);
    expect(await useCache.get('tally', [])).toBeUndefined();
    provideCacheTagStore(here);
  });

  it('while the database cannot be read nothing is served from memory, and a write that cannot be made fails the action', async () => {
    open();
    provideCacheTagStore(here);
    await useCache.set('comments of 7', Promise.resolve(result('Bo', ['comments:7'])));
    await pause(5);
    const closed = openPostgres(url());
    await closeConnection(closed);
    provideCacheTagStore(closed);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await useCache.refreshTags();
      expect(await useCache.get('comments of 7', [])).toBeUndefined();
      await expect(useCache.updateTags(['comments:8'])).rejects.toThrow();
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
      provideCacheTagStore(here);
    }
    await useCache.refreshTags();
    expect(await textOf(await useCache.get('comments of 7', []))).toBe('Bo');
  });
});
