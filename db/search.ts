import 'server-only';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { cacheLife, cacheTag } from 'next/cache';
import { hasMark, MARK_END, MARK_START } from '@/lib/search-query';
import type { Byline } from '@/lib/bylines';
import { cardColumns, withBylines } from './articles';
import { db } from './client';
import { articles, sections } from './schema';
import { tags } from './tags';

export const SEARCH_PAGE_SIZE = 20;

/**
 * The FTS5 index made by migration 0003_search and remade by 0009_bylines (kept in sync by triggers there). It is not in
 * schema.ts because drizzle-kit cannot describe a virtual table; only its rowid is read directly.
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

export type SearchResult = {
  id: number;
  slug: string;
  headline: string;
  /** The headline with its matched words between MARK_START and MARK_END. */
  headlineMarked: string;
  /** A passage around the matched words, marked the same way (from the body, else the standfirst). */
  snippet: string;
  /** Whether the snippet is Markdown from the body (to be flattened) or plain standfirst text. */
  snippetFromBody: boolean;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date | null;
  photoSrc: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  photoAlt: string | null;
  sectionSlug: string;
  sectionName: string;
  bylines: Byline[];
  commentCount: number;
};

export type SearchPage = { results: SearchResult[]; total: number; page: number; pageCount: number };

/**
 * One page of published stories matching an FTS5 query made by `toFtsQuery` (never raw text), best
 * first.
 */
export async function searchArticles(ftsQuery: string, page: number): Promise<SearchPage> {
  const where = and(sql`articles_fts match ${ftsQuery}`, eq(articles.status, 'published'));
  const rows = await db
    .select(resultColumns)
    .from(articlesFts)
    .innerJoin(articles, eq(articles.id, articlesFts.rowid))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(asc(rank(Date.now())), desc(articles.publishedAt), desc(articles.id))
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(articlesFts)
    .innerJoin(articles, eq(articles.id, articlesFts.rowid))
    .where(where);
  const results = (await withBylines(rows)).map(({ standfirstSnippet, bodySnippet, ...row }) => {
    // The passage that shows why the story matched; for a match in the headline or byline alone,
    // the standfirst says best what the story is.
    const fromBody = hasMark(bodySnippet) || (!hasMark(standfirstSnippet) && !row.standfirst);
    const snippet = fromBody ? bodySnippet : hasMark(standfirstSnippet) ? standfirstSnippet : row.standfirst;
    return { ...row, snippet, snippetFromBody: fromBody };
  });
  return { results, total, page, pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)) };
}

/**
 * The same, cached per query and page: when a story breaks, the same few searches come again and
 * again. Publishing or changing stories (the `latest` tag) refreshes them; the cache is bounded (LRU).
 */
export async function searchArticlesCached(ftsQuery: string, page: number): Promise<SearchPage> {
  'use cache';
  cacheTag(tags.latest, tags.storyText);
  cacheLife('content');
  return searchArticles(ftsQuery, page);
}
