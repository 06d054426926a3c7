/**
 * Runs once as each server starts (Next's instrumentation hook), under `npm start` and plain
 * `next start` alike:
 * - the cache handlers in cache-handlers/ are loaded by Next as plain JavaScript and cannot import
 *   our TypeScript: this gives them their way to the database, where every process records the cache
 *   tags it invalidates;
 * - the schedule that publishes stories at their time starts (server/schedule.ts);
 * - when mail is on (SMTP_URL), the mail worker that sends the outbox's letters starts
 *   (server/mail-worker.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { provideCacheTagStore } = await import('./db/cache-tags');
  provideCacheTagStore();
  // `next build` may load this too; it never opens the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startPublishingSchedule } = await import('./server/schedule');
  startPublishingSchedule();
  const { mailSettings } = await import('./server/mail');
  if (!mailSettings()) return;
  const { startMailWorker } = await import('./server/mail-worker');
  startMailWorker();
}
