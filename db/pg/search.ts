/**
 * Search on PostgreSQL: the generated `tsvector` column `articles.search` (db/pg/schema.ts; its GIN
 * index `articles_search_idx`), the bylines in it kept by migration 0001_search_bylines's triggers.
 * The same query, ranking and marks as db/sqlite/search.ts's FTS5, in PostgreSQL's terms:
 *
 * - the query is the one `toFtsQuery` makes for FTS5: quoted words, all required, a `*` after the
 *   last for a prefix. Quoted words are also what `websearch_to_tsquery` reads as required words,
 *   with none of its operators (`or`, `-`) active; the prefix word goes through `to_tsquery` as
 *   `'word':*`. Parsed with `searchConfig` ('english': stemmed, stop words dropped);
 * - rank: `ts_rank` with `searchRankWeights` (headline 10, standfirst 3, body 1, byline 2, as bm25's
 *   weights), times the same freshness bonus: up to a quarter more for a story published now;
 * - marks: `ts_headline` with MARK_START/MARK_END around matched words, the whole headline, and a
 *   passage of about 32 words from the standfirst and the body, with '…' where the passage does not
 *   reach the start or end of the text, as FTS5's `snippet` writes it.
 */
import { and, desc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { MARK_END, MARK_START } from '@/lib/search-query';
import { cardColumns } from '../articles';
import { db } from '../client';
import { articles, sections } from '../schema';
import { articles as postgresArticles, searchConfig, searchRankWeights } from './schema';

/** Not in SQLite's table, by which the app's queries are typed. */
const document = postgresArticles.search;

const config = sql.raw(`'${searchConfig}'::regconfig`);

/** A word of `toFtsQuery`'s: letters, digits and their combining marks only. */
const wordOnly = (word: string) => word.replace(/[^\p{L}\p{N}\p{M}]/gu, '');

/** The tsquery for a query written by `toFtsQuery` (see the module's comment). */
export function tsQuery(ftsQuery: string): SQL {
  const words = [...ftsQuery.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => wordOnly(match[1]!));
  const prefix = ftsQuery.trimEnd().endsWith('*') && words.length > 0 ? words.pop()! : '';
  const whole = sql`websearch_to_tsquery(${config}, ${words.map((word) => `"${word}"`).join(' ')})`;
  // `&&` with a query that is empty (a stop word, say) gives the other one unchanged.
  return prefix ? sql`(${whole} && to_tsquery(${config}, ${`'${prefix}':*`}))` : whole;
}

/** 1 for a story published now (`now`, in ms), 1/2 after a week, 1/5 after a month: as on SQLite. */
const freshness = (now: number) =>
  sql`(1.0 / (1.0 + greatest(0, ${now}::float8 - coalesce(extract(epoch from ${articles.publishedAt}) * 1000, 0)) / 604800000.0))`;

const marks = `StartSel=${MARK_START}, StopSel=${MARK_END}`;
const wholeOptions = `${marks}, HighlightAll=true`;
const passageOptions = `${marks}, MaxFragments=1, MaxWords=32, MinWords=16`;
/** As FTS5's snippet gives a text of at most 32 words whole; ts_headline would start it at the match. */
const snippetOptions = (column: SQLWrapper) => sql`case when regexp_count(${column}, '[^[:space:]]+') <= 32 then ${wholeOptions} else ${passageOptions} end`;

/**
 * `ts_headline`'s passage with '…' before it when text with letters or digits comes before it in the
 * column, and after it likewise: ts_headline gives the passage alone.
 */
function snippet(column: SQLWrapper, query: SQL) {
  return sql<string>`(select
      case when position(plain in whole) > 1 and left(whole, position(plain in whole) - 1) ~ '[[:alnum:]]' then '…' else '' end
      || passage
      || case when position(plain in whole) > 0 and substr(whole, position(plain in whole) + length(plain)) ~ '[[:alnum:]]' then '…' else '' end
    from (select passage, whole, translate(passage, ${MARK_START + MARK_END}, '') as plain
          from (select ts_headline(${config}, ${column}, ${query}, ${snippetOptions(column)}) as passage, ${column} as whole) as headline) as cut)`;
}

/** One page of matches for a query made by `toFtsQuery`, best first, and how many there are in all. */
export async function searchOnPostgres(ftsQuery: string, limit: number, offset: number, now: number) {
  const query = tsQuery(ftsQuery);
  const where = and(sql`${document} @@ ${query}`, eq(articles.status, 'published'));
  const rank = sql<number>`ts_rank(${searchRankWeights}::float4[], ${document}, ${query}) * (1 + 0.25 * ${freshness(now)})`;
  // The page is chosen first, so that ts_headline, the costly part, runs for its stories alone.
  const hits = db.$with('hits').as(
    db
      .select({ id: sql<number>`${articles.id}`.as('hit_id'), rank: rank.as('rank'), publishedAt: sql`${articles.publishedAt}`.as('hit_published_at') })
      .from(articles)
      .where(where)
      .orderBy(desc(rank), sql`${articles.publishedAt} desc nulls last`, desc(articles.id))
      .limit(limit)
      .offset(offset),
  );
  const rows = await db
    .with(hits)
    .select({
      ...cardColumns,
      headlineMarked: sql<string>`ts_headline(${config}, ${articles.headline}, ${query}, ${wholeOptions})`,
      standfirstSnippet: snippet(articles.standfirst, query),
      bodySnippet: snippet(articles.body, query),
    })
    .from(hits)
    .innerJoin(articles, eq(articles.id, hits.id))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .orderBy(sql`${hits.rank} desc`, sql`${hits.publishedAt} desc nulls last`, desc(articles.id));
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(articles)
    .where(where);
  return { rows, total };
}
