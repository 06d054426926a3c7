/**
 * For `*.pg.test.ts` files: a PostgreSQL database of the file's own, migrated, which the app's `db`
 * (db/client.ts) uses for the file's tests. The server is the run's (test/postgres-global-setup.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, db, type Db } from '../db/client';
import { runPostgresMigrations } from '../db/pg/migrate';

/** Why these tests cannot run here, or null; for `describe.skipIf`. */
export const postgresMissing: string | null = process.env.BROADSHEET_POSTGRES_MISSING ?? (process.env.DATABASE_URL ? null : 'DATABASE_URL is not set');

/** Makes an empty database (not migrated) on the run's server and returns its URL. */
export async function createEmptyDatabase(prefix = 'test'): Promise<string> {
  const server = new URL(process.env.DATABASE_URL!);
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return Object.assign(new URL(server), { pathname: `/${name}` }).toString();
}

/** Makes an empty, migrated database on the run's server and returns its URL. */
export async function createMigratedDatabase(): Promise<string> {
  const url = await createEmptyDatabase();
  const pool = new pg.Pool({ connectionString: url });
  try {
    await runPostgresMigrations(pool);
  } finally {
    await pool.end();
  }
  return url;
}

/**
 * Points the app's `db` at a fresh migrated database for this file's tests and closes it after.
 * Returns the database (for the test's own setup and checks) once beforeAll has run.
 */
export function usePostgresDatabase(): { db: Db; url: () => string } {
  let url = '';
  beforeAll(async () => {
    await closeDatabase();
    url = await createMigratedDatabase();
    process.env.DATABASE_URL = url;
  }, 60_000);
  afterAll(async () => {
    await closeDatabase();
  });
  return { db, url: () => url };
}
