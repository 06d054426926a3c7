import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseOldAddress } from '@/lib/wordpress/old-addresses';
import { insertStoryRow } from '@/test/story';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { articles, authors, comments, sections, tags as tagTable, wordpressComments, wordpressPosts, wordpressSites, wordpressTerms } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});
// Outside Next, 'use cache' is a plain string: the functions run each time, and their tags are recorded here.
const cacheTags = vi.hoisted(() => new Set<string>());
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: (...names: string[]) => names.forEach((name) => cacheTags.add(name)) }));

const { db } = (await import('./client')) as { db: Db };
const { findOldAddressTarget } = await import('./wordpress-addresses');
const { approvedCommentsQuery } = await import('./comments');

runMigrations(db);
afterAll(() => db.$client.close());

let newsId = 0;
let worldId = 0;
let authorId = 0;
let topicId = 0;
let oldSite = 0;
let newSite = 0;

function story(slug: string, sectionId = newsId, status: 'draft' | 'published' = 'published') {
  return insertStoryRow(db, { slug, sectionId, authorId, headline: slug, body: 'Text', status, publishedAt: status === 'published' ? new Date() : null }).id;
}

function mapPost(siteId: number, wpId: number, articleId: number, slug: string, path: string) {
  db.insert(wordpressPosts).values({ siteId, wpId, articleId, slug, path, sourceHash: 'x' }).run();
}

async function target(url: string) {
  const [pathname = '', query = ''] = url.split('?');
  const address = parseOldAddress(pathname, new URLSearchParams(query));
  return address && findOldAddressTarget(address);
}

beforeAll(async () => {
  newsId = db.insert(sections).values({ slug: 'news', name: 'News' }).returning().get().id;
  worldId = db.insert(sections).values({ slug: 'world', name: 'World' }).returning().get().id;
  authorId = db.insert(authors).values({ slug: 'ada-quill', name: 'Ada Quill' }).returning().get().id;
  topicId = db.insert(tagTable).values({ slug: 'budget', name: 'Budget' }).returning().get().id;
  oldSite = db.insert(wordpressSites).values({ baseUrl: 'https://old.example', createdAt: new Date('2025-01-01') }).returning().get().id;
  newSite = db.insert(wordpressSites).values({ baseUrl: 'https://new.example', createdAt: new Date('2025-06-01') }).returning().get().id;

  mapPost(oldSite, 123, story('council-vote'), 'council-vote', '/2025/02/12/council-vote');
  mapPost(oldSite, 124, story('été-story'), '%c3%a9t%c3%a9-story', '/2025/02/12/été-story');
  mapPost(oldSite, 125, story('still-a-draft', newsId, 'draft'), 'still-a-draft', '/2025/02/12/still-a-draft');
  // The same slug imported from two sites: the newer site's story wins.
  mapPost(oldSite, 200, story('shared-old'), 'shared', '/shared');
  mapPost(newSite, 300, story('shared-new', worldId), 'shared', '/2025/shared');

  db.insert(wordpressTerms)
    .values([
      { siteId: oldSite, taxonomy: 'category', slug: 'politics', wpId: 5, sectionId: worldId },
      { siteId: oldSite, taxonomy: 'category', slug: 'tax', wpId: 6, sectionId: null, tagId: topicId },
      { siteId: oldSite, taxonomy: 'post_tag', slug: 'budget-2025', wpId: 9, tagId: topicId },
      { siteId: oldSite, taxonomy: 'author', slug: 'ada', wpId: 2, authorId },
      { siteId: oldSite, taxonomy: 'category', slug: 'both', sectionId: newsId },
      { siteId: newSite, taxonomy: 'category', slug: 'both', sectionId: worldId },
    ])
    .run();
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
    const draft = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, 'still-a-draft')).get()!;
    expect(cacheTags).toContain(`article:${draft.id}`);
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

describe('findOldAddressTarget: comment pages', () => {
  it("leads ?cpage=N to the story's comment page N when the thread has it, else to page 1", async () => {
    const articleId = story('busy-thread');
    mapPost(oldSite, 400, articleId, 'busy-thread', '/busy-thread');
    const base = new Date('2025-03-01T00:00:00Z').getTime();
    db.insert(comments)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          articleId,
          authorName: `Reader ${i}`,
          authorEmail: `r${i}@example.com`,
          body: `Comment ${i}`,
          status: 'approved' as const,
          ip: '192.0.2.1',
          createdAt: new Date(base + i * 60_000),
        })),
      )
      .run();
    expect(await target('/?p=400&cpage=2')).toBe('/news/busy-thread?cpage=2');
    expect(await target('/busy-thread/comment-page-2')).toBe('/news/busy-thread?cpage=2');
    expect(await target('/?p=400&cpage=3')).toBe('/news/busy-thread');
    expect(await target('/?p=400&cpage=1')).toBe('/news/busy-thread');
    expect(cacheTags).toContain(`comments:${articleId}`);
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

describe("a story's approved comments", () => {
  it('carry the id each had on the WordPress site, if it came from one', async () => {
    const articleId = story('imported-thread');
    const [imported, ours] = db
      .insert(comments)
      .values(['Imported', 'Ours'].map((body) => ({ articleId, authorName: body, authorEmail: 'x@example.com', body, status: 'approved' as const, ip: '' })))
      .returning({ id: comments.id })
      .all();
    db.insert(wordpressComments).values({ siteId: oldSite, wpId: 77, commentId: imported!.id, sourceHash: 'x' }).run();
    const rows = approvedCommentsQuery(articleId).all();
    expect(rows.map((row) => [row.id, row.wordpressId])).toEqual([
      [imported!.id, 77],
      [ours!.id, null],
    ]);
  });
});
