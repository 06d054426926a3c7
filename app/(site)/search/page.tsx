import { Bylines } from '@/components/bylines';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { searchArticlesCached, type SearchResult } from '@/db/search';
import { articlePath } from '@/components/story-card';
import { TimeStamp } from '@/components/time-stamp';
import { feedAlternates } from '@/lib/feed-paths';
import { pluralize } from '@/lib/format';
import { parsePage } from '@/lib/params';
import { plainSnippet, snippetParts, toFtsQuery } from '@/lib/search-query';

// Every query is its own page, rendered per request and whole before the first byte, so that it
// reads the same without JavaScript (the masthead's search box is a plain GET form).
export const instant = false;

export const metadata: Metadata = {
  title: 'Search',
  alternates: { canonical: '/search', types: feedAlternates() },
  robots: { index: false, follow: true },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const searchHref = (q: string, page: number) => `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`;

/** `/search?q=words&page=N`: published stories matching every word, best match first, 20 a page. */
export default async function SearchPage(props: Props) {
  const params = await props.searchParams;
  const q = (first(params.q) ?? '').trim();
  const page = parsePage(first(params.page)) ?? 1;
  const query = toFtsQuery(q);
  const found = query ? await searchArticlesCached(query, page) : null;

  return (
    <div className="listing search-page">
      <header className="listing-header">
        <h1>Search</h1>
        <form action="/search" role="search" aria-label="Search stories" className="search-form">
          <label htmlFor="search-page-q">Search for</label>
          <input id="search-page-q" type="search" name="q" defaultValue={q} maxLength={200} />
          <button type="submit">Search</button>
        </form>
        {found && found.results.length > 0 ? (
          <p className="listing-page" role="status">
            {pluralize(found.total, 'result')} for “{q}”{found.pageCount > 1 ? `, page ${page} of ${found.pageCount}` : ''}
          </p>
        ) : null}
      </header>
      {q === '' ? (
        <p>Search every story we have published by headline, text or author.</p>
      ) : found && found.results.length > 0 ? (
        <ol className="story-list search-results" aria-label={`Results for ${q}`}>
          {found.results.map((result) => (
            <li key={result.id}>
              <ResultCard result={result} />
            </li>
          ))}
        </ol>
      ) : found && found.total > 0 ? (
        <p role="status">
          No more results for “{q}”. <a href={searchHref(q, 1)}>Back to the first page</a>
        </p>
      ) : (
        <p role="status">No results for “{q}”.</p>
      )}
      {found && found.pageCount > 1 ? (
        <nav aria-label="Pagination" className="pagination">
          {page > 1 ? (
            <a href={searchHref(q, Math.min(page - 1, found.pageCount))} rel="prev">
              ← Better matches
            </a>
          ) : null}
          {page < found.pageCount ? (
            <a href={searchHref(q, page + 1)} rel="next">
              More results →
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function Marked({ text }: { text: string }) {
  return snippetParts(text).map((part, index) =>
    part.mark ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
  );
}

function ResultCard({ result }: { result: SearchResult }) {
  const href = articlePath(result);
  const snippet = result.snippetFromBody ? plainSnippet(result.snippet) : result.snippet;
  return (
    <article className="story-card">
      <div className="story-card-text">
        <p className="kicker">
          <Link href={`/${result.sectionSlug}`}>{result.sectionName}</Link>
        </p>
        <h2 className="story-card-headline">
          <Link href={href}>
            <Marked text={result.headlineMarked} />
          </Link>
        </h2>
        {snippet ? (
          <p className="story-card-standfirst search-snippet">
            <Marked text={snippet} />
          </p>
        ) : null}
        <p className="meta">
          <span className="byline">
            <Bylines bylines={result.bylines} />
          </span>
          {result.publishedAt ? <TimeStamp date={result.publishedAt} dateOnly /> : null}
        </p>
      </div>
    </article>
  );
}
