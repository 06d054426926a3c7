/**
 * db/wordpress-addresses.ts's cases, run on SQLite (wordpress-addresses.test.ts) and on PostgreSQL
 * (wordpress-addresses.pg.test.ts). The calling file mocks 'next/cache' and records the tags in
 * `cacheTags`.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOldAddress } from '@/lib/wordpress/old-addresses';
import { insertStory } from '@/test/content-rows';
import type { Db } from './client';
import { articles, authors, sections, tags as tagTable, wordpressPosts, wordpressSites, wordpressTerms } from './schema';
import { findOldAddressTarget } from './wordpress-addresses';

export type WordpressFixture = {
  newsId: number;
  oldSite: number;
  /** A published story (or not) in News by default; its id. */
  story(slug: string, sectionId?: number, status?: 'draft' | 'published'): Promise<number>;
  mapPost(siteId: number, wpId: number, articleId: number, slug: string, path: string): Promise<void>;
  target(url: string): Promise<string | null>;
};

export function wordpressAddressCases(db: Db, cacheTags: Set<string>): WordpressFixture {
  let worldId = 0;
  let authorId = 0;
  let topicId = 0;
  let newSite = 0;

  const fixture: WordpressFixture = {
    newsId: 0,
    oldSite: 0,
    async story(slug, sectionId = fixture.newsId, status = 'published') {
      return (await insertStory(db, { slug, sectionId, authorIds: [authorId], headline: slug, body: 'Text', status, publishedAt: status === 'published' ? new Date() : null })).id;
    },
    async mapPost(siteId, wpId, articleId, slug, path) {
      await db.insert(wordpressPosts).values({ siteId, wpId, articleId, slug, path, sourceHash: 'x' });
    },
    async target(url) {
      const [pathname = '', query = ''] = url.split('?');
      const address = parseOldAddress(pathname, new URLSearchParams(query));
      return address && findOldAddressTarget(address);
    },
  };
  const { story, mapPost, target } = fixture;

  beforeAll(async () => {
    const id = (rows: { id: number }[]) => rows[0]!.id;
    fixture.newsId = id(await db.insert(sections).values({ slug: 'news', name: 'News' }).returning());
    worldId = id(await db.insert(sections).values({ slug: 'world', name: 'World' }).returning());
    authorId = id(await db.insert(authors).values({ slug: 'ada-quill', name: 'Ada Quill' }).returning());
    topicId = id(await db.insert(tagTable).values({ slug: 'budget', name: 'Budget' }).returning());
    const oldSite = (fixture.oldSite = id(await db.insert(wordpressSites).values({ baseUrl: 'https://old.example', createdAt: new Date('2025-01-01') }).returning()));
    newSite = id(await db.insert(wordpressSites).values({ baseUrl: 'https://new.example', createdAt: new Date('2025-06-01') }).returning());
    const newsId = fixture.newsId;

    await mapPost(oldSite, 123, await story('council-vote'), 'council-vote', '/2025/02/12/council-vote');
    await mapPost(oldSite, 124, await story('été-story'), '%c3%a9t%c3%a9-story', '/2025/02/12/été-story');
    await mapPost(oldSite, 125, await story('still-a-draft', newsId, 'draft'), 'still-a-draft', '/2025/02/12/still-a-draft');
    // The same slug imported from two sites: the newer site's story wins.
    await mapPost(oldSite, 200, await story('shared-old'), 'shared', '/shared');
    await mapPost(newSite, 300, await story('shared-new', worldId), 'shared', '/2025/shared');

    await db.insert(wordpressTerms).values([
      { siteId: oldSite, taxonomy: 'category', slug: 'politics', wpId: 5, sectionId: worldId },
      { siteId: oldSite, taxonomy: 'category', slug: 'tax', wpId: 6, sectionId: null, tagId: topicId },
      { siteId: oldSite, taxonomy: 'post_tag', slug: 'budget-2025', wpId: 9, tagId: topicId },
      { siteId: oldSite, taxonomy: 'author', slug: 'ada', wpId: 2, authorId },
      { siteId: oldSite, taxonomy: 'category', slug: 'both', sectionId: newsId },
      { siteId: newSite, taxonomy: 'category', slug: 'both', sectionId: worldId },
    ]);
  });

  beforeEach(() => cacheTags.clear());

  describe('findOldAddressTarget: posts', () => {
    it('leads every form of an imported post to its story', async () => {
      for (const url of ['/2025/02/12/council-vote', '/council-vote', '/2025/02/council-vote', '/politics/council-vote', '/archives/123', '/?p=123']) {
        expect(await target(url), url).toBe('/news/council-vote');
      }
    });

    it('finds a slug WordPress kept percent-encoded, and an exact path', async () => {
      expect(await target('/%C3%A9t%C3%A9-story')).toBe('/news/été-story');
      expect(await target('/2025/02/12/%C3%A9t%C3%A9-story/')).toBe('/news/été-story');
    });

    it("leads a post's feed to its comments feed", async () => {
      expect(await target('/2025/02/12/council-vote/feed')).toBe('/news/council-vote/feed.xml');
      expect(await target('/?p=123&feed=rss2')).toBe('/news/council-vote/feed.xml');
    });

    it("answers nothing for a story that is not published, under the tag that its publication updates", async () => {
      expect(await target('/2025/02/12/still-a-draft')).toBeNull();
      const [draft] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, 'still-a-draft'));
      expect(draft).toBeDefined();
      expect(cacheTags).toContain(`article:${draft!.id}`);
      expect(cacheTags).toContain('wordpress-addresses');
    });

    it('answers nothing for what was never imported, under the tag an import expires', async () => {
      expect(await target('/2025/02/12/never-imported')).toBeNull();
      expect(await target('/?p=999')).toBeNull();
      expect([...cacheTags]).toEqual(['wordpress-addresses']);
    });

    it('lets the most recently created site win a key two sites share', async () => {
      expect(await target('/shared')).toBe('/news/shared-old');
      // The exact path is the old site's, but the slug alone is both: the newer site decides.
      expect(await target('/2024/shared')).toBe('/world/shared-new');
    });
  });

  describe('findOldAddressTarget: archives, feeds, search', () => {
    it('leads a category to its section, or to its topic when it became one', async () => {
      expect(await target('/category/politics')).toBe('/world');
      expect(await target('/category/uk/politics/page/2')).toBe('/world?page=2');
      expect(await target('/?cat=5')).toBe('/world');
      expect(await target('/category/politics/feed')).toBe('/world/feed.xml');
      expect(await target('/?cat=5&feed=atom')).toBe('/world/atom.xml');
      expect(await target('/category/tax')).toBe('/tags/budget');
      expect(await target('/category/both')).toBe('/world');
      expect(cacheTags).toContain('section:world');
    });

    it('leads a tag to its topic and an author to its byline', async () => {
      expect(await target('/tag/budget-2025')).toBe('/tags/budget');
      expect(await target('/?tag=budget-2025')).toBe('/tags/budget');
      expect(await target('/?tag_id=9')).toBe('/tags/budget');
      expect(await target('/tag/budget-2025/feed')).toBe('/feed.xml');
      expect(await target('/author/ada')).toBe('/authors/ada-quill');
      expect(await target('/?author=2')).toBe('/authors/ada-quill');
      expect(await target('/author/ada/feed/atom')).toBe('/authors/ada-quill/atom.xml');
      expect(await target('/author/nobody')).toBeNull();
      expect(await target('/?author=3')).toBeNull();
      // A taxonomy's slug names nothing in another taxonomy.
      expect(await target('/tag/politics')).toBeNull();
    });

    it("leads the site's feeds, a search and the home pages to ours", async () => {
      expect(await target('/feed')).toBe('/feed.xml');
      expect(await target('/feed/atom')).toBe('/atom.xml');
      expect(await target('/?feed=rss2')).toBe('/feed.xml');
      expect(await target('/comments/feed')).toBe('/feed.xml');
      expect(await target('/?s=budget+%26+tax')).toBe('/search?q=budget%20%26%20tax');
      expect(await target('/?s=tax&paged=2')).toBe('/search?q=tax&page=2');
      expect(await target('/?s=')).toBe('/search');
      expect(await target('/page/2')).toBe('/?page=2');
      expect(await target('/?paged=1')).toBe('/');
    });
  });

  return fixture;
}
