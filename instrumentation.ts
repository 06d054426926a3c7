/**
 * Runs once as each server starts (Next's instrumentation hook). The cache handlers in
 * cache-handlers/ are loaded by Next as plain JavaScript and cannot import our TypeScript: this gives
 * them their way to the database, where every process records the cache tags it invalidates.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { provideCacheTagStore } = await import('./db/cache-tags');
  provideCacheTagStore();
}
