import fs from 'node:fs';
import path from 'node:path';
import { eq, getTableName, is, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissingReason, type RunningPostgres, startPostgres } from '../../scripts/postgres-harness';
import { pgMigrationsFolder, runPostgresMigrations } from './migrate';
import * as schema from './schema';

const missing = postgresMissingReason();
const journal = JSON.parse(fs.readFileSync(path.join(pgMigrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
const tableNames = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table as PgTable))
  .sort();

describe.skipIf(missing)(`PostgreSQL migrations${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('two servers migrating an empty database at once both succeed, and it is migrated once', async () => {
    const url = await server.createDatabase();
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      await Promise.all(pools.map((pool) => runPostgresMigrations(pool)));
      const applied = async () => (await pools[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0]!.n;
      expect(await applied()).toBe(journal.entries.length);
      await runPostgresMigrations(pools[1]!);
      expect(await applied()).toBe(journal.entries.length);
      const { rows } = await pools[0]!.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(rows.map((row) => row.name).sort()).toEqual(tableNames);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  }, 60_000);

  it("indexes a story's headline, body and byline names, and follows a byline's change of name", async () => {
    const pool = new pg.Pool({ connectionString: await server.createDatabase() });
    try {
      await runPostgresMigrations(pool);
      const db = drizzle({ client: pool, schema });
      const [section] = await db.insert(schema.sections).values({ slug: 'news', name: 'News' }).returning();
      const [author] = await db.insert(schema.authors).values({ slug: 'ada', name: 'Ada Lovelace' }).returning();
      const [story] = await db
        .insert(schema.articles)
        .values({ slug: 's', sectionId: section!.id, headline: 'Harbour reopens', body: 'The ferries returned on Monday.' })
        .returning({ id: schema.articles.id });
      await db.insert(schema.articleAuthors).values({ articleId: story!.id, authorId: author!.id });
      const found = async (words: string) =>
        (
          await db
            .select({ id: schema.articles.id })
            .from(schema.articles)
            .where(sql`${schema.articles.search} @@ websearch_to_tsquery(${schema.searchConfig}::regconfig, ${words})`)
        ).map((row) => row.id);
      expect(await found('ferry')).toEqual([story!.id]);
      expect(await found('harbour')).toEqual([story!.id]);
      expect(await found('lovelace')).toEqual([story!.id]);
      await db.update(schema.authors).set({ name: 'Grace Hopper' }).where(eq(schema.authors.id, author!.id));
      expect(await found('lovelace')).toEqual([]);
      expect(await found('hopper')).toEqual([story!.id]);
      await db.delete(schema.articleAuthors).where(eq(schema.articleAuthors.articleId, story!.id));
      expect(await found('hopper')).toEqual([]);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
