// @ts-check
/**
 * The Redis both cache handlers share with every other app server when REDIS_URL is set (shared.mjs
 * loads this file only then). It stores and fetches whole entries; whether an entry may be served is
 * decided by the handlers against the tag state (tag-state.mjs), never here.
 *
 * Redis is a cache, not a source of truth: while it cannot answer, a read is a miss (the page is
 * rendered from the database) and a write is dropped, quickly and without throwing:
 * - commands are refused at once while the connection is down (`disableOfflineQueue`), rather than
 *   queued until it returns, which would hold every request;
 * - a command that has no answer within COMMAND_TIMEOUT_MS (a Redis that hangs) fails, and Redis is
 *   then left alone for PAUSE_AFTER_FAILURE_MS before the next try;
 * - the client reconnects for ever in the background, so caching resumes without a restart;
 * - the outage is logged once as it begins, and once as it ends.
 */
import v8 from 'node:v8';
import { createClient, RESP_TYPES } from 'redis';

export const CONNECT_TIMEOUT_MS = 1000;
export const COMMAND_TIMEOUT_MS = 500;
export const PAUSE_AFTER_FAILURE_MS = 1000;
const LONGEST_RECONNECT_WAIT_MS = 2000;
/** Every key the app servers write starts with this (shared.mjs adds the build id). */
export const KEY_PREFIX = 'broadsheet:';

/**
 * @typedef {{
 *   get(key: string): Promise<unknown>,
 *   set(key: string, value: unknown, ttlSeconds: number): Promise<void>,
 *   close(): Promise<void>,
 * }} SharedCache
 * @typedef {Pick<Console, 'log' | 'error'>} Log
 */

/** Where Redis is, for the log: never the password a URL may carry. @param {string} url */
function placeOf(url) {
  const { protocol, host, pathname } = new URL(url);
  return `${protocol}//${host}${pathname.length > 1 ? pathname : ''}`;
}

/** @param {unknown} error */
const reasonOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Connects to Redis in the background and returns at once. Keys are `prefix` + the handler's key.
 * @param {{ url: string, prefix: string, log?: Log }} options
 * @returns {SharedCache}
 */
export function openSharedCache({ url, prefix, log = console }) {
  const place = placeOf(url);
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, LONGEST_RECONNECT_WAIT_MS),
    },
    // rejectInFlight: a command already sent also fails at its timeout (a Redis that stopped answering).
    commandOptions: { timeout: COMMAND_TIMEOUT_MS, rejectInFlight: true },
  }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });

  let everReady = false;
  let down = false;
  let pausedUntil = 0;

  /** @param {unknown} error */
  function failed(error) {
    pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
    if (down) return;
    down = true;
    log.error(`Redis at ${place} is not answering (${reasonOf(error)}): pages are rendered from the database, and caching resumes when it is back.`);
  }

  function answered() {
    pausedUntil = 0;
    if (!down && everReady) return;
    log.log(everReady ? `Redis at ${place} is back: caching resumes.` : `Pages and cached reads are kept in Redis at ${place}.`);
    everReady = true;
    down = false;
  }

  // Every failed reconnection attempt is an 'error': without a listener each would be thrown.
  client.on('error', failed);
  client.on('ready', answered);
  // A cache never keeps the process alive: a server stopping does not wait for it.
  client.unref();
  const connecting = client.connect().then(
    () => {},
    () => {},
  );
  // Requests arriving as the server starts wait for the first connection, once and briefly.
  /** @type {Promise<void> | undefined} */
  let firstConnection = Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref())]).then(() => {
    firstConnection = undefined;
  });

  async function usable() {
    if (firstConnection) await firstConnection;
    return client.isReady && Date.now() >= pausedUntil;
  }

  return {
    async get(key) {
      if (!(await usable())) return undefined;
      /** @type {Buffer | null} */
      let bytes;
      try {
        bytes = /** @type {Buffer | null} */ (await client.get(prefix + key));
      } catch (error) {
        failed(error);
        return undefined;
      }
      if (down) answered();
      if (!bytes) return undefined;
      try {
        return v8.deserialize(bytes);
      } catch {
        // Written by a Node whose serialization this one cannot read: as good as absent.
        return undefined;
      }
    },

    async set(key, value, ttlSeconds) {
      if (!(await usable())) return;
      /** @type {Buffer} */
      let bytes;
      try {
        bytes = v8.serialize(value);
      } catch {
        return; // something Next cached that only this process can hold
      }
      try {
        await client.set(prefix + key, bytes, { expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) } });
      } catch (error) {
        failed(error);
        return;
      }
      if (down) answered();
    },

    async close() {
      client.off('error', failed);
      client.on('error', () => {});
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * Removes every entry the app servers keep in Redis (all builds): for a database restored or swapped
 * under them, whose invalidations cannot concern pages rendered from the database it replaced.
 * Returns how many were removed; throws when Redis cannot be reached.
 * @param {string} url
 */
export async function forgetSharedEntries(url) {
  const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false } });
  client.on('error', () => {});
  await client.connect();
  try {
    let removed = 0;
    for await (const keys of client.scanIterator({ MATCH: `${KEY_PREFIX}*`, COUNT: 1000 })) {
      if (keys.length > 0) removed += await client.unlink(keys);
    }
    return removed;
  } finally {
    client.destroy();
  }
}
