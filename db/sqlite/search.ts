/**
 * Search on SQLite: the FTS5 index `articles_fts` (migrations 0003_search and 0009_bylines, kept in
 * sync by triggers there), ranked by bm25 with a freshness bonus. db/search.ts picks this module or
 * db/pg/search.ts by engine.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { MARK_END, MARK_START } from '@/lib/search-query';
import { cardColumns } from '../articles';
import { db } from '../client';
import { articles, sections } from '../schema';

/**
 * It is not in schema.ts because drizzle-kit cannot describe a virtual table; only its rowid is read
 * directly.
 */
const articlesFts = sqliteTable('articles_fts', { rowid: integer('rowid').notNull() });

/** Headline matches count ten times a body match, the standfirst three times, the byline twice. */
const score = sql`bm25(articles_fts, 10.0, 3.0, 1.0, 2.0)`;
/** 1 for a story published now (`now`, in ms, from the caller rather than the engine's clock), 1/2 after a week, 1/5 after a month. */
const freshness = (now: number) => sql`(1.0 / (1.0 + max(0, ${now} - coalesce(${articles.publishedAt}, 0)) / 604800000.0))`;
/**
 * bm25 is negative, lower for a better match. The recency bonus subtracted from it is a quarter of
 * the match's own size at most: it orders otherwise equal matches newest first but cannot lift a
 * passing mention above a headline match (a fixed bonus would swamp bm25 for common words).
 */
const rank = (now: number) => sql<number>`(${score} - abs(${score}) * 0.25 * ${freshness(now)})`;

const start = sql.raw(`char(${MARK_START.charCodeAt(0)})`);
const end = sql.raw(`char(${MARK_END.charCodeAt(0)})`);

const resultColumns = {
  ...cardColumns,
  headlineMarked: sql<string>`highlight(articles_fts, 0, ${start}, ${end})`,
  standfirstSnippet: sql<string>`snippet(articles_fts, 1, ${start}, ${end}, '…', 32)`,
  bodySnippet: sql<string>`snippet(articles_fts, 2, ${start}, ${end}, '…', 32)`,
};

/** One page of matches for an FTS5 query made by `toFtsQuery`, best first, and how many there are in all. */
export async function searchOnSqlite(ftsQuery: string, limit: number, offset: number, now: number) {
  const where = and(sql`articles_fts match ${ftsQuery}`, eq(articles.status, 'published'));
  const rows = await db
    .select(resultColumns)
    .from(articlesFts)
    .innerJoin(articles, eq(articles.id, articlesFts.rowid))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(asc(rank(now)), desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(articlesFts)
    .innerJoin(articles, eq(articles.id, articlesFts.rowid))
    .where(where);
  return { rows, total };
}
