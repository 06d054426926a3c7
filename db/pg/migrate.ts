import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

export const pgMigrationsFolder = path.resolve(process.cwd(), 'db/pg/migrations');

/**
 * The advisory lock every Broadsheet server takes to migrate ("broadsheet" in ASCII): servers that
 * start together queue on it, and each after the first finds nothing left to do.
 */
export const MIGRATION_LOCK = 0x62726f616473;

/**
 * Applies every committed PostgreSQL migration the database has not seen yet, under the advisory
 * lock. Drizzle's migrator runs the pending migrations in one transaction, on the connection that
 * holds the lock; the lock is a session lock, so it is released even if that transaction fails.
 */
export async function runPostgresMigrations(pool: pg.Pool, folder = pgMigrationsFolder) {
  const client = await pool.connect();
  let healthy = true;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: folder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {
        healthy = false;
      });
    }
  } catch (error) {
    healthy = false;
    throw error;
  } finally {
    // A connection whose state is in doubt is closed, never handed back to the pool.
    client.release(!healthy);
  }
}
