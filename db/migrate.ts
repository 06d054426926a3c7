import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type pg from 'pg';
import { type Db, isPostgres } from './client';
import { databasePath } from '../lib/config';
import { databaseUrl } from './engine';
import { runPostgresMigrations } from './pg/migrate';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

/**
 * Applies every committed drizzle-kit migration that the database has not seen yet.
 *
 * Foreign keys are off while they run, as SQLite's own recipe for changing a table asks: a migration
 * that rebuilds a table (drizzle-kit's `__new_` copy, then DROP TABLE) would otherwise have the drop
 * delete every row that references it. The pragma only works outside a transaction, and drizzle runs
 * the migrations in one, so it is set here. Afterwards every reference is checked: a migration that
 * left one dangling stops the start-up with the rows named.
 */
export function runMigrations(database: Db, folder = migrationsFolder) {
  const sqlite = database.$client;
  const enforced = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(database, { migrationsFolder: folder });
    const dangling = sqlite.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) throw new Error(`A migration left references to missing rows: ${JSON.stringify(dangling.slice(0, 5))}`);
  } finally {
    if (enforced) sqlite.pragma('foreign_keys = ON');
  }
}

/** Migrates the database on its engine: SQLite's migrations above, or db/pg/migrations under their advisory lock. */
export async function migrateDatabase(database: Db): Promise<void> {
  if (isPostgres(database)) await runPostgresMigrations(database.$client as unknown as pg.Pool);
  else runMigrations(database);
}

/** Where the configured database is, for messages: the SQLite file, or PostgreSQL's host and database (never the password). */
export function describeConfiguredDatabase(): string {
  const url = databaseUrl();
  if (!url) return databasePath();
  const parsed = new URL(url);
  return `PostgreSQL database ${decodeURIComponent(parsed.pathname.slice(1)) || '(default)'} on ${parsed.hostname || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}`;
}
