import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { db, isPostgres, preparedOnce } from './client';
import { articleAuthors, articles, articleTags, authorRedirects, authors, comments, sections, storyCorrections, storyRedirects, tags as tagTable } from './schema';
import type { Byline } from '@/lib/bylines';
import { tags } from './tags';

export const PAGE_SIZE = 20;

// mapWith(Number): count(*) is a bigint, which node-postgres hands over as a string.
const approvedCommentCount = sql<number>`(select count(*) from ${comments} where ${comments.articleId} = ${articles.id} and ${comments.status} = 'approved')`.mapWith(Number);

/** What a story card needs: never the body, never anything about commenters but their number. */
export const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  standfirst: articles.standfirst,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  photoSrc: articles.photoSrc,
  photoWidth: articles.photoWidth,
  photoHeight: articles.photoHeight,
  photoAlt: articles.photoAlt,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  commentCount: approvedCommentCount,
};

const published = eq(articles.status, 'published');

/**
 * Newest first, a story without a date last, on both engines: SQLite sorts NULLs last when
 * descending, PostgreSQL first unless told. SQLite keeps the plain form, which its indexes serve.
 */
export function newestFirst(column: typeof articles.publishedAt) {
  return isPostgres(db) ? sql`${column} desc nulls last` : desc(column);
}

function selectCards(where: SQL | undefined) {
  return db.select(cardColumns).from(articles).innerJoin(sections, eq(sections.id, articles.sectionId)).where(where);
}

/** The bylines of these stories, each story's in the order they are printed. */
export function bylinesQuery(articleIds: number[]) {
  return db
    .select({ articleId: articleAuthors.articleId, slug: authors.slug, name: authors.name })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position), asc(articleAuthors.authorId));
}

/** Each story with its bylines (one query for all of them). */
export async function withBylines<T extends { id: number }>(items: T[]): Promise<(T & { bylines: Byline[] })[]> {
  if (items.length === 0) return [];
  const byStory = new Map<number, Byline[]>();
  for (const { articleId, slug, name } of await bylinesQuery(items.map((item) => item.id))) {
    byStory.set(articleId, [...(byStory.get(articleId) ?? []), { slug, name }]);
  }
  return items.map((item) => ({ ...item, bylines: byStory.get(item.id) ?? [] }));
}

export type ArticleCard = Awaited<ReturnType<typeof selectCards>>[number] & { bylines: Byline[] };
export type Paged<T> = { items: T[]; total: number; page: number; pageCount: number };

/** Tags every listed story, so editing one (or approving a comment on it) refreshes the lists that show it. */
function tagCards(cards: { id: number }[], { withComments = true } = {}) {
  for (const card of cards) cacheTag(tags.article(card.id), ...(withComments ? [tags.comments(card.id)] : []));
}

function paged<T extends { id: number }>(items: T[], total: number, page: number): Paged<T> {
  tagCards(items);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Which stories each list holds. Exported, with the builders below, so that db/query-plans.test.ts plans the queries the app runs. */
export const storyLists = {
  latest: () => published,
  section: (sectionId: number) => and(published, eq(articles.sectionId, sectionId)),
  author: (authorId: number) =>
    and(published, sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} where ${articleAuthors.authorId} = ${authorId})`),
  tag: (tagId: number) =>
    and(published, sql`${articles.id} in (select ${articleTags.articleId} from ${articleTags} where ${articleTags.tagId} = ${tagId})`),
};

/** One page of a list of story cards, newest first, and the count for its pager. */
export function cardPageQueries(where: SQL | undefined, page: number, excludeId?: number) {
  const condition = excludeId === undefined ? where : and(where, ne(articles.id, excludeId));
  return {
    items: selectCards(condition)
      .orderBy(newestFirst(articles.publishedAt), desc(articles.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    total: db.select({ total: count() }).from(articles).where(condition),
  };
}

async function cardsWhere(where: SQL | undefined, page: number, excludeId?: number) {
  const queries = cardPageQueries(where, page, excludeId);
  const items = await withBylines(await queries.items);
  const [{ total } = { total: 0 }] = await queries.total;
  return paged(items, total, page);
}

export function leadArticleQuery() {
  return selectCards(published).orderBy(desc(articles.featured), newestFirst(articles.publishedAt), desc(articles.id)).limit(1);
}

/** The home page's lead: the newest featured story, else the newest story. */
export async function getLeadArticle() {
  'use cache';
  cacheTag(tags.latest);
  cacheLife('content');
  const [lead] = await withBylines(await leadArticleQuery());
  if (lead) tagCards([lead]);
  return lead ?? null;
}

/** The latest stories, newest first, leaving out the lead (which the home page shows above them). */
export async function listLatestArticles(page: number, excludeId?: number) {
  'use cache';
  cacheTag(tags.latest);
  cacheLife('content');
  return cardsWhere(storyLists.latest(), page, excludeId);
}

export async function getSectionBySlug(slug: string) {
  'use cache';
  cacheTag(tags.section(slug), tags.sections);
  cacheLife('content');
  const [section] = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug));
  return section ?? null;
}

export async function listSectionArticles(sectionId: number, sectionSlug: string, page: number) {
  'use cache';
  cacheTag(tags.section(sectionSlug));
  cacheLife('content');
  return cardsWhere(storyLists.section(sectionId), page);
}

export async function getAuthorBySlug(slug: string) {
  'use cache';
  cacheTag(tags.author(slug));
  cacheLife('content');
  const [author] = await db
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio, photoSrc: authors.photoSrc })
    .from(authors)
    .where(eq(authors.slug, slug));
  return author ?? null;
}

/** The address (slug) a byline's former address leads to now, or null. Cached under the old address's tag. */
export async function findMovedAuthor(slug: string) {
  'use cache';
  cacheTag(tags.author(slug));
  cacheLife('content');
  const [row] = await db
    .select({ slug: authors.slug })
    .from(authorRedirects)
    .innerJoin(authors, eq(authors.id, authorRedirects.authorId))
    .where(eq(authorRedirects.slug, slug));
  if (!row) return null;
  cacheTag(tags.author(row.slug));
  return row.slug;
}

export async function listAuthorArticles(authorId: number, authorSlug: string, page: number) {
  'use cache';
  cacheTag(tags.author(authorSlug));
  cacheLife('content');
  return cardsWhere(storyLists.author(authorId), page);
}

export async function getTagBySlug(slug: string) {
  'use cache';
  cacheTag(tags.tag(slug));
  cacheLife('content');
  const [tag] = await db
    .select({ id: tagTable.id, slug: tagTable.slug, name: tagTable.name })
    .from(tagTable)
    .where(eq(tagTable.slug, slug));
  return tag ?? null;
}

export async function listTagArticles(tagId: number, tagSlug: string, page: number) {
  'use cache';
  cacheTag(tags.tag(tagSlug));
  cacheLife('content');
  return cardsWhere(storyLists.tag(tagId), page);
}

/** A published story with everything its page shows; null for a draft or an unknown slug. */
export async function getArticleBySlug(slug: string) {
  'use cache';
  cacheTag(tags.articleSlug(slug));
  cacheLife('content');
  const [article] = await articleBySlugQuery(slug);
  if (!article) return null;
  cacheTag(tags.article(article.id), tags.comments(article.id));
  return withTopicsAndCorrections(article);
}

/** A story row with what its page shows beside its text: its topics and its corrections. */
async function withTopicsAndCorrections<T extends { id: number }>(article: T) {
  const [withNames] = await withBylines([article]);
  return { ...withNames!, tags: await articleTagsQuery(article.id), corrections: await articleCorrectionsQuery(article.id) };
}

/** A story's correction notes, oldest first, as readers see them under "Correction". */
export function articleCorrectionsQuery(articleId: number) {
  return db
    .select({ id: storyCorrections.id, text: storyCorrections.text, createdAt: storyCorrections.createdAt })
    .from(storyCorrections)
    .where(eq(storyCorrections.articleId, articleId))
    .orderBy(asc(storyCorrections.createdAt), asc(storyCorrections.id));
}

const addressColumns = { id: articles.id, slug: articles.slug, sectionSlug: sections.slug };

/** The published story a former address (slug) belongs to, with what its address is made of now. */
function formerAddressQuery(slug: string) {
  return db
    .select(addressColumns)
    .from(storyRedirects)
    .innerJoin(articles, eq(articles.id, storyRedirects.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(storyRedirects.slug, slug), published));
}

/**
 * Where a published story's former address leads now (its path), or null. Cached under the old
 * address's tag, which every save that changes an address updates, and the story's own.
 */
export async function findMovedArticle(slug: string) {
  'use cache';
  cacheTag(tags.articleSlug(slug));
  cacheLife('content');
  const [row] = await formerAddressQuery(slug);
  if (!row) return null;
  cacheTag(tags.article(row.id));
  return `/${row.sectionSlug}/${row.slug}`;
}

/**
 * The published story an address's slug names, by the slug it has now or one it had before, with
 * its address now; or null. Not cached: proxy.ts asks it for a reader's per-reader view of a story
 * (app/(site)/[section]/[slug]/yours), to send a browser whose marker is on a story's old address
 * to the story's new one before any byte of the page is sent.
 */
export async function storyAddressOf(slug: string): Promise<{ id: number; path: string } | null> {
  const [current] = await db.select(addressColumns).from(articles).innerJoin(sections, eq(sections.id, articles.sectionId)).where(and(published, eq(articles.slug, slug)));
  const [found] = current ? [current] : await formerAddressQuery(slug);
  return found ? { id: found.id, path: `/${found.sectionSlug}/${found.slug}` } : null;
}

export function articleBySlugQuery(slug: string) {
  return fullArticleQuery(and(published, eq(articles.slug, slug)));
}

function fullArticleQuery(where: SQL | undefined) {
  return db
    .select({
      ...cardColumns,
      body: articles.body,
      commentsOpen: articles.commentsOpen,
      photoCaption: articles.photoCaption,
      photoCredit: articles.photoCredit,
      sectionId: articles.sectionId,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where);
}

/**
 * A story in any status as readers would get it once published, for the desk's preview: never
 * cached (the desk renders per request), so it shows the text as saved this moment.
 */
export async function getPreviewArticle(id: number): Promise<FullArticle | null> {
  const [article] = await fullArticleQuery(eq(articles.id, id));
  return article ? withTopicsAndCorrections(article) : null;
}

export function articleTagsQuery(articleId: number) {
  return db
    .select({ slug: tagTable.slug, name: tagTable.name })
    .from(articleTags)
    .innerJoin(tagTable, eq(tagTable.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(articleTags.position), asc(tagTable.name));
}

export type FullArticle = NonNullable<Awaited<ReturnType<typeof getArticleBySlug>>>;

/** The stories that share a tag with this one (and how many tags), and the newest of its section. */
export function relatedCandidateQueries(articleId: number, sectionId: number) {
  return {
    sharedTags: db
      .select({ articleId: articleTags.articleId, shared: count() })
      .from(articleTags)
      .where(
        and(
          sql`${articleTags.tagId} in (select ${articleTags.tagId} from ${articleTags} where ${articleTags.articleId} = ${articleId})`,
          ne(articleTags.articleId, articleId),
        ),
      )
      .groupBy(articleTags.articleId),
    sameSection: db
      .select({ id: articles.id })
      .from(articles)
      .where(and(published, eq(articles.sectionId, sectionId), ne(articles.id, articleId)))
      .orderBy(newestFirst(articles.publishedAt))
      .limit(10),
  };
}

/**
 * Three stories to read next: most tags in common first, then the same section, newest first. A story
 * published or taken down can only join or leave them through this story's section or topics, so those
 * tags (not the site-wide `latest`) refresh them: publishing in Politics leaves News stories cached.
 */
export async function listRelatedArticles(articleId: number, sectionId: number) {
  'use cache';
  cacheTag(tags.article(articleId));
  cacheLife('content');
  const [section] = await db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, sectionId));
  if (section) cacheTag(tags.section(section.slug));
  for (const { slug } of await articleTagsQuery(articleId)) cacheTag(tags.tag(slug));
  const candidateQueries = relatedCandidateQueries(articleId, sectionId);
  const shared = await candidateQueries.sharedTags;
  const sameSection = await candidateQueries.sameSection;
  const score = new Map<number, number>();
  for (const row of shared) score.set(row.articleId, row.shared * 2);
  for (const row of sameSection) score.set(row.id, (score.get(row.id) ?? 0) + 1);
  const candidates = [...score.keys()];
  if (candidates.length === 0) return [];
  const cards = await withBylines(await selectCards(and(published, inArray(articles.id, candidates))));
  const related = cards
    .sort(
      (a, b) =>
        (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) ||
        (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0),
    )
    .slice(0, 3);
  // "Read next" shows no comment counts, so approving a comment on one story leaves every other story's page cached.
  tagCards(related, { withComments: false });
  return related;
}

const articleForCommentColumns = {
  id: articles.id,
  slug: articles.slug,
  sectionSlug: sections.slug,
  commentsOpen: articles.commentsOpen,
  publishedAt: articles.publishedAt,
};

/** A published story as the comment action needs it, read fresh (not from the page cache). SQLite's statement is prepared once. */
const articleForComment = preparedOnce(db, (database) =>
  database
    .select(articleForCommentColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(published, eq(articles.id, sql.placeholder('id'))))
    .prepare(),
);

export async function findArticleForComment(id: number) {
  if (!isPostgres(db)) return articleForComment().get({ id }) ?? null;
  const [row] = await db
    .select(articleForCommentColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(published, eq(articles.id, id)));
  return row ?? null;
}
