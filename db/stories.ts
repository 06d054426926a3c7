/**
 * The newsroom desk's view of stories: every status, never cached (the desk renders per request),
 * who changed each last. Readers' queries, which see published stories only, are in ./articles.ts.
 */
import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from './client';
import type { ArticleStatus } from '../lib/story-status';
import { type LogActor, logRows } from './log-rows';
import { articles, articleTags, authors, moderationLog, sections, tags as tagTable, users } from './schema';

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

/** Everything the story form shows, and who changed the story last. */
export function getDeskStory(id: number) {
  return getDeskStoryIn(db, id);
}

export type DeskStory = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  body: string;
  status: ArticleStatus;
  sectionId: number;
  sectionSlug: string;
  authorId: number;
  featured: boolean;
  commentsOpen: boolean;
  publishedAt: Date | null;
  updatedAt: Date | null;
  updatedByName: string | null;
};

/** What the form saves; the status is decided by the caller's rules (lib/story-form.ts). */
export type StoryWrite = {
  headline: string;
  standfirst: string;
  body: string;
  sectionId: number;
  authorId: number;
  slug: string;
  featured: boolean;
  commentsOpen: boolean;
  status: ArticleStatus;
};

/** A story's version as the form carries it: the time of its last change (0 for one never changed on the desk). */
export const versionOf = (story: { updatedAt: Date | null }) => story.updatedAt?.getTime() ?? 0;

export type SaveResult =
  | { kind: 'saved'; id: number; before: DeskStory | null; after: DeskStory }
  | { kind: 'conflict'; by: string | null; at: Date | null }
  | { kind: 'slug-taken' }
  | { kind: 'not-found' };

/**
 * Creates a story (id null) or saves over one, with its log row, in one IMMEDIATE transaction. A save
 * over a version other than the one the form was opened on is refused with who changed it and when:
 * nothing is silently overwritten. Publishing stamps `publishedAt` the first time.
 */
export function saveStory(id: number | null, expectedVersion: number, values: StoryWrite, actor: LogActor): SaveResult {
  return db.transaction(
    (tx) => {
      const before = id === null ? null : getDeskStoryIn(tx, id);
      if (id !== null && !before) return { kind: 'not-found' } as const;
      if (before && versionOf(before) !== expectedVersion) return { kind: 'conflict', by: before.updatedByName, at: before.updatedAt } as const;
      const [clash] = tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.slug, values.slug), id === null ? undefined : ne(articles.id, id)))
        .all();
      if (clash) return { kind: 'slug-taken' } as const;
      // Strictly after the previous version, even within one millisecond, so the version always moves.
      const now = new Date(Math.max(Date.now(), before ? versionOf(before) + 1 : 0));
      const publishedAt = values.status === 'published' ? (before?.publishedAt ?? now) : (before?.publishedAt ?? null);
      const row = { ...values, publishedAt, updatedAt: now, updatedBy: actor?.id ?? null };
      let savedId = id;
      if (id === null) savedId = tx.insert(articles).values(row).returning({ id: articles.id }).all()[0]!.id;
      else tx.update(articles).set(row).where(eq(articles.id, id)).run();
      const after = getDeskStoryIn(tx, savedId!)!;
      const action = id === null ? 'story.create' : before!.status !== after.status ? `story.${after.status}` : 'story.save';
      tx.insert(moderationLog)
        .values(logRows([{ actor, action, targetType: 'story', targetId: savedId, before: before && logged(before), after: logged(after) }], now))
        .run();
      return { kind: 'saved', id: savedId!, before, after } as const;
    },
    { behavior: 'immediate' },
  );
}

/** What the log keeps of a version: every field the form edits (the body too: the log is the desk's record). */
function logged(story: DeskStory) {
  const { headline, standfirst, body, status, sectionId, authorId, slug, featured, commentsOpen } = story;
  return { headline, standfirst, body, status, sectionId, authorId, slug, featured, commentsOpen };
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** The form's columns, and who changed the story last. */
const deskStoryColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  standfirst: articles.standfirst,
  body: articles.body,
  status: articles.status,
  sectionId: articles.sectionId,
  sectionSlug: sections.slug,
  authorId: articles.authorId,
  featured: articles.featured,
  commentsOpen: articles.commentsOpen,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  updatedByName: updater.name,
};

function getDeskStoryIn(tx: Tx | typeof db, id: number): DeskStory | null {
  const [row] = tx
    .select(deskStoryColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(updater, eq(updater.id, articles.updatedBy))
    .where(eq(articles.id, id))
    .all();
  return row ?? null;
}

/** Where a story shows: enough to find the pages a change to it touches. */
export type StoryPlace = { id: number; slug: string; status: ArticleStatus; sectionId: number; authorId: number; featured: boolean };

/** The slugs of these stories' sections and authors. */
export function storyPlaceNames(places: StoryPlace[]) {
  const sectionIds = [...new Set(places.map((place) => place.sectionId))];
  const authorIds = [...new Set(places.map((place) => place.authorId))];
  return {
    sections: db.select({ slug: sections.slug }).from(sections).where(inArray(sections.id, sectionIds)).all().map((row) => row.slug),
    authors: db.select({ slug: authors.slug }).from(authors).where(inArray(authors.id, authorIds)).all().map((row) => row.slug),
  };
}

/** The slugs of a story's topics. */
export function storyTagSlugs(articleId: number) {
  return db
    .select({ slug: tagTable.slug })
    .from(articleTags)
    .innerJoin(tagTable, eq(tagTable.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .all()
    .map((row) => row.slug);
}
