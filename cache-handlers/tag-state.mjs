// @ts-check
/**
 * What this process knows of cache tag invalidations, for both handlers: its own (`updateTag`,
 * `revalidateTag`) and those other processes wrote to the database (db/cache-tags.ts: another app
 * server, `npm run privacy:erase`), read at most once per request. Times are ms since the epoch, as
 * Next stamps its entries.
 *
 * The database is reached through the store that db/cache-tags.ts provides as the server starts
 * (instrumentation.ts): Next imports these files as they are, so they cannot import our TypeScript.
 * Without a store (while `next build` prerenders, or in a test that gives none) only this process's
 * own invalidations are known.
 */

/**
 * @typedef {import('../db/cache-tags').CacheTagStore} CacheTagStore
 * @typedef {import('../db/cache-tags').TagInvalidation} TagInvalidation
 * @typedef {'fresh' | 'stale' | 'expired' | 'unknown'} TagStatus
 */

const storeKey = Symbol.for('broadsheet.cache-tag-store');

/**
 * A writer takes its time before it commits, and may wait up to busy_timeout (5 s) for the lock in
 * between: each read goes back this far before the previous one, so a late commit is still seen.
 */
const LATE_COMMIT_MS = 10_000;

/** @type {Map<string, { stale: number, expired: number }>} */
const known = new Map();
/**
 * Everything in memory is younger than this process, so older invalidations cannot concern it;
 * entries shared through Redis may be older (`readInvalidationsFrom`).
 */
let lastReadAt = Date.now();
let unreadable = false;

/** @returns {CacheTagStore | undefined} */
function store() {
  // `next build` prerenders with these handlers too, and the build never opens the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return /** @type {Record<symbol, CacheTagStore | undefined>} */ (globalThis)[storeKey];
}

/** @param {string} tag @param {number} stale @param {number} expired */
function remember(tag, stale, expired) {
  const current = known.get(tag);
  if (!current || stale >= current.stale) known.set(tag, { stale, expired });
}

/**
 * Makes the next read go back to `ms`: for entries this process did not make (Redis), which may
 * predate it. Called as the handlers load, before the first read.
 * @param {number} ms
 */
export function readInvalidationsFrom(ms) {
  lastReadAt = Math.min(lastReadAt, ms);
}

/** @param {unknown} value @returns {value is PromiseLike<unknown>} */
const isPromise = (value) => typeof (/** @type {{ then?: unknown } | null} */ (value))?.then === 'function';

/** @param {readonly TagInvalidation[]} rows @param {number} startedAt */
function learn(rows, startedAt) {
  for (const row of rows) remember(row.tag, row.staleAt, row.expiredAt);
  lastReadAt = startedAt;
  unreadable = false;
}

/** @param {unknown} error */
function readFailed(error) {
  if (!unreadable) console.error('Cache tags cannot be read from the database: nothing is served from memory until they can be.', error);
  unreadable = true;
}

/** The read under way (PostgreSQL), and the one queued after it. @type {Promise<void> | undefined} */
let reading;
/** @type {Promise<void> | undefined} */
let queued;

/**
 * Learns what other processes invalidated since the last read. On SQLite, synchronously (usually a
 * look at its commit count alone); on PostgreSQL the store answers with a promise, returned here for
 * the handler to await before it serves anything.
 * @returns {Promise<void> | undefined}
 */
export function readInvalidations() {
  const tagStore = store();
  if (!tagStore) return undefined;
  if (queued) return queued;
  if (reading) {
    // The read under way may have started before what this request must see was committed: one more
    // read follows it, shared by every request that arrives meanwhile (two at a time at most).
    queued = reading.then(() => {
      queued = undefined;
      return readInvalidations();
    });
    return queued;
  }
  const startedAt = Date.now();
  /** @type {TagInvalidation[] | Promise<TagInvalidation[]>} */
  let rows;
  try {
    rows = tagStore.readSince(lastReadAt - (tagStore.lateCommitMs ?? LATE_COMMIT_MS));
  } catch (error) {
    readFailed(error);
    return undefined;
  }
  if (!isPromise(rows)) {
    learn(rows, startedAt);
    return undefined;
  }
  reading = rows.then((found) => learn(found, startedAt), readFailed).finally(() => (reading = undefined));
  return reading;
}

/**
 * Whether an entry made at `timestamp` with these tags may be served (fresh), may be served once
 * more while a fresh one is made (stale: `revalidateTag` with a profile), or must not be (expired).
 * While the database cannot be read it is unknown, and not served: another process may have changed it.
 * @param {number} timestamp
 * @param {...readonly string[]} tagLists
 * @returns {TagStatus}
 */
export function tagStatus(timestamp, ...tagLists) {
  if (unreadable) return 'unknown';
  if (known.size === 0) return 'fresh';
  const now = Date.now();
  /** @type {TagStatus} */
  let status = 'fresh';
  for (const tags of tagLists) {
    for (const tag of tags) {
      const seen = known.get(tag);
      if (!seen || seen.stale < timestamp) continue;
      if (seen.expired <= now) return 'expired';
      status = 'stale';
    }
  }
  return status;
}

/** @type {{ rows: Map<string, TagInvalidation>, written: Promise<void> } | undefined} */
let pending;

/**
 * Records invalidations made in this process. Its own entries change at once; the database learns
 * them for every other process before the caller (Next, finishing a server action) goes on, and a
 * write that fails fails the action rather than leave other servers serving the old page.
 * Next tells every handler of the same `updateTag`: what arrives in one turn is written once.
 * @param {readonly string[]} tags
 * @param {{ expire?: number }} [durations] present for `revalidateTag(tag, profile)`: the profile's expire, in seconds
 * @returns {Promise<void>}
 */
export function invalidate(tags, durations) {
  const now = Date.now();
  const expired = durations ? Math.min(now + (durations.expire ?? Infinity) * 1000, Number.MAX_SAFE_INTEGER) : now;
  for (const tag of tags) remember(tag, now, expired);
  const tagStore = store();
  if (!tagStore) return Promise.resolve();
  if (!pending) {
    /** @type {Map<string, TagInvalidation>} */
    const rows = new Map();
    const written = Promise.resolve().then(() => {
      pending = undefined;
      return tagStore.write([...rows.values()]);
    });
    pending = { rows, written };
  }
  for (const tag of tags) pending.rows.set(tag, { tag, staleAt: now, expiredAt: expired });
  return pending.written;
}
