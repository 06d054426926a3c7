/**
 * Which database engine this process runs on, chosen at run time (one build serves both):
 * PostgreSQL when DATABASE_URL is set, else SQLite at DATABASE_PATH, the embedded default.
 */
import { z } from 'zod';

export type DatabaseEngine = 'sqlite' | 'postgres';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'DATABASE_URL must start with postgres:// or postgresql://');

/** DATABASE_URL, checked; undefined when unset or empty. Throws with a clear message when it is not a PostgreSQL URL. */
export function databaseUrl(): string | undefined {
  const value = process.env.DATABASE_URL;
  if (!value || value.trim() === '') return undefined;
  const parsed = postgresUrl.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data;
}

export function databaseEngine(): DatabaseEngine {
  return databaseUrl() ? 'postgres' : 'sqlite';
}
