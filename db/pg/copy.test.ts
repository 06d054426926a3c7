import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, type Column, desc, eq, getTableName, is, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissingReason, type RunningPostgres, startPostgres } from '../../scripts/postgres-harness';
import { wordpressFixturePath } from '../../test/wordpress-fixture';
import { openDatabase } from '../client';
import { runMigrations } from '../migrate';
import * as sqliteSchema from '../sqlite/schema';
import { seed, writeCommentSettings } from '../seed';
import { copySqliteToPostgres, TargetNotEmptyError } from './copy';
import * as pgSchema from './schema';

const missing = postgresMissingReason();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'db-copy-'));
const sqliteFile = path.join(folder, 'site.db');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const unicode = 'Zoë’s café — 東京 🎉 naïve';
const heldReason = { rule: 'moderation-word', word: 'ünïcode' } as const;

/**
 * The sample site (as `npm run dev` seeds it), the WordPress export of the import tests brought in by
 * `npm run import:wordpress`, and a row in every table that leaves empty.
 */
async function makeSqliteSite() {
  const seeded = openDatabase(sqliteFile);
  try {
    runMigrations(seeded);
    await seed(seeded);
  } finally {
    seeded.$client.close();
  }
  const imported = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-wordpress.ts', wordpressFixturePath()], {
    env: { ...process.env, DATABASE_PATH: sqliteFile, MEDIA_PATH: path.join(folder, 'media') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (imported.status !== 0) throw new Error(`npm run import:wordpress failed: ${imported.stderr}`);
  const database = openDatabase(sqliteFile);
  try {
    const s = sqliteSchema;
    const at = new Date('2026-03-14T15:09:26.535Z');
    const [story] = database.select({ id: s.articles.id, sectionId: s.articles.sectionId }).from(s.articles).orderBy(asc(s.articles.id)).limit(1).all();
    const [author] = database.select({ id: s.authors.id }).from(s.authors).limit(1).all();
    const [tag] = database.select({ id: s.tags.id }).from(s.tags).limit(1).all();
    const [user] = database
      .insert(s.users)
      .values({ email: 'desk@example.com', name: unicode, passwordHash: '$argon2id$x', role: 'editor', authorId: author!.id, disabled: true, createdAt: at })
      .returning({ id: s.users.id })
      .all();
    database.update(s.articles).set({ updatedBy: user!.id, featured: true }).where(eq(s.articles.id, story!.id)).run();
    // A reply filed before its parent (ids out of order, as an import can leave them).
    database.insert(s.comments).values({ id: 9000, articleId: story!.id, authorName: unicode, authorEmail: 'a@example.com', body: unicode, status: 'pending', heldReason, createdAt: at }).run();
    database.insert(s.comments).values({ id: 8000, articleId: story!.id, parentId: 9000, authorName: 'R', authorEmail: 'r@example.com', body: 'Reply', userId: user!.id, bylineId: author!.id, createdAt: at, editedAt: at }).run();
    database.insert(s.commentReports).values({ commentId: 9000, reason: 'abuse', reporter: 'r1', ip: '192.0.2.1', createdAt: at }).run();
    database.insert(s.commentLikes).values({ commentId: 8000, liker: 'l1', ip: '192.0.2.3', createdAt: at }).run();
    database.update(s.comments).set({ likeCount: 1 }).where(eq(s.comments.id, 8000)).run();
    database.insert(s.commentBans).values({ kind: 'domain', value: 'spam.example', reason: unicode, expiresAt: at, createdById: user!.id, createdByName: unicode, createdAt: at, updatedAt: at }).run();
    const [mailAddress] = database
      .insert(s.mailAddresses)
      .values({ email: 'reader@example.com', token: 'token-ünïcode', confirmedAt: at, confirmationSentAt: at, blockedAt: null, createdAt: at })
      .returning({ id: s.mailAddresses.id })
      .all();
    database.insert(s.mailSubscriptions).values({ addressId: mailAddress!.id, articleId: story!.id, commentId: 9000, createdAt: at }).run();
    database.insert(s.mailSubscriptions).values({ addressId: mailAddress!.id, articleId: story!.id, commentId: null, createdAt: at }).run();
    database
      .insert(s.mailOutbox)
      .values({ kind: 'reply', dedupeKey: 'comment:8000:1', addressId: mailAddress!.id, recipient: 'reader@example.com', commentId: 8000, articleId: story!.id, status: 'failed', attempts: 2, nextAttemptAt: at, lockedUntil: at, lastError: unicode, messageId: '<outbox-1@example.com>', createdAt: at, sentAt: null })
      .run();
    database.insert(s.authorRedirects).values({ slug: 'old-author', authorId: author!.id, createdAt: at }).run();
    database.insert(s.storyRedirects).values({ slug: 'old-story', articleId: story!.id, createdAt: at }).run();
    database.insert(s.storyCorrections).values({ articleId: story!.id, text: unicode, createdAt: at, createdBy: user!.id }).run();
    database
      .insert(s.storyRevisions)
      .values({
        articleId: story!.id,
        kind: 'save',
        userId: user!.id,
        userName: unicode,
        createdAt: at,
        fields: { headline: unicode, standfirst: '', body: 'b', status: 'published', sectionId: story!.sectionId, authorIds: [author!.id], slug: 'x', featured: false, commentsOpen: true, topics: ['Zoë'], photoSrc: null, photoWidth: null, photoHeight: null, photoAlt: null, photoCaption: null, photoCredit: null },
      })
      .run();
    database.insert(s.loginFailures).values({ email: 'x@example.com', ip: '192.0.2.2', createdAt: at }).run();
    database.insert(s.moderationLog).values({ actorId: user!.id, actorName: unicode, action: 'approve', targetType: 'comment', targetId: 9000, before: { status: 'pending' }, after: { status: 'approved', z: 1, a: [1, 'two'] }, createdAt: at }).run();
    database.insert(s.cacheTagExpirations).values({ tag: 'db-copy-test', staleAt: at.getTime(), expiredAt: at.getTime() + 1 }).run();
    await writeCommentSettings(database, { requireApproval: true, words: [unicode] });
    const [site] = database.insert(s.wordpressSites).values({ baseUrl: 'https://old.example.com', title: unicode, createdAt: at }).returning({ id: s.wordpressSites.id }).all();
    database.insert(s.wordpressPosts).values({ siteId: site!.id, wpId: 4_000_000_123, articleId: story!.id, slug: 'café', path: '/2025/02/12/café/', sourceHash: 'h' }).run();
    database.insert(s.wordpressComments).values({ siteId: site!.id, wpId: 77, commentId: 9000, sourceHash: 'h' }).run();
    database.insert(s.wordpressTerms).values({ siteId: site!.id, taxonomy: 'post_tag', slug: 'zoë', wpId: null, tagId: tag!.id }).run();
    database.insert(s.wordpressImports).values({ fileName: 'export.xml', filePath: '/tmp/export.xml', dryRun: true, progress: { stories: 1 }, createdBy: user!.id, createdAt: at, updatedAt: at, finishedAt: null }).run();
  } finally {
    database.$client.close();
  }
}

/** Every table of a schema module, by its SQL name. */
const tablesBySqlName = <T extends SQLiteTable | PgTable>(schema: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable) =>
  new Map(
    Object.values(schema)
      .filter((value) => is(value, kind))
      .map((table) => [getTableName(table as T), table as T]),
  );
const sqliteTables = tablesBySqlName<SQLiteTable>(sqliteSchema, SQLiteTable);
const pgTables = tablesBySqlName<PgTable>(pgSchema, PgTable);

describe.skipIf(missing)(`npm run db:copy: SQLite to PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let server: RunningPostgres;
  let pool: pg.Pool;
  beforeAll(async () => {
    const starting = startPostgres();
    try {
      await makeSqliteSite();
    } finally {
      server = await starting;
    }
    pool = new pg.Pool({ connectionString: server.url });
    const report = await copySqliteToPostgres({ from: sqliteFile, pool, batchSize: 7 });
    expect(report.matches).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });

  it('copies every table, each with rows, to the same count', async () => {
    const sqlite = openDatabase(sqliteFile);
    try {
      for (const name of sqliteTables.keys()) {
        const { n } = sqlite.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
        const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
        expect(n, name).toBeGreaterThan(0);
        expect(rows[0]!.n, name).toBe(n);
      }
    } finally {
      sqlite.$client.close();
    }
  });

  it('gives Drizzle the same values from both, row for row, in every table', async () => {
    const sqlite = openDatabase(sqliteFile);
    const pgDb = drizzle({ client: pool });
    try {
      for (const [name, sqliteTable] of sqliteTables) {
        const pgConfig = pgTableConfig(pgTables.get(name)!);
        const sqliteConfig = sqliteTableConfig(sqliteTable);
        const keyNames = (sqliteConfig.primaryKeys[0]?.columns ?? sqliteConfig.columns.filter((column) => column.primary)).map((column) => column.name);
        const pick = <C extends Column>(columns: C[]) =>
          Object.fromEntries(columns.filter((column) => !pgSchema.postgresOnlyColumns.includes(`${name}.${column.name}`)).map((column) => [column.name, column]));
        const order = <C extends Column>(columns: C[]) => keyNames.map((key) => asc(columns.find((column) => column.name === key)!));
        const fromSqlite = sqlite.select(pick(sqliteConfig.columns)).from(sqliteTable).orderBy(...order(sqliteConfig.columns)).all();
        const fromPostgres = await pgDb.select(pick(pgConfig.columns)).from(pgTables.get(name)!).orderBy(...order(pgConfig.columns));
        expect(fromPostgres, name).toEqual(fromSqlite);
      }
    } finally {
      sqlite.$client.close();
    }
  });

  it('keeps dates, booleans, nulls, JSON and unicode as they were', async () => {
    const pgDb = drizzle({ client: pool, schema: pgSchema });
    const [held] = await pgDb.select().from(pgSchema.comments).where(eq(pgSchema.comments.id, 9000));
    expect(held).toMatchObject({ authorName: unicode, body: unicode, heldReason, parentId: null, editedAt: null, createdAt: new Date('2026-03-14T15:09:26.535Z') });
    const [reply] = await pgDb.select().from(pgSchema.comments).where(eq(pgSchema.comments.id, 8000));
    expect(reply).toMatchObject({ parentId: 9000, editedAt: new Date('2026-03-14T15:09:26.535Z') });
    const [user] = await pgDb.select({ disabled: pgSchema.users.disabled, name: pgSchema.users.name }).from(pgSchema.users).where(eq(pgSchema.users.email, 'desk@example.com'));
    expect(user).toEqual({ disabled: true, name: unicode });
    const [log] = await pgDb.select({ after: pgSchema.moderationLog.after }).from(pgSchema.moderationLog).where(eq(pgSchema.moderationLog.targetId, 9000));
    expect(JSON.stringify(log!.after)).toBe('{"status":"approved","z":1,"a":[1,"two"]}');
    const [post] = await pgDb.select({ wpId: pgSchema.wordpressPosts.wpId }).from(pgSchema.wordpressPosts).where(eq(pgSchema.wordpressPosts.slug, 'café'));
    expect(post!.wpId).toBe(4_000_000_123);
  });

  it('leaves the planner its statistics: every table analyzed (without them a copied site posted comments at a sixth of the speed)', async () => {
    const { rows } = await pool.query<{ relname: string; analyzed: boolean }>(
      `SELECT relname, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((row) => !row.analyzed).map((row) => row.relname)).toEqual([]);
  });

  it('hands out a fresh id to the next row written (the sequences are past the copied ids)', async () => {
    const pgDb = drizzle({ client: pool, schema: pgSchema });
    const [story] = await pgDb.select({ id: pgSchema.articles.id }).from(pgSchema.articles).limit(1);
    const [comment] = await pgDb
      .insert(pgSchema.comments)
      .values({ articleId: story!.id, authorName: 'New', authorEmail: 'n@example.com', body: 'After the move' })
      .returning({ id: pgSchema.comments.id, createdAt: pgSchema.comments.createdAt });
    expect(comment!.id).toBe(9001);
    expect(comment!.createdAt).toBeInstanceOf(Date);
    const [section] = await pgDb.insert(pgSchema.sections).values({ slug: 'new-section', name: 'New' }).returning({ id: pgSchema.sections.id });
    const [{ max } = { max: 0 }] = await pgDb.select({ max: sql<number>`max(${pgSchema.sections.id})::int` }).from(pgSchema.sections).where(sql`${pgSchema.sections.id} <> ${section!.id}`);
    expect(section!.id).toBe(max + 1);
  });

  it('refuses a target that holds content, and writes nothing there', async () => {
    const before = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
    await expect(copySqliteToPostgres({ from: sqliteFile, pool })).rejects.toThrow(TargetNotEmptyError);
    await expect(copySqliteToPostgres({ from: sqliteFile, pool })).rejects.toThrow(/already holds content \(rows in article_authors, /);
    expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM comments')).rows).toEqual(before.rows);
  });

  it('finds a copied story by a word of its body, ranked with the headline weighted up, with a highlighted passage', async () => {
    const pgDb = drizzle({ client: pool, schema: pgSchema });
    const [story] = await pgDb
      .select({ id: pgSchema.articles.id, body: pgSchema.articles.body })
      .from(pgSchema.articles)
      .where(eq(pgSchema.articles.status, 'published'))
      .orderBy(desc(pgSchema.articles.publishedAt))
      .limit(1);
    const word = /\b[a-z]{9,}\b/.exec(story!.body)![0];
    const query = sql`websearch_to_tsquery(${pgSchema.searchConfig}::regconfig, ${word})`;
    const results = await pgDb
      .select({
        id: pgSchema.articles.id,
        rank: sql<number>`ts_rank(${pgSchema.searchRankWeights}::float4[], ${pgSchema.articles.search}, ${query})`,
        passage: sql<string>`ts_headline(${pgSchema.searchConfig}::regconfig, ${pgSchema.articles.body}, ${query}, 'StartSel=[, StopSel=], MaxFragments=1')`,
      })
      .from(pgSchema.articles)
      .where(sql`${pgSchema.articles.search} @@ ${query} and ${pgSchema.articles.status} = 'published'`)
      .orderBy(desc(sql`2`));
    const found = results.find((row) => row.id === story!.id);
    expect(found, `"${word}"`).toBeDefined();
    expect(found!.rank).toBeGreaterThan(0);
    expect(found!.passage.toLowerCase()).toContain(`[${word}]`);
  });

  it('as a command: counts printed and exit 0; 3 for a target with content; 2 for a wrong command line', async () => {
    const target = await server.createDatabase();
    const run = (...args: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
      return { code: result.status, out: result.stdout, err: result.stderr };
    };
    const copied = run('--from', sqliteFile, '--to', target);
    expect(copied.code, copied.err).toBe(0);
    expect(copied.out).toMatch(/^comments\s+\d+\s+\d+$/m);
    expect(copied.out).toMatch(/every count matches\.$/m);
    const again = run('--from', sqliteFile, '--to', target);
    expect(again).toMatchObject({ code: 3, err: expect.stringMatching(/already holds content/) });
    expect(run('--from', sqliteFile)).toMatchObject({ code: 2, err: expect.stringMatching(/--to postgres:\/\/… is needed/) });
    expect(run('--from', path.join(folder, 'missing.db'), '--to', target)).toMatchObject({ code: 2, err: expect.stringMatching(/--from: there is no such file/) });
  }, 120_000);
});
