/**
 * Cache tag invalidations shared through the database, so that what one process invalidates, every
 * app server on the database stops serving at its next request. The app's cache handlers
 * (cache-handlers/) write each `updateTag` here and read what others wrote; commands that change
 * content outside the server (`privacy:erase`) call `expireTags`.
 *
 * Not 'server-only': scripts import it. It uses the process's one connection (db/client.ts) unless
 * given another.
 */
import { gt, sql } from 'drizzle-orm';
import { db, isPostgres, preparedOnce, type Db } from './client';
import { cacheTagExpirations } from './schema';
import { run, type Tx } from './transact';

/** One tag's latest invalidation, in ms since the epoch (see the table in db/schema.ts). */
export type TagInvalidation = { tag: string; staleAt: number; expiredAt: number };

const columns = { tag: cacheTagExpirations.tag, staleAt: cacheTagExpirations.staleAt, expiredAt: cacheTagExpirations.expiredAt };

/**
 * Records invalidations, one transaction for all. A tag keeps its latest one: an invalidation older
 * than the one stored (from a server whose clock is behind) changes nothing.
 */
function upsertInvalidations(invalidations: readonly TagInvalidation[], database: Pick<Db, 'insert'>) {
  return database
    .insert(cacheTagExpirations)
    .values([...invalidations])
    .onConflictDoUpdate({
      target: cacheTagExpirations.tag,
      set: { staleAt: sql`excluded.stale_at`, expiredAt: sql`excluded.expired_at` },
      setWhere: sql`excluded.stale_at >= ${cacheTagExpirations.staleAt}`,
    });
}

/** Synchronous, SQLite only (better-sqlite3): for the cache handlers' store below. */
export function writeTagInvalidations(invalidations: readonly TagInvalidation[], database: Pick<Db, 'insert'> = db) {
  if (invalidations.length === 0) return;
  upsertInvalidations(invalidations, database).run();
}

const expirations = (tags: readonly string[], at: number) => [...new Set(tags)].map((tag) => ({ tag, staleAt: at, expiredAt: at }));

/**
 * Entries cached with any of these tags are not served again, in any process, as `updateTag` does
 * in the app. `at` is when the change was made (now); the servers compare it with their entries' times.
 */
export async function expireTags(tags: readonly string[], at = Date.now(), database: Pick<Db, 'insert'> = db) {
  if (tags.length === 0) return;
  await upsertInvalidations(expirations(tags, at), database);
}

/**
 * The same as a step of a db/transact.ts body, on either engine, so that the change and its
 * invalidation commit together: `yield* expireTagsInTransaction(tx, tags, now)`.
 */
export function* expireTagsInTransaction(tx: Tx, tags: readonly string[], at: number) {
  if (tags.length === 0) return;
  yield* run(upsertInvalidations(expirations(tags, at), tx));
}

/** Invalidations recorded after `ms` (by their `staleAt`), for a server catching up with the others. */
export async function readTagExpirationsSince(ms: number, database: Db = db): Promise<TagInvalidation[]> {
  return database.select(columns).from(cacheTagExpirations).where(gt(cacheTagExpirations.staleAt, ms));
}

/** What the cache handlers use (cache-handlers/tag-state.mjs); they run outside Next's bundle and find it under this key. */
export type CacheTagStore = {
  /** Synchronous on SQLite; a promise on PostgreSQL, which the handlers await before serving. */
  readSince(ms: number): TagInvalidation[] | Promise<TagInvalidation[]>;
  /** Done (or failed) when it returns or its promise settles: the handlers let the action finish only then. */
  write(invalidations: readonly TagInvalidation[]): void | Promise<void>;
  /** How far each read goes back before the previous one, for writes committed late (tag-state.mjs's default otherwise). */
  lateCommitMs?: number;
};

const storeKey = Symbol.for('broadsheet.cache-tag-store');

/**
 * Hands the cache handlers their way to the database (instrumentation.ts calls this as the server
 * starts). Next loads the handlers itself, as plain JavaScript from their files, so they cannot import
 * this TypeScript module; without a store they know only this process's invalidations.
 */
export function provideCacheTagStore(database: Db = db): CacheTagStore {
  // The engine is looked at on first use, not here: `next build` runs instrumentation.ts too, and
  // must not open the database (asking the app's `db` which engine it is would).
  let chosen: CacheTagStore | undefined;
  const engineStore = () => (chosen ??= isPostgres(database) ? postgresStore(database) : sqliteStore(database));
  const store: CacheTagStore = {
    readSince: (ms) => engineStore().readSince(ms),
    write: (invalidations) => engineStore().write(invalidations),
    get lateCommitMs() {
      return engineStore().lateCommitMs;
    },
  };
  (globalThis as Record<symbol, unknown>)[storeKey] = store;
  return store;
}

function sqliteStore(database: Db): CacheTagStore {
  // Asked once per request on a cached page: prepared once, not built each time.
  const since = preparedOnce(database, (connection) =>
    connection
      .select(columns)
      .from(cacheTagExpirations)
      .where(gt(cacheTagExpirations.staleAt, sql.placeholder('ms')))
      .prepare(),
  );
  // SQLite's count of commits by other connections: while it stands still, nobody else can have
  // invalidated anything, and the table is not read at all (this process's own writes do not count).
  const dataVersion = preparedOnce(database, (connection) => connection.$client.prepare('PRAGMA data_version').pluck());
  let seen: { connection: object; version: unknown } | undefined;
  return {
    readSince(ms) {
      const version = dataVersion().get();
      if (seen?.connection === database.$client && seen.version === version) return [];
      const rows = since().all({ ms });
      seen = { connection: database.$client, version };
      return rows;
    },
    write: (invalidations) => writeTagInvalidations(invalidations, database),
  };
}

/**
 * PostgreSQL has no synchronous read, nor a count of others' commits: each request's first cache
 * read awaits one indexed query for what was invalidated since the previous one (tag-state.mjs
 * shares a read among the requests that arrive while it runs).
 *
 * A transaction that writes an invalidation may commit well after the time it carries (statements
 * may each run up to statement_timeout, 30 s, db/client.ts), so reads go back a minute.
 *
 * A write is tried again once after a short pause, for a connection the server dropped (the pool
 * opens a new one); if that fails too, the error reaches the action, as on SQLite, rather than
 * leave other servers serving the old page.
 */
function postgresStore(database: Db): CacheTagStore {
  return {
    readSince: (ms) => readTagExpirationsSince(ms, database),
    async write(invalidations) {
      if (invalidations.length === 0) return;
      try {
        await upsertInvalidations(invalidations, database);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await upsertInvalidations(invalidations, database);
      }
    },
    lateCommitMs: 60_000,
  };
}
