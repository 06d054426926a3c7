// @ts-check
/**
 * Next's `cacheHandler` (next.config.ts): where rendered pages and route handler responses are kept
 * between requests. In this process's memory (memory.mjs), never on disk, and with REDIS_URL also in
 * Redis for every app server (shared.mjs); checked on every read, wherever it comes from, against
 * the invalidations of their tags (tag-state.mjs), including those another process wrote to the
 * database, so a page whose story changed elsewhere is rendered afresh at the next request.
 *
 * Next makes an instance per request (its IncrementalCache is per request) and passes it the key of
 * the route and path; the methods are those its "cacheHandler" page documents.
 */
import { memory } from './memory.mjs';
import { memoryFront, secondsToKeep, sharedCache, sharing } from './shared.mjs';
import { invalidate, readInvalidations, tagStatus } from './tag-state.mjs';

/** Where a response's tags travel: its reads' `cacheTag`s and the implicit ones of its path (Next's "Configuring Caching"). */
const TAGS_HEADER = 'x-next-cache-tags';

/**
 * The parts of a value Next caches that this handler reads (Next's kinds APP_PAGE, APP_ROUTE, PAGES,
 * FETCH, REDIRECT); it stores the value as given.
 * @typedef {{
 *   kind: string,
 *   html?: string,
 *   rscData?: Uint8Array,
 *   segmentData?: Map<string, Uint8Array>,
 *   postponed?: string,
 *   body?: Uint8Array,
 *   headers?: Record<string, unknown>,
 *   data?: unknown,
 *   pageData?: unknown,
 *   props?: unknown,
 * }} CachedValue
 * @typedef {{ revalidate?: number | false, expire?: number }} CacheControl
 * @typedef {{ kind: 'page', value: CachedValue | null, lastModified: number, cacheControl?: CacheControl, tags: string[], size: number }} StoredPage
 * @typedef {{ kind?: string, tags?: string[], softTags?: string[] }} GetContext
 * @typedef {{ cacheControl?: CacheControl, fetchCache?: boolean, tags?: string[] }} SetContext
 */

/** @param {string} key */
const memoryKey = (key) => `page:${key}`;

/** @param {CachedValue | null} value @param {SetContext} context */
function tagsOf(value, context) {
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === 'string') return header.split(',');
  return context.fetchCache ? (context.tags ?? []) : [];
}

/**
 * Roughly what an entry holds in memory. Text counts two bytes a character: V8 keeps a string with
 * any character past U+00FF (a curly quote) at two bytes for every character, as story pages are.
 * @param {string} key
 * @param {CachedValue | null} value
 */
function sizeOf(key, value) {
  let bytes = 2 * key.length + 256;
  if (!value) return bytes;
  bytes += 2 * ((value.html?.length ?? 0) + (value.postponed?.length ?? 0));
  bytes += (value.rscData?.byteLength ?? 0) + (value.body?.byteLength ?? 0);
  for (const [path, segment] of value.segmentData ?? []) bytes += 2 * path.length + segment.byteLength;
  const structured = value.data ?? value.pageData ?? value.props;
  if (structured !== undefined) bytes += 2 * (JSON.stringify(structured)?.length ?? 0);
  return bytes;
}

/**
 * A page whose tag went stale (`revalidateTag` with a profile) is served once more while Next
 * renders a fresh one behind it, which Next does for an entry older than its revalidate time: it is
 * handed over as that old. One that is never revalidated cannot be, and is rendered now.
 * @param {StoredPage} stored
 * @param {number} now
 */
function servedWhileRevalidating(stored, now) {
  const revalidate = stored.cacheControl?.revalidate;
  if (typeof revalidate !== 'number' || revalidate <= 0) return null;
  return { ...stored, lastModified: now - revalidate * 1000 - 1 };
}

/**
 * Past its revalidate time, Next renders a page afresh behind it; another server may have done so
 * already, so Redis is asked first.
 * @param {StoredPage} stored
 * @param {number} now
 */
function dueForRevalidation(stored, now) {
  const revalidate = stored.cacheControl?.revalidate;
  return typeof revalidate === 'number' && stored.lastModified + revalidate * 1000 <= now;
}

/** @param {string} key @returns {Promise<StoredPage | undefined>} */
async function fetchShared(key) {
  const shared = await sharedCache();
  const found = /** @type {Partial<StoredPage> | undefined} */ (await shared.get(memoryKey(key)));
  return found?.kind === 'page' ? /** @type {StoredPage} */ (found) : undefined;
}

/**
 * @typedef {{ page: StoredPage, status: 'fresh' | 'stale' }} Servable
 * @param {StoredPage | undefined} page
 * @param {import('./tag-state.mjs').TagStatus | undefined} status
 * @returns {Servable | undefined}
 */
const servable = (page, status) => (page && (status === 'fresh' || status === 'stale') ? { page, status } : undefined);

/**
 * The one to serve of this process's copy and Redis's: fresh before stale, then the later made.
 * @param {Servable | undefined} local
 * @param {Servable | undefined} remote
 */
function better(local, remote) {
  if (!local || !remote) return local ?? remote;
  if (local.status !== remote.status) return local.status === 'fresh' ? local : remote;
  return remote.page.lastModified > local.page.lastModified ? remote : local;
}

export default class PageCacheHandler {
  /**
   * When this request looked each key up. A page rendered after that counts as made then, so that a
   * change committed while it rendered (which it may or may not show) leaves it out of date.
   * @type {Map<string, number>}
   */
  #lookedUpAt = new Map();
  /** The read of the invalidations for this request: null once done (SQLite's), else its promise (PostgreSQL's). @type {Promise<void> | null | undefined} */
  #invalidationsRead;

  /** @param {string} key @param {GetContext} context */
  async get(key, context) {
    if (this.#invalidationsRead === undefined) this.#invalidationsRead = readInvalidations() ?? null;
    if (this.#invalidationsRead) await this.#invalidationsRead;
    const now = Date.now();
    this.#lookedUpAt.set(key, now);
    const softTags = context.kind === 'FETCH' ? (context.softTags ?? []) : [];
    const stored = memoryFront ? memory.get(memoryKey(key)) : undefined;
    const local = stored?.kind === 'page' ? stored : undefined;
    const status = local ? tagStatus(local.lastModified, local.tags, softTags) : undefined;
    if (status === 'expired') memory.delete(memoryKey(key));
    if (!sharing) {
      if (!local || status === 'expired' || status === 'unknown') return null;
      return status === 'stale' ? servedWhileRevalidating(local, now) : local;
    }
    // What this process holds is served while nothing newer can be in Redis: fresh by its tags and its time.
    if (local && status === 'fresh' && !dueForRevalidation(local, now)) return local;
    const remote = await fetchShared(key);
    const remoteStatus = remote ? tagStatus(remote.lastModified, remote.tags, softTags) : undefined;
    const chosen = better(servable(local, status), servable(remote, remoteStatus));
    if (!chosen) return null;
    if (chosen.page === remote && memoryFront) memory.set(memoryKey(key), { ...remote, size: sizeOf(key, remote.value) });
    return chosen.status === 'stale' ? servedWhileRevalidating(chosen.page, now) : chosen.page;
  }

  /** @param {string} key @param {CachedValue | null} value @param {SetContext} context */
  async set(key, value, context) {
    /** @type {StoredPage} */
    const stored = {
      kind: 'page',
      value,
      lastModified: this.#lookedUpAt.get(key) ?? Date.now(),
      cacheControl: context.cacheControl,
      tags: tagsOf(value, context),
      size: sizeOf(key, value),
    };
    if (memoryFront) memory.set(memoryKey(key), stored);
    if (!sharing) return;
    const shared = await sharedCache();
    await shared.set(memoryKey(key), stored, secondsToKeep(stored.cacheControl?.expire, stored.lastModified));
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    await invalidate(typeof tags === 'string' ? [tags] : tags, durations);
  }

  resetRequestCache() {}
}
