import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

/** Applies every committed drizzle-kit migration that the database has not seen yet. */
export function runMigrations(database: Db) {
  migrate(database, { migrationsFolder });
}
