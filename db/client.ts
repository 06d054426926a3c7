import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { databasePath } from '../lib/config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens the database with the settings every connection needs. */
export function openDatabase(file = databasePath()): Db {
  // The folder holds commenters' emails and addresses, staff password hashes and the auth secret.
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema });
}

// One connection per process, kept across hot reloads in development. It is opened on first use,
// not on import, so that `next build` (which imports every route) never touches the database.
const globalForDb = globalThis as unknown as { broadsheetDb?: Db };

function connection(): Db {
  globalForDb.broadsheetDb ??= openDatabase();
  return globalForDb.broadsheetDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = connection();
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

export function closeDatabase() {
  globalForDb.broadsheetDb?.$client.close();
  globalForDb.broadsheetDb = undefined;
}

/**
 * Builds queries once per connection and hands back the same ones after (Drizzle's `.prepare()`
 * with `sql.placeholder`). For the handful that run on every comment post: building the SQL and
 * preparing the statement each time was a fifth of a post's CPU in the bench.
 * `database` is the caller's `db` (tests swap it); statements follow it if it is reopened.
 */
export function preparedOnce<T>(database: Db, build: (database: Db) => T): () => T {
  const byConnection = new WeakMap<object, T>();
  return () => {
    const connection = database.$client;
    let built = byConnection.get(connection);
    if (!built) {
      built = build(database);
      byConnection.set(connection, built);
    }
    return built;
  };
}
