// @ts-check
/**
 * Next's `cacheHandlers` `default` and `remote` (next.config.ts): where the results of 'use cache'
 * functions are kept (the reads in db/ that pages are built from). In this process's memory
 * (memory.mjs), and with REDIS_URL also in Redis for every app server (shared.mjs); checked,
 * wherever they come from, against the invalidations of their tags (tag-state.mjs), which
 * `refreshTags` brings up to date with the database once per request before the first read.
 *
 * The interface is the one Next documents for `cacheHandlers`; the built-in handler does the same in
 * memory, except that it drops an entry once past its revalidate time, where this one keeps serving
 * it until it expires while Next makes a fresh one (stale-while-revalidate).
 */
import { memory } from './memory.mjs';
import { memoryFront, secondsToKeep, sharedCache, sharing } from './shared.mjs';
import { invalidate, readInvalidations, tagStatus } from './tag-state.mjs';

/**
 * @typedef {import('next/cache').CacheHandler} CacheHandler
 * @typedef {import('next/cache').CacheEntry} CacheEntry
 * @typedef {{ kind: 'result', entry: Omit<CacheEntry, 'value'>, bytes: Uint8Array, size: number }} StoredResult
 */

/** @param {string} cacheKey */
const memoryKey = (cacheKey) => `use-cache:${cacheKey}`;

/** Sets still reading their value: a read of the same key waits for it rather than miss. @type {Map<string, Promise<void>>} */
const pendingSets = new Map();

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  /** @type {Uint8Array[]} */
  const chunks = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return Buffer.concat(chunks);
}

/** @param {Uint8Array} bytes @returns {ReadableStream<Uint8Array>} */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * A stored result as Next takes it. A negative revalidate is always past: Next serves the entry and
 * makes a fresh one behind it.
 * @param {StoredResult} stored
 * @param {'fresh' | 'stale'} status
 * @returns {CacheEntry}
 */
function served({ entry, bytes }, status) {
  return { ...entry, revalidate: status === 'stale' ? -1 : entry.revalidate, value: streamOf(bytes) };
}

/** @param {string} cacheKey @returns {Promise<StoredResult | undefined>} */
async function fetchShared(cacheKey) {
  const shared = await sharedCache();
  const found = /** @type {Partial<StoredResult> | undefined} */ (await shared.get(memoryKey(cacheKey)));
  return found?.kind === 'result' && found.bytes instanceof Uint8Array ? /** @type {StoredResult} */ (found) : undefined;
}

/** @param {string} cacheKey @param {StoredResult} stored */
async function share(cacheKey, stored) {
  if (!sharing) return;
  const shared = await sharedCache();
  await shared.set(memoryKey(cacheKey), stored, secondsToKeep(stored.entry.expire, stored.entry.timestamp));
}

/**
 * @typedef {{ result: StoredResult, status: 'fresh' | 'stale' }} Servable
 * @param {StoredResult | undefined} result
 * @param {import('./tag-state.mjs').TagStatus | undefined} status
 * @returns {Servable | undefined}
 */
const servable = (result, status) => (result && (status === 'fresh' || status === 'stale') ? { result, status } : undefined);

/**
 * The one to serve of this process's copy and Redis's: fresh before stale, then the later made.
 * @param {Servable | undefined} local
 * @param {Servable | undefined} remote
 */
function better(local, remote) {
  if (!local || !remote) return local ?? remote;
  if (local.status !== remote.status) return local.status === 'fresh' ? local : remote;
  return remote.result.entry.timestamp > local.result.entry.timestamp ? remote : local;
}

/** @type {CacheHandler} */
const useCacheHandler = {
  async get(cacheKey, softTags) {
    const pendingSet = pendingSets.get(cacheKey);
    if (pendingSet) await pendingSet;
    const stored = memoryFront ? memory.get(memoryKey(cacheKey)) : undefined;
    const local = stored?.kind === 'result' ? stored : undefined;
    const status = local ? tagStatus(local.entry.timestamp, local.entry.tags, softTags) : undefined;
    if (status === 'expired') memory.delete(memoryKey(cacheKey));
    if (!sharing) {
      if (!local || !status || status === 'expired' || status === 'unknown') return undefined;
      return served(local, status);
    }
    // What this process holds is served while nothing newer can be in Redis: fresh by its tags and its time.
    if (local && status === 'fresh' && local.entry.timestamp + local.entry.revalidate * 1000 > Date.now()) return served(local, status);
    const remote = await fetchShared(cacheKey);
    const remoteStatus = remote ? tagStatus(remote.entry.timestamp, remote.entry.tags, softTags) : undefined;
    const chosen = better(servable(local, status), servable(remote, remoteStatus));
    if (!chosen) return undefined;
    if (chosen.result === remote && memoryFront) memory.set(memoryKey(cacheKey), remote);
    return served(chosen.result, chosen.status);
  },

  async set(cacheKey, pendingEntry) {
    /** @type {() => void} */
    let settled = () => {};
    /** @type {Promise<void>} */
    const setting = new Promise((resolve) => {
      settled = resolve;
    });
    pendingSets.set(cacheKey, setting);
    /** @type {StoredResult | undefined} */
    let stored;
    try {
      const { value, ...entry } = await pendingEntry;
      // Next makes an entry that must not be kept (expire 0) afresh on every read: storing it is wasted.
      if (entry.expire === 0) return;
      const bytes = await readAll(value);
      stored = { kind: 'result', entry, bytes, size: bytes.byteLength + 2 * cacheKey.length + 256 };
      // A read waiting for this set must then find it: in this process's memory, or else in Redis.
      if (memoryFront) memory.set(memoryKey(cacheKey), stored);
      else await share(cacheKey, stored);
    } catch {
      // A value that failed while it was made is not kept: pages built from part of it would be wrong.
    } finally {
      settled();
      if (pendingSets.get(cacheKey) === setting) pendingSets.delete(cacheKey);
    }
    if (stored && memoryFront) await share(cacheKey, stored);
  },

  async refreshTags() {
    await readInvalidations();
  },

  // Soft tags (a route's implicit tags) are checked in get() with the entry's own.
  async getExpiration() {
    return Infinity;
  },

  async updateTags(tags, durations) {
    await invalidate(tags, durations);
  },
};

export default useCacheHandler;
