/**
 * A job each app server runs every few seconds on a database connection of its own (the schedule,
 * the mail worker), started once per process. A pass still at work when the next is due makes the
 * next one skip; a failure is said once until a pass succeeds again, and the next pass tries again.
 *
 * Its own connection: this process's cache handlers then learn of what a pass changed as they learn
 * of another server's changes (db/cache-tags.ts).
 */
import { openConfiguredDatabase, type Db } from '../db/client';

export function startTicker(name: string, intervalMs: number, pass: (database: Db) => Promise<void>, failure: string) {
  const key = Symbol.for(`broadsheet.${name}`);
  const state = globalThis as Record<symbol, unknown>;
  if (state[key]) return;
  state[key] = true;
  let connection: Db | undefined;
  let failing = false;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      connection ??= openConfiguredDatabase();
      await pass(connection);
      failing = false;
    } catch (error) {
      if (!failing) console.error(failure, error);
      failing = true;
    } finally {
      running = false;
    }
  };
  const start = () => void tick();
  setTimeout(start, 0).unref();
  setInterval(start, intervalMs).unref();
}
