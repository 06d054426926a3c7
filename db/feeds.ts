import 'server-only';
import { and, desc, eq, gte, sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import type { Byline } from '@/lib/bylines';
import { getAuthorBySlug, getSectionBySlug, newestFirst, storyLists, withBylines } from './articles';
import { db } from './client';
import { articleAuthors, articles, articleTags, authors, comments, sections, tags as tagTable } from './schema';
import { tags } from './tags';

/** Items in every feed. */
export const FEED_SIZE = 20;
/** Google News only wants stories of the last two days. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 3_600_000;

const published = eq(articles.status, 'published');

/** What a feed entry shows: never a commenter's anything. */
const feedColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  standfirst: articles.standfirst,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  photoSrc: articles.photoSrc,
  sectionSlug: sections.slug,
  sectionName: sections.name,
};

export type FeedArticle = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date | null;
  photoSrc: string | null;
  sectionSlug: string;
  sectionName: string;
  bylines: Byline[];
};

async function latestWhere(where: SQL | undefined): Promise<FeedArticle[]> {
  const items = await withBylines(
    await db
      .select(feedColumns)
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(published, where))
      .orderBy(newestFirst(articles.publishedAt), desc(articles.id))
      .limit(FEED_SIZE),
  );
  tagArticles(items);
  return items;
}

/** One call per story: `cacheTag` drops tags past 128 in a single call. */
function tagArticles(items: { id: number }[]) {
  for (const item of items) cacheTag(tags.article(item.id));
}

/** The site's feed: the latest stories, newest first. */
export async function listFeedArticles() {
  'use cache';
  cacheTag(tags.latest);
  cacheLife('content');
  return latestWhere(undefined);
}

/** A section's feed, or null for a section we do not have. */
export async function getSectionFeed(slug: string) {
  'use cache';
  cacheTag(tags.section(slug), tags.sections);
  cacheLife('content');
  const section = await getSectionBySlug(slug);
  if (!section) return null;
  return { section, items: await latestWhere(eq(articles.sectionId, section.id)) };
}

/** An author's feed, or null for an author we do not have. */
export async function getAuthorFeed(slug: string) {
  'use cache';
  cacheTag(tags.author(slug));
  cacheLife('content');
  const author = await getAuthorBySlug(slug);
  if (!author) return null;
  return { author, items: await latestWhere(storyLists.author(author.id)) };
}

/**
 * A published story's approved comments, newest first, with the name and website each commenter
 * chose to publish (never the email, IP or user agent); null for a draft or an unknown slug.
 */
export async function getCommentFeed(slug: string) {
  'use cache';
  cacheTag(tags.articleSlug(slug));
  cacheLife('content');
  const [article] = await withBylines(
    await db
      .select(feedColumns)
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(published, eq(articles.slug, slug))),
  );
  if (!article) return null;
  cacheTag(tags.article(article.id), tags.comments(article.id));
  const items = await db
    .select({ id: comments.id, authorName: comments.authorName, authorUrl: comments.authorUrl, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.articleId, article.id), eq(comments.status, 'approved')))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(FEED_SIZE);
  return { article, items };
}

// Decoded as the column decodes its own values: integer ms from SQLite, a timestamptz text from PostgreSQL.
const lastChange = sql<Date | null>`max(coalesce(${articles.updatedAt}, ${articles.publishedAt}))`.mapWith(articles.updatedAt);

/**
 * Every public address worth indexing, with when it last changed: each published story, every
 * section, and the authors and topics that have a published story (a draft's topic stays unknown).
 */
export async function listSitemapEntries() {
  'use cache';
  cacheTag(tags.latest, tags.sections, tags.storyText);
  cacheLife('content');
  const stories = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      sectionSlug: sections.slug,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(published)
    .orderBy(newestFirst(articles.publishedAt), desc(articles.id));
  tagArticles(stories);
  const sectionRows = await db
    .select({ slug: sections.slug, lastModified: lastChange })
    .from(sections)
    .leftJoin(articles, and(eq(articles.sectionId, sections.id), published))
    .groupBy(sections.id)
    .orderBy(sections.position, sections.id);
  const authorRows = await db
    .select({ slug: authors.slug, lastModified: lastChange })
    .from(authors)
    .innerJoin(articleAuthors, eq(articleAuthors.authorId, authors.id))
    .innerJoin(articles, and(eq(articles.id, articleAuthors.articleId), published))
    .groupBy(authors.id)
    .orderBy(authors.slug);
  const tagRows = await db
    .select({ slug: tagTable.slug, lastModified: lastChange })
    .from(tagTable)
    .innerJoin(articleTags, eq(articleTags.tagId, tagTable.id))
    .innerJoin(articles, and(eq(articles.id, articleTags.articleId), published))
    .groupBy(tagTable.id)
    .orderBy(tagTable.slug);
  for (const row of authorRows) cacheTag(tags.author(row.slug));
  for (const row of tagRows) cacheTag(tags.tag(row.slug));
  const newest = stories.reduce<number>((latest, story) => Math.max(latest, (story.updatedAt ?? story.publishedAt)?.getTime() ?? 0), 0);
  return {
    homeLastModified: newest ? new Date(newest) : null,
    articles: stories,
    sections: sectionRows,
    authors: authorRows,
    tags: tagRows,
  };
}

/**
 * Stories of the last two days, newest first, for the Google News sitemap. The window is measured
 * when this is cached (at most an hour ago), so callers trim it again to the exact moment.
 */
export async function listNewsSitemapArticles() {
  'use cache';
  cacheTag(tags.latest, tags.storyText);
  cacheLife('content');
  const since = new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS);
  const items = await withBylines(
    await db
      .select(feedColumns)
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(published, gte(articles.publishedAt, since)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(1000),
  );
  tagArticles(items);
  return items;
}
