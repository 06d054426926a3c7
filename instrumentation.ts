/**
 * Runs once as each server starts (Next's instrumentation hook), under `npm start` and plain
 * `next start` alike:
 * - the cache handlers in cache-handlers/ are loaded by Next as plain JavaScript and cannot import
 *   our TypeScript: this gives them their way to the database, where every process records the cache
 *   tags it invalidates;
 * - the schedule that publishes stories at their time starts (server/schedule.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { provideCacheTagStore } = await import('./db/cache-tags');
  provideCacheTagStore();
  // `next build` may load this too; it never opens the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startPublishingSchedule } = await import('./server/schedule');
  startPublishingSchedule();
}
