import 'server-only';
/**
 * Search of published stories, on either engine: FTS5 on SQLite (db/sqlite/search.ts), the
 * `tsvector` column on PostgreSQL (db/pg/search.ts), with the same query text, weights and marks.
 */
import { cacheLife, cacheTag } from 'next/cache';
import { hasMark } from '@/lib/search-query';
import type { Byline } from '@/lib/bylines';
import { withBylines } from './articles';
import { db, isPostgres } from './client';
import { searchOnPostgres } from './pg/search';
import { searchOnSqlite } from './sqlite/search';
import { tags } from './tags';

export const SEARCH_PAGE_SIZE = 20;

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
 * One page of published stories matching a query made by `toFtsQuery` (never raw text), best
 * first.
 */
export async function searchArticles(ftsQuery: string, page: number): Promise<SearchPage> {
  const search = isPostgres(db) ? searchOnPostgres : searchOnSqlite;
  const { rows, total } = await search(ftsQuery, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE, Date.now());
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
