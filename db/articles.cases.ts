/**
 * db/articles.ts's cases (readers' lists, pages, redirects, "read next"), run on SQLite
 * (articles.test.ts) and on PostgreSQL (articles.pg.test.ts). The calling file points the app's `db`
 * at a fresh database and mocks 'server-only' and 'next/cache'.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAuthor, insertSection, insertStory, insertTopic } from '../test/content-rows';
import {
  findArticleForComment,
  findMovedArticle,
  findMovedAuthor,
  getArticleBySlug,
  getLeadArticle,
  storyAddressOf,
  getPreviewArticle,
  listAuthorArticles,
  listLatestArticles,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
  PAGE_SIZE,
} from './articles';
import type { Db } from './client';
import { authorRedirects, comments, storyCorrections, storyRedirects } from './schema';

export function articleCases(db: Db) {
  const base = new Date('2026-01-01T00:00:00Z').getTime();
  const hour = 3_600_000;
  const ids: Record<string, number> = {};
  let worldId = 0;
  let sportId = 0;
  let ann = 0;
  let bob = 0;
  const topic: Record<string, number> = {};

  beforeAll(async () => {
    worldId = (await insertSection(db, 'world', 1)).id;
    sportId = (await insertSection(db, 'sport', 2)).id;
    ann = (await insertAuthor(db, 'ann', 'Ann')).id;
    bob = (await insertAuthor(db, 'bob', 'Bob')).id;
    for (const slug of ['tax', 'health', 'rail']) topic[slug] = (await insertTopic(db, slug, slug.toUpperCase())).id;
    const story = async (slug: string, values: Partial<Parameters<typeof insertStory>[1]> = {}) => {
      ids[slug] = (await insertStory(db, { slug, sectionId: worldId, authorIds: [ann], headline: `Headline ${slug}`, body: `Body of ${slug}`, status: 'published', ...values })).id;
    };
    // 22 dated stories in World, one an hour; the newest is `world-22`.
    for (let i = 1; i <= 22; i++) await story(`world-${i}`, { publishedAt: new Date(base + i * hour) });
    // Published without a date (an import can do that): last in every list, on both engines.
    await story('undated', { publishedAt: null });
    await story('a-draft', { status: 'draft', publishedAt: null });
    await story('featured-older', { publishedAt: new Date(base), featured: true, sectionId: sportId, authorIds: [bob, ann] });
    // "Read next" for `subject`: two topics shared beats one, which beats the same section only.
    await story('subject', { publishedAt: new Date(base + 100 * hour), sectionId: sportId, tagIds: [topic.tax!, topic.health!], authorIds: [bob] });
    await story('shares-two', { publishedAt: new Date(base + 50 * hour), tagIds: [topic.health!, topic.tax!] });
    await story('shares-one', { publishedAt: new Date(base + 60 * hour), tagIds: [topic.tax!, topic.rail!] });
    await story('same-section', { publishedAt: new Date(base + 70 * hour), sectionId: sportId, authorIds: [bob] });
    await db.insert(comments).values(
      (['approved', 'approved', 'pending'] as const).map((status, i) => ({ articleId: ids['world-22']!, authorName: `R${i}`, authorEmail: `r${i}@example.com`, body: 'Hm', status })),
    );
    await db.insert(storyCorrections).values([
      { articleId: ids.subject!, text: 'Second note', createdAt: new Date(base + 102 * hour) },
      { articleId: ids.subject!, text: 'First note', createdAt: new Date(base + 101 * hour) },
    ]);
    await db.insert(storyRedirects).values({ slug: 'subject-old', articleId: ids.subject!, createdAt: new Date(base) });
    await db.insert(storyRedirects).values({ slug: 'draft-old', articleId: ids['a-draft']!, createdAt: new Date(base) });
    await db.insert(authorRedirects).values({ slug: 'bobby', authorId: bob, createdAt: new Date(base) });
  });

  const slugs = (items: { slug: string }[]) => items.map((item) => item.slug);
  const published = 22 + 1 + 1 + 4;

  describe('lists', () => {
    it('pages the latest stories newest first, the undated last, with counts as numbers', async () => {
      const first = await listLatestArticles(1);
      expect(first.items).toHaveLength(PAGE_SIZE);
      expect(first.total).toBe(published);
      expect(first.pageCount).toBe(2);
      expect(slugs(first.items).slice(0, 5)).toEqual(['subject', 'same-section', 'shares-one', 'shares-two', 'world-22']);
      const newest = first.items.find((item) => item.slug === 'world-22')!;
      expect(newest.commentCount).toBe(2);
      expect(first.items.find((item) => item.slug === 'world-21')!.commentCount).toBe(0);
      expect(newest).toMatchObject({ sectionSlug: 'world', sectionName: 'World', bylines: [{ slug: 'ann', name: 'Ann' }] });
      expect(newest.publishedAt).toEqual(new Date(base + 22 * hour));
      const second = await listLatestArticles(2);
      expect(slugs(second.items)).toEqual(['world-6', 'world-5', 'world-4', 'world-3', 'world-2', 'world-1', 'featured-older', 'undated']);
      expect((await listLatestArticles(1, ids.subject)).items[0]!.slug).toBe('same-section');
      expect((await listLatestArticles(1, ids.subject)).total).toBe(published - 1);
    });

    it('leads with the newest featured story', async () => {
      expect(await getLeadArticle()).toMatchObject({ slug: 'featured-older', bylines: [{ slug: 'bob' }, { slug: 'ann' }] });
    });

    it("lists a section's, an author's and a topic's stories", async () => {
      expect(slugs((await listSectionArticles(sportId, 'sport', 1)).items)).toEqual(['subject', 'same-section', 'featured-older']);
      const bobs = await listAuthorArticles(bob, 'bob', 1);
      expect([slugs(bobs.items), bobs.total]).toEqual([['subject', 'same-section', 'featured-older'], 3]);
      expect(slugs((await listTagArticles(topic.tax!, 'tax', 1)).items)).toEqual(['subject', 'shares-one', 'shares-two']);
      expect(await listTagArticles(topic.rail!, 'rail', 2)).toMatchObject({ items: [], total: 1, pageCount: 1 });
    });
  });

  describe('pages', () => {
    it('gives a published story with its topics in order and its corrections oldest first; nothing for a draft', async () => {
      const article = (await getArticleBySlug('subject'))!;
      expect(article).toMatchObject({ slug: 'subject', body: 'Body of subject', sectionId: sportId, commentsOpen: true, bylines: [{ slug: 'bob' }] });
      expect(article.tags).toEqual([
        { slug: 'tax', name: 'TAX' },
        { slug: 'health', name: 'HEALTH' },
      ]);
      expect(article.corrections.map((row) => row.text)).toEqual(['First note', 'Second note']);
      expect(await getArticleBySlug('a-draft')).toBeNull();
      expect((await getPreviewArticle(ids['a-draft']!))?.slug).toBe('a-draft');
      expect(await getPreviewArticle(999_999)).toBeNull();
    });

    it('leads a former address to the story and an author’s to the byline, never to a draft', async () => {
      expect(await findMovedArticle('subject-old')).toBe('/sport/subject');
      expect(await findMovedArticle('draft-old')).toBeNull();
      expect(await findMovedArticle('never')).toBeNull();
      // The same, uncached, for the proxy, with the story's own address as well.
      for (const slug of ['subject', 'subject-old']) expect(await storyAddressOf(slug), slug).toEqual({ id: ids.subject, path: '/sport/subject' });
      for (const slug of ['draft-old', 'a-draft', 'never']) expect(await storyAddressOf(slug), slug).toBeNull();
      expect(await findMovedAuthor('bobby')).toBe('bob');
      expect(await findMovedAuthor('nobody')).toBeNull();
    });

    it('reads a published story for the comment form, fresh', async () => {
      expect(await findArticleForComment(ids.subject!)).toEqual({ id: ids.subject, slug: 'subject', sectionSlug: 'sport', commentsOpen: true, publishedAt: new Date(base + 100 * hour) });
      expect(await findArticleForComment(ids['a-draft']!)).toBeNull();
    });

    it('offers three to read next: most topics in common, then the same section', async () => {
      expect(slugs(await listRelatedArticles(ids.subject!, sportId))).toEqual(['shares-two', 'shares-one', 'same-section']);
      expect(slugs(await listRelatedArticles(ids['world-1']!, worldId))).toEqual(['shares-one', 'shares-two', 'world-22']);
    });
  });
}
