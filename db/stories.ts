/**
 * The newsroom desk's view of stories: every status, never cached (the desk renders per request),
 * who changed each last. Readers' queries, which see published stories only, are in ./articles.ts.
 */
import 'server-only';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from './client';
import type { ArticleStatus } from '../lib/story-status';
import { articles, authors, sections, users } from './schema';

export const DESK_PAGE_SIZE = 50;

export type DeskStoryFilter = {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  /** Words in the headline. */
  q?: string;
  /** An author's own desk: only this byline's stories, whatever the other filters say. */
  ownAuthorId?: number;
};

const updater = alias(users, 'updater');

/** `LIKE` pattern for text typed by a person: its own `%` and `_` match themselves. */
function containing(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(filter: DeskStoryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(articles.status, filter.status) : undefined,
    filter.sectionId ? eq(articles.sectionId, filter.sectionId) : undefined,
    filter.authorId ? eq(articles.authorId, filter.authorId) : undefined,
    filter.ownAuthorId !== undefined ? eq(articles.authorId, filter.ownAuthorId) : undefined,
    filter.q ? sql`${articles.headline} like ${containing(filter.q)} escape '\\'` : undefined,
  ];
  return and(...conditions);
}

export function deskStoriesQuery(filter: DeskStoryFilter, page: number) {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      headline: articles.headline,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      authorName: authors.name,
      updatedByName: updater.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(updater, eq(updater.id, articles.updatedBy))
    .where(whereOf(filter))
    .orderBy(desc(sql`coalesce(${articles.updatedAt}, ${articles.publishedAt}, 0)`), desc(articles.id))
    .limit(DESK_PAGE_SIZE)
    .offset((page - 1) * DESK_PAGE_SIZE);
}

/** One page of the desk's story list, newest change first, and how many stories match in all. */
export function listDeskStories(filter: DeskStoryFilter, page: number) {
  const rows = deskStoriesQuery(filter, page).all();
  const [total] = db.select({ n: count() }).from(articles).where(whereOf(filter)).all();
  return { rows, total: total?.n ?? 0 };
}

/** The sections and bylines the desk's filters offer. */
export function deskFilterChoices() {
  return {
    sections: db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)).all(),
    authors: db.select({ id: authors.id, name: authors.name }).from(authors).orderBy(asc(authors.name)).all(),
  };
}
