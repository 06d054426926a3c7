// @ts-check
/**
 * Whether pages and 'use cache' results are also kept in Redis, for every app server (REDIS_URL),
 * and whether this process keeps a copy in front of it. Without REDIS_URL the Redis client is never
 * loaded and the handlers keep entries in this process's memory alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cacheSettings } from './settings.mjs';
import { readInvalidationsFrom } from './tag-state.mjs';

/**
 * The longest an entry is kept in Redis, whatever its own expire (`content` asks for 30 days). The
 * tag state covers invalidations this old, so none that an entry in Redis must respect is unknown.
 */
export const LONGEST_SHARED_SECONDS = 31 * 24 * 60 * 60;

const settings = cacheSettings();

/**
 * Entries from another build must not be served (a page names the build's script files; a cached
 * read's shape may have changed): each build has keys of its own, and Redis expires the old ones.
 */
function buildId() {
  try {
    return fs.readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
}

/** Whether entries go to Redis too: with REDIS_URL, except while `next build` prerenders (it must not wait for one). */
export const sharing = Boolean(settings.redisUrl) && process.env.NEXT_PHASE !== 'phase-production-build';

// Entries in Redis may be older than this process: it must know every invalidation they could predate.
if (sharing) readInvalidationsFrom(Date.now() - LONGEST_SHARED_SECONDS * 1000);

/** Whether entries are also kept in this process: always without Redis; with it, unless CACHE_MEMORY_MB=0. */
export const memoryFront = !sharing || settings.memoryFront;

/**
 * Next loads these handlers twice in a server (on their own, and bundled into the proxy's code), so
 * the connection is kept where both copies find it: one client, and one log line per outage.
 */
const clientKey = Symbol.for('broadsheet.redis-cache');

/**
 * Redis, shared by every app server; connected at the first use. Only while `sharing`.
 * @returns {Promise<import('./redis.mjs').SharedCache>}
 */
export function sharedCache() {
  const held = /** @type {Record<symbol, Promise<import('./redis.mjs').SharedCache> | undefined>} */ (globalThis);
  const url = /** @type {string} */ (settings.redisUrl);
  return (held[clientKey] ??= import('./redis.mjs').then(({ KEY_PREFIX, openSharedCache }) => openSharedCache({ url, prefix: `${KEY_PREFIX}${buildId()}:` })));
}

/**
 * How long Redis keeps an entry made at `madeAt` that may be used for `expireSeconds`.
 * @param {number | undefined} expireSeconds
 * @param {number} madeAt
 */
export function secondsToKeep(expireSeconds, madeAt) {
  const left = typeof expireSeconds === 'number' ? expireSeconds - (Date.now() - madeAt) / 1000 : Infinity;
  return Math.max(1, Math.min(left, LONGEST_SHARED_SECONDS));
}
