import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databasePath } from '../lib/config';
import { databaseUrl } from './engine';
import * as postgresSchema from './pg/schema';
import * as schema from './schema';

/**
 * The app's database, typed as SQLite's. On PostgreSQL (DATABASE_URL) the object is Drizzle's
 * node-postgres database over the twin tables of db/pg/schema.ts: its query builders take the same
 * calls, and awaiting one gives the same rows. What only one engine has (better-sqlite3's synchronous
 * `.all()`/`.get()`/`.run()`, its transactions) is used in transactions through db/transact.ts, or in
 * a module per engine (db/sqlite/, db/pg/).
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens the SQLite database with the settings every connection needs. */
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

/** How many connections one server keeps to PostgreSQL (DATABASE_POOL_SIZE, default 10). */
function poolSize() {
  const size = Number(process.env.DATABASE_POOL_SIZE || 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

/**
 * Opens a pool of connections to PostgreSQL. A connection that cannot be made within 5 s, or a
 * statement that runs past 30 s, fails with an error rather than holding a request forever; a
 * connection the server drops is replaced at the next query (pg's pool), so the app recovers from
 * a PostgreSQL restart by itself.
 */
export function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), connectionTimeoutMillis: 5000, statement_timeout: 30_000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on('error', (error) => console.error(`[db] PostgreSQL connection lost: ${error.message}`));
  return drizzlePostgres(pool, { schema: postgresSchema }) as unknown as Db;
}

export const isPostgres = (database: Db) => database.$client instanceof pg.Pool;

/**
 * A connection of its own (scripts, the schedule), to the database this process is configured for:
 * PostgreSQL at DATABASE_URL, else the SQLite file at DATABASE_PATH. Close it with `closeConnection`.
 */
export function openConfiguredDatabase(): Db {
  const url = databaseUrl();
  return url ? openPostgres(url) : openDatabase();
}

export async function closeConnection(database: Db): Promise<void> {
  if (isPostgres(database)) await (database.$client as unknown as pg.Pool).end();
  else (database.$client as Database.Database).close();
}


// One connection (a pool on PostgreSQL) per process, kept across hot reloads in development. It is
// opened on first use, not on import, so that `next build` (which imports every route) never
// touches the database.
const globalForDb = globalThis as unknown as { broadsheetDb?: Db };

function connection(): Db {
  globalForDb.broadsheetDb ??= openConfiguredDatabase();
  return globalForDb.broadsheetDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = connection();
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

export async function closeDatabase() {
  const open = globalForDb.broadsheetDb;
  globalForDb.broadsheetDb = undefined;
  if (!open) return;
  const client = open.$client as Database.Database | pg.Pool;
  if (client instanceof pg.Pool) await client.end();
  else client.close();
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
