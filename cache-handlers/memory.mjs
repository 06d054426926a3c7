// @ts-check
/**
 * The memory both cache handlers keep their entries in: rendered pages (pages.mjs) and the results of
 * 'use cache' functions (use-cache.mjs). One least-recently-used store bounded by bytes, so a busy
 * page and a busy read compete for the same room; CACHE_MEMORY_MB sets its size.
 */
import { LRUCache } from 'lru-cache';

/**
 * About the memory Next's own caches took before (8 MB of page text counted in characters, held two
 * bytes each, and 8 MB of cached reads): some 45 long stories with their reads.
 */
const DEFAULT_MEGABYTES = 32;

/** The byte budget from a CACHE_MEMORY_MB setting; the default when unset or not a positive number. */
export function memoryBudget(setting = process.env.CACHE_MEMORY_MB) {
  const megabytes = Number(setting);
  return Math.round((setting && megabytes > 0 ? megabytes : DEFAULT_MEGABYTES) * 1024 * 1024);
}

/**
 * @typedef {import('./pages.mjs').StoredPage} StoredPage
 * @typedef {import('./use-cache.mjs').StoredResult} StoredResult
 */

/** @type {LRUCache<string, StoredPage | StoredResult>} */
export const memory = new LRUCache({ maxSize: memoryBudget(), sizeCalculation: (entry) => entry.size });
