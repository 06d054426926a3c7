import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { databaseEngine } from './engine';

/** Text typed by a person, for a `LIKE` pattern: its own `%`, `_` and `\` match themselves. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column LIKE pattern`, ignoring case on both engines: SQLite's `like` ignores ASCII case, PostgreSQL's
 * does not, so it is `ilike` there. Escape typed text with `escapeLike`. The engine is this process's
 * (db/engine.ts), as for the tables of db/schema.ts, so it opens no connection to find out.
 */
export function likeIgnoringCase(column: SQLWrapper, pattern: string): SQL {
  return databaseEngine() === 'postgres' ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}
