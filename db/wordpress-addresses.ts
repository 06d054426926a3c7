import 'server-only';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { feedPaths } from '@/lib/feed-paths';
import { buildThread, countPages } from '@/lib/thread';
import { type OldAddress, parseOldAddress, type PostKey, type TermKey, type TermTaxonomy } from '@/lib/wordpress/old-addresses';
import { db } from './client';
import { listApprovedComments } from './comments';
import { articles, authors, sections, tags as tagTable, wordpressPosts, wordpressSites, wordpressTerms } from './schema';
import { getCommentSettings } from './settings';
import { tags } from './tags';

/**
 * Where old WordPress addresses lead, from the mapping the import stored (wordpress_posts,
 * wordpress_terms). Read only for an address that is no page of ours (a miss, or a form only
 * WordPress has), never while an ordinary page renders. Each lookup is cached under
 * `wordpress-addresses`, which an import expires, and under the tags of what it found.
 */

/** Several sites may have been imported: for a key they share, the most recently created wins. */
const newestSiteFirst = [desc(wordpressSites.createdAt), desc(wordpressSites.id)];

/** WordPress keeps a slug percent-encoded (`%c3%a9t%c3%a9`); the key is decoded (`été`). Both are tried. */
function slugForms(slug: string) {
  return [...new Set([slug, encodeURIComponent(slug).toLowerCase()])];
}

export function wordpressPostQuery(key: PostKey) {
  const where: SQL =
    'path' in key ? eq(wordpressPosts.path, key.path) : 'slug' in key ? inArray(wordpressPosts.slug, slugForms(key.slug)) : eq(wordpressPosts.wpId, key.wpId);
  return db
    .select({ articleId: articles.id, status: articles.status, slug: articles.slug, sectionSlug: sections.slug })
    .from(wordpressPosts)
    .innerJoin(wordpressSites, eq(wordpressSites.id, wordpressPosts.siteId))
    .innerJoin(articles, eq(articles.id, wordpressPosts.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(...newestSiteFirst, desc(wordpressPosts.wpId))
    .limit(1);
}

export type FoundPost = { articleId: number; sectionSlug: string; slug: string; published: boolean };

/**
 * The story an imported post became, or null when no imported post has this key. A story that is not
 * published is found too (`published: false`): its old address answers 404 until it is, and its
 * `article:` tag, which publishing updates, is on the answer.
 */
export async function findWordpressPost(key: PostKey): Promise<FoundPost | null> {
  'use cache';
  cacheTag(tags.wordpressAddresses);
  cacheLife('content');
  const [row] = await wordpressPostQuery(key);
  if (!row) return null;
  cacheTag(tags.article(row.articleId));
  return { articleId: row.articleId, sectionSlug: row.sectionSlug, slug: row.slug, published: row.status === 'published' };
}

export function wordpressTermQuery(taxonomy: TermTaxonomy, key: TermKey) {
  return db
    .select({ sectionSlug: sections.slug, tagSlug: tagTable.slug, authorSlug: authors.slug })
    .from(wordpressTerms)
    .innerJoin(wordpressSites, eq(wordpressSites.id, wordpressTerms.siteId))
    .leftJoin(sections, eq(sections.id, wordpressTerms.sectionId))
    .leftJoin(tagTable, eq(tagTable.id, wordpressTerms.tagId))
    .leftJoin(authors, eq(authors.id, wordpressTerms.authorId))
    .where(
      and(
        eq(wordpressTerms.taxonomy, taxonomy),
        'slug' in key ? inArray(wordpressTerms.slug, slugForms(key.slug)) : eq(wordpressTerms.wpId, key.wpId),
      ),
    )
    .orderBy(...newestSiteFirst)
    .limit(1);
}

export type FoundTerm = { kind: 'section' | 'tag' | 'author'; slug: string };

/** What an imported category, tag or author became: a section (else a topic, for a category), a topic, a byline. */
export async function findWordpressTerm(taxonomy: TermTaxonomy, key: TermKey): Promise<FoundTerm | null> {
  'use cache';
  cacheTag(tags.wordpressAddresses);
  cacheLife('content');
  const [row] = await wordpressTermQuery(taxonomy, key);
  let found: FoundTerm | null = null;
  if (row?.authorSlug && taxonomy === 'author') found = { kind: 'author', slug: row.authorSlug };
  else if (row?.sectionSlug && taxonomy === 'category') found = { kind: 'section', slug: row.sectionSlug };
  else if (row?.tagSlug && taxonomy !== 'author') found = { kind: 'tag', slug: row.tagSlug };
  if (found) cacheTag({ section: tags.section, tag: tags.tag, author: tags.author }[found.kind](found.slug));
  return found;
}

const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** `?cpage=N` when the story's thread has that page now, else the story itself. */
async function commentPage(articleId: number, path: string, page: number) {
  if (page <= 1) return path;
  const [approved, settings] = await Promise.all([listApprovedComments(articleId), getCommentSettings()]);
  const pages = countPages(buildThread(approved, settings.threadDepth), settings.commentsPerPage);
  return page <= pages ? `${path}?cpage=${page}` : path;
}

/**
 * The address an old WordPress address has here now, or null when it has none: nothing imported
 * under that key, or a story that is not published. See docs/wordpress-addresses.md.
 */
export async function findOldAddressTarget(address: OldAddress): Promise<string | null> {
  switch (address.kind) {
    case 'post': {
      for (const key of address.keys) {
        const post = await findWordpressPost(key);
        if (!post) continue;
        if (!post.published) return null;
        const path = `/${post.sectionSlug}/${post.slug}`;
        if (address.view.view === 'feed') return feedPaths.comments(post.sectionSlug, post.slug);
        return address.view.view === 'comments' ? commentPage(post.articleId, path, address.view.page) : path;
      }
      return null;
    }
    case 'term': {
      const term = await findWordpressTerm(address.taxonomy, address.key);
      if (!term) return null;
      if (term.kind === 'section') return address.feed ? feedPaths.section(term.slug)[address.feed] : withPage(`/${term.slug}`, address.page);
      if (term.kind === 'author') return address.feed ? feedPaths.author(term.slug)[address.feed] : withPage(`/authors/${term.slug}`, address.page);
      // Topics have no feed of their own: the site's carries their stories.
      return address.feed ? feedPaths.site[address.feed] : withPage(`/tags/${term.slug}`, address.page);
    }
    case 'feed':
      // There is no feed of every comment on the site; its stories' feed is the nearest.
      return feedPaths.site[address.comments ? 'rss' : address.feed];
    case 'search': {
      if (!address.words) return '/search';
      return `/search?q=${encodeURIComponent(address.words)}${address.page > 1 ? `&page=${address.page}` : ''}`;
    }
    case 'home':
      return address.page > 1 ? `/?page=${address.page}` : '/';
  }
}

/** The same for a request's path and query (`/2025/02/12/my-story`, `/?p=123&cpage=2`). */
export async function findOldPathTarget(pathname: string, query = new URLSearchParams()): Promise<string | null> {
  const address = parseOldAddress(pathname, query);
  return address && findOldAddressTarget(address);
}
