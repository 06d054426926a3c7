// @ts-check
/**
 * Next's `cacheHandler` (next.config.ts): where rendered pages and route handler responses are kept
 * between requests. In this process's memory (memory.mjs), never on disk, and checked on every read
 * against the invalidations of their tags (tag-state.mjs), including those another process wrote to
 * the database, so a page whose story changed elsewhere is rendered afresh at the next request.
 *
 * Next makes an instance per request (its IncrementalCache is per request) and passes it the key of
 * the route and path; the methods are those its "cacheHandler" page documents.
 */
import { memory } from './memory.mjs';
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

export default class PageCacheHandler {
  /**
   * When this request looked each key up. A page rendered after that counts as made then, so that a
   * change committed while it rendered (which it may or may not show) leaves it out of date.
   * @type {Map<string, number>}
   */
  #lookedUpAt = new Map();
  #invalidationsRead = false;

  /** @param {string} key @param {GetContext} context */
  async get(key, context) {
    if (!this.#invalidationsRead) {
      this.#invalidationsRead = true;
      readInvalidations();
    }
    const now = Date.now();
    this.#lookedUpAt.set(key, now);
    const stored = memory.get(memoryKey(key));
    if (stored?.kind !== 'page') return null;
    const status = tagStatus(stored.lastModified, stored.tags, context.kind === 'FETCH' ? (context.softTags ?? []) : []);
    if (status === 'expired') memory.delete(memoryKey(key));
    if (status === 'expired' || status === 'unknown') return null;
    return status === 'stale' ? servedWhileRevalidating(stored, now) : stored;
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
    memory.set(memoryKey(key), stored);
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    await invalidate(typeof tags === 'string' ? [tags] : tags, durations);
  }

  resetRequestCache() {}
}
