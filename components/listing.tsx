import type { ReactNode } from 'react';
import type { ArticleCard, Paged } from '@/db/articles';
import { Pagination } from './pagination';
import { StoryList } from './story-card';

/** A section front, an author's or a tag's page: a heading, an introduction, and a paginated list. */
export function Listing({
  kicker,
  title,
  intro,
  list,
  basePath,
  empty = 'No stories yet.',
}: {
  kicker: string;
  title: string;
  intro?: ReactNode;
  list: Paged<ArticleCard>;
  basePath: string;
  empty?: string;
}) {
  return (
    <div className="listing">
      <header className="listing-header">
        <p className="kicker">{kicker}</p>
        <h1>{title}</h1>
        {intro}
        {list.page > 1 ? <p className="listing-page">Page {list.page} of {list.pageCount}</p> : null}
      </header>
      {list.items.length ? <StoryList stories={list.items} label={`Stories: ${title}`} headingLevel={2} /> : <p>{empty}</p>}
      <Pagination basePath={basePath} page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
