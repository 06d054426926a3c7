/**
 * Vitest's global setup for the `postgres` project: one throwaway PostgreSQL server for the whole run
 * (scripts/postgres-harness.ts), its URL in DATABASE_URL for the test files, stopped at the end.
 * Without PostgreSQL installed the files skip, saying why (BROADSHEET_POSTGRES_MISSING).
 */
import { postgresMissingReason, startPostgres } from '../scripts/postgres-harness';

export default async function setup() {
  const missing = postgresMissingReason();
  if (missing) {
    process.env.BROADSHEET_POSTGRES_MISSING = missing;
    return;
  }
  const server = await startPostgres({ database: 'broadsheet_template' });
  process.env.DATABASE_URL = server.url;
  return async () => {
    await server.stop();
  };
}
