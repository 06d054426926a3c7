/**
 * The schedule: every few seconds each app server publishes the stories whose time has come
 * (db/schedule.ts claims each once, whichever server asks first). Started by instrumentation.ts as
 * the server starts, so it runs under `npm start`, plain `next start` and the standalone server alike,
 * and needs no reader's request to set it off.
 *
 * It works on a connection of its own: this process's cache handlers then learn of what it published
 * as they learn of another server's changes (db/cache-tags.ts), and serve the new pages at once.
 */
import { openConfiguredDatabase, type Db } from '../db/client';
import { publishDueStories } from '../db/schedule';

/** Scheduled times are whole minutes: a story appears within this long of its minute. */
export const SCHEDULE_INTERVAL_MS = 5_000;

const startedKey = Symbol.for('broadsheet.schedule');

export function startPublishingSchedule(intervalMs = SCHEDULE_INTERVAL_MS) {
  const state = globalThis as Record<symbol, unknown>;
  if (state[startedKey]) return;
  state[startedKey] = true;
  let connection: Db | undefined;
  let failing = false;
  let running = false;
  const tick = async () => {
    // A tick still at work when the next is due: the next is skipped, as it was when ticks were synchronous.
    if (running) return;
    running = true;
    try {
      connection ??= openConfiguredDatabase();
      for (const story of await publishDueStories(connection)) console.log(`Published on schedule: story ${story.id}, "${story.headline}"`);
      failing = false;
    } catch (error) {
      // Said once until it works again; the stories stay scheduled and the next tick tries again.
      if (!failing) console.error('The schedule could not publish due stories; trying again every few seconds.', error);
      failing = true;
    } finally {
      running = false;
    }
  };
  const start = () => void tick();
  setTimeout(start, 0).unref();
  setInterval(start, intervalMs).unref();
}
