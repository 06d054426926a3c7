/**
 * db/feeds.ts's cases (feeds and sitemaps), run on SQLite (feeds.test.ts) and on PostgreSQL
 * (feeds.pg.test.ts). The calling file points the app's `db` at a fresh database and mocks
 * 'server-only' and 'next/cache'.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAuthor, insertSection, insertStory, insertTopic } from '../test/content-rows';
import type { Db } from './client';
import { FEED_SIZE, getAuthorFeed, getCommentFeed, getSectionFeed, listFeedArticles, listNewsSitemapArticles, listSitemapEntries } from './feeds';
import { comments } from './schema';

export function feedCases(db: Db) {
  const now = Date.now();
  const hour = 3_600_000;
  const at = (hoursAgo: number) => new Date(now - hoursAgo * hour);

  beforeAll(async () => {
    const news = (await insertSection(db, 'news', 1)).id;
    const arts = (await insertSection(db, 'arts', 2)).id;
    await insertSection(db, 'empty', 3);
    const kim = (await insertAuthor(db, 'kim', 'Kim')).id;
    const lee = (await insertAuthor(db, 'lee', 'Lee')).id;
    const rail = (await insertTopic(db, 'rail', 'Rail')).id;
    const story = (slug: string, values: Partial<Parameters<typeof insertStory>[1]>) =>
      insertStory(db, { slug, sectionId: news, authorIds: [kim], headline: slug, body: 'x', status: 'published', ...values });
    for (let i = 1; i <= 22; i++) await story(`old-${i}`, { publishedAt: at(100 + i) });
    // News changed last 5 hours ago (an update to an older story); Arts last 1 hour ago.
    await story('recent', { publishedAt: at(10), updatedAt: at(5), tagIds: [rail] });
    await story('arts-new', { publishedAt: at(1), sectionId: arts, authorIds: [lee], tagIds: [rail] });
    await story('arts-old', { publishedAt: at(60), sectionId: arts, authorIds: [lee] });
    // A draft's change moves nothing.
    await story('draft', { status: 'draft', publishedAt: null, updatedAt: at(0.5), sectionId: arts, authorIds: [lee], tagIds: [rail] });
    const recent = await story('with-comments', { publishedAt: at(200) });
    await db.insert(comments).values([
      { articleId: recent.id, authorName: 'First', authorEmail: 'first@example.com', authorUrl: 'https://first.example', body: 'Older', status: 'approved', ip: '192.0.2.1', createdAt: at(3) },
      { articleId: recent.id, authorName: 'Second', authorEmail: 'second@example.com', body: 'Newer', status: 'approved', ip: '192.0.2.2', createdAt: at(2) },
      { articleId: recent.id, authorName: 'Held', authorEmail: 'held@example.com', body: 'Pending', status: 'pending', createdAt: at(1) },
    ]);
  });

  describe('feeds', () => {
    it('lists the latest stories newest first, a section’s and an author’s, or null for unknown ones', async () => {
      const items = await listFeedArticles();
      expect(items).toHaveLength(FEED_SIZE);
      expect(items.slice(0, 3).map((item) => item.slug)).toEqual(['arts-new', 'recent', 'arts-old']);
      expect(items[0]).toMatchObject({ sectionSlug: 'arts', sectionName: 'Arts', bylines: [{ slug: 'lee', name: 'Lee' }] });
      expect((await getSectionFeed('arts'))?.items.map((item) => item.slug)).toEqual(['arts-new', 'arts-old']);
      expect(await getSectionFeed('nowhere')).toBeNull();
      expect((await getAuthorFeed('lee'))?.items.map((item) => item.slug)).toEqual(['arts-new', 'arts-old']);
      expect(await getAuthorFeed('nobody')).toBeNull();
    });

    it("gives a story's approved comments newest first, without what commenters keep private", async () => {
      const feed = (await getCommentFeed('with-comments'))!;
      expect(feed.items.map((item) => item.body)).toEqual(['Newer', 'Older']);
      expect(feed.items[1]).toEqual({ id: expect.any(Number), authorName: 'First', authorUrl: 'https://first.example', body: 'Older', createdAt: at(3) });
      expect(await getCommentFeed('draft')).toBeNull();
    });
  });

  describe('sitemaps', () => {
    it('gives each section, author and topic the time of its last published change, as a Date', async () => {
      const entries = await listSitemapEntries();
      expect(entries.homeLastModified).toEqual(at(1));
      expect(entries.articles.map((row) => row.slug).slice(0, 2)).toEqual(['arts-new', 'recent']);
      expect(entries.sections).toEqual([
        { slug: 'news', lastModified: at(5) },
        { slug: 'arts', lastModified: at(1) },
        { slug: 'empty', lastModified: null },
      ]);
      expect(entries.authors).toEqual([
        { slug: 'kim', lastModified: at(5) },
        { slug: 'lee', lastModified: at(1) },
      ]);
      expect(entries.tags).toEqual([{ slug: 'rail', lastModified: at(1) }]);
    });

    it('lists the stories of the last two days for Google News', async () => {
      expect((await listNewsSitemapArticles()).map((row) => row.slug)).toEqual(['arts-new', 'recent']);
    });
  });
}
