/**
 * The schedule: every few seconds each app server publishes the stories whose time has come
 * (db/schedule.ts claims each once, whichever server asks first). Started by instrumentation.ts as
 * the server starts, so it runs under `npm start`, plain `next start` and the standalone server alike,
 * and needs no reader's request to set it off.
 *
 * It works on a connection of its own: this process's cache handlers then learn of what it published
 * as they learn of another server's changes (db/cache-tags.ts), and serve the new pages at once.
 */
import { publishDueStories } from '../db/schedule';
import { startTicker } from './ticker';

/** Scheduled times are whole minutes: a story appears within this long of its minute. */
export const SCHEDULE_INTERVAL_MS = 5_000;

export function startPublishingSchedule(intervalMs = SCHEDULE_INTERVAL_MS) {
  startTicker(
    'schedule',
    intervalMs,
    async (connection) => {
      for (const story of await publishDueStories(connection)) console.log(`Published on schedule: story ${story.id}, "${story.headline}"`);
    },
    // The stories stay scheduled and the next tick tries again.
    'The schedule could not publish due stories; trying again every few seconds.',
  );
}
