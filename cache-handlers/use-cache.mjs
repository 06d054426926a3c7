// @ts-check
/**
 * Next's `cacheHandlers` `default` and `remote` (next.config.ts): where the results of 'use cache'
 * functions are kept (the reads in db/ that pages are built from). In this process's memory
 * (memory.mjs), checked against the invalidations of their tags (tag-state.mjs), which `refreshTags`
 * brings up to date with the database once per request before the first read.
 *
 * The interface is the one Next documents for `cacheHandlers`; the built-in handler does the same in
 * memory, except that it drops an entry once past its revalidate time, where this one keeps serving
 * it until it expires while Next makes a fresh one (stale-while-revalidate).
 */
import { memory } from './memory.mjs';
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

/** @type {CacheHandler} */
const useCacheHandler = {
  async get(cacheKey, softTags) {
    const pendingSet = pendingSets.get(cacheKey);
    if (pendingSet) await pendingSet;
    const stored = memory.get(memoryKey(cacheKey));
    if (stored?.kind !== 'result') return undefined;
    const { entry, bytes } = stored;
    const status = tagStatus(entry.timestamp, entry.tags, softTags);
    if (status === 'expired') memory.delete(memoryKey(cacheKey));
    if (status === 'expired' || status === 'unknown') return undefined;
    // A negative revalidate is always past: Next serves the entry and makes a fresh one behind it.
    return { ...entry, revalidate: status === 'stale' ? -1 : entry.revalidate, value: streamOf(bytes) };
  },

  async set(cacheKey, pendingEntry) {
    /** @type {() => void} */
    let settled = () => {};
    /** @type {Promise<void>} */
    const setting = new Promise((resolve) => {
      settled = resolve;
    });
    pendingSets.set(cacheKey, setting);
    try {
      const { value, ...entry } = await pendingEntry;
      // Next makes an entry that must not be kept (expire 0) afresh on every read: storing it is wasted.
      if (entry.expire === 0) return;
      const bytes = await readAll(value);
      memory.set(memoryKey(cacheKey), { kind: 'result', entry, bytes, size: bytes.byteLength + 2 * cacheKey.length + 256 });
    } catch {
      // A value that failed while it was made is not kept: pages built from part of it would be wrong.
    } finally {
      settled();
      if (pendingSets.get(cacheKey) === setting) pendingSets.delete(cacheKey);
    }
  },

  async refreshTags() {
    readInvalidations();
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
