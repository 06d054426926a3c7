import { eq } from 'drizzle-orm';
import { expireTags } from '../db/cache-tags';
import type { Db } from '../db/client';
import { articles, authors, comments, sections, tags as topics, wordpressComments, wordpressPosts, wordpressSites, wordpressTerms } from '../db/schema';
import { tags } from '../db/tags';
import { insertStoryRow } from '../test/story';
import { expect, locations, makeArticle, test, type TestArticle, uniqueSlug } from './fixtures';

/**
 * Old WordPress addresses, as an import leaves them in the database (the mapping rows are written
 * straight here, as the importer writes them): each answers with a permanent redirect to its new
 * address, or a 404. docs/wordpress-addresses.md lists the forms and why some answer 308.
 */

/** Large, random WordPress ids, so that no test's `/?p=` meets another's. */
const wpId = () => 1_000_000 + Math.floor(Math.random() * 1_000_000_000);

async function importedSite(db: Db) {
  const [site] = await db.insert(wordpressSites).values({ baseUrl: `https://${uniqueSlug('site')}.example`, createdAt: new Date() }).returning();
  return site!.id;
}

/** A story as an imported WordPress post: its old slug, permalink path and id. */
async function importedPost(db: Db, siteId: number, article: { id: number }) {
  const slug = uniqueSlug('wp-post');
  const post = { slug, path: `/2025/02/12/${slug}`, wpId: wpId() };
  await db.insert(wordpressPosts).values({ siteId, articleId: article.id, sourceHash: 'e2e', ...post });
  return post;
}

async function expectRedirect(request: import('@playwright/test').APIRequestContext, from: string, status: number, to: string) {
  const response = await request.get(from, { maxRedirects: 0 });
  expect(response.status(), from).toBe(status);
  expect(locations(response), from).toEqual([to]);
}

test('every address of an imported post answers with a permanent redirect to its story', async ({ request, db }) => {
  const article = await makeArticle(db);
  const post = await importedPost(db, await importedSite(db), article);

  // Paths no route of ours holds, and the forms only WordPress has: a real 301, from the old-address handler.
  for (const from of [post.path, `/2025/02/${post.slug}`, `/news/uk/${post.slug}`, `/archives/${post.wpId}`, `/?p=${post.wpId}`, `/?p=${post.wpId}&page=2`]) {
    await expectRedirect(request, from, 301, article.path);
  }
  await expectRedirect(request, `${post.path}/feed`, 301, `${article.path}/feed.xml`);
  await expectRedirect(request, `/?p=${post.wpId}&feed=rss2`, 301, `${article.path}/feed.xml`);
  // No second page of comments yet: the story itself.
  await expectRedirect(request, `/?p=${post.wpId}&cpage=2`, 301, article.path);
  // One or two segments are our section and story routes: a page can answer 308, not 301.
  for (const from of [`/${post.slug}`, `/politics/${post.slug}`, `/${post.slug}/comment-page-2`]) {
    await expectRedirect(request, from, 308, article.path);
  }
  await expectRedirect(request, `/${post.slug}/feed`, 308, `${article.path}/feed.xml`);
  // Next takes the trailing slash off first, with its own 308.
  await expectRedirect(request, `${post.path}/`, 308, post.path);

  const followed = await request.get(`${post.path}/`);
  expect(followed.status()).toBe(200);
  expect(await followed.text()).toContain(article.headline);
});

test('categories, tags, authors, feeds, searches and home pages lead to ours', async ({ request, db }) => {
  const siteId = await importedSite(db);
  const world = (await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'world')))[0]!;
  const author = (await db.select({ id: authors.id, slug: authors.slug }).from(authors).orderBy(authors.id).limit(1))[0]!;
  const topic = (await db.insert(topics).values({ slug: uniqueSlug('topic'), name: 'Imported topic' }).returning())[0]!;
  const [category, tag, login] = [uniqueSlug('category'), uniqueSlug('tag'), uniqueSlug('login')];
  const [catId, tagId, authorId] = [wpId(), wpId(), wpId()];
  await db.insert(wordpressTerms).values([
    { siteId, taxonomy: 'category', slug: category, wpId: catId, sectionId: world.id },
    { siteId, taxonomy: 'post_tag', slug: tag, wpId: tagId, tagId: topic.id },
    { siteId, taxonomy: 'author', slug: login, wpId: authorId, authorId: author.id },
  ]);

  const answers: [string, number, string][] = [
    [`/category/${category}`, 301, '/world'],
    [`/category/${category}/`, 308, `/category/${category}`],
    [`/category/parent/${category}`, 301, '/world'],
    [`/category/${category}/page/2`, 301, '/world?page=2'],
    [`/category/${category}/feed`, 301, '/world/feed.xml'],
    [`/?cat=${catId}`, 301, '/world'],
    [`/tag/${tag}`, 301, `/tags/${topic.slug}`],
    [`/?tag=${tag}`, 301, `/tags/${topic.slug}`],
    [`/author/${login}`, 301, `/authors/${author.slug}`],
    [`/?author=${authorId}`, 301, `/authors/${author.slug}`],
    [`/author/${login}/feed`, 301, `/authors/${author.slug}/feed.xml`],
    ['/feed', 301, '/feed.xml'],
    ['/feed/', 308, '/feed'],
    ['/feed/rss2', 301, '/feed.xml'],
    ['/feed/atom', 301, '/atom.xml'],
    ['/rss', 301, '/feed.xml'],
    ['/?feed=rss2', 301, '/feed.xml'],
    ['/comments/feed', 301, '/feed.xml'],
    ['/?s=budget+tax', 301, '/search?q=budget%20tax'],
    ['/page/2', 301, '/?page=2'],
    ['/?paged=2', 301, '/?page=2'],
  ];
  for (const [from, status, to] of answers) await expectRedirect(request, from, status, to);

  const search = await request.get('/?s=budget+tax');
  expect(search.url()).toMatch(/\/search\?q=budget%20tax$/);
  expect(await search.text()).toContain('value="budget tax"');
});

test('what was never imported, a page and a story not yet published answer 404 until they are', async ({ request, db }) => {
  const siteId = await importedSite(db);
  const news = (await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'news')))[0]!;
  const author = (await db.select({ id: authors.id }).from(authors).orderBy(authors.id).limit(1))[0]!;
  const draft = await insertStoryRow(db, { slug: uniqueSlug('draft'), sectionId: news.id, authorId: author.id, headline: 'A draft', body: 'Not yet.', status: 'draft' });
  const post = await importedPost(db, siteId, draft);

  for (const from of [post.path, `/?p=${post.wpId}`, `/${post.slug}`, `/2025/02/12/${uniqueSlug('never')}`, '/?page_id=7', `/category/${uniqueSlug('none')}`]) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(404);
    expect(await response.text(), from).toContain('We couldn’t find that page');
  }

  // Published (and its tag expired, as the desk's save does): the old address leads to it at once.
  await db.update(articles).set({ status: 'published', publishedAt: new Date() }).where(eq(articles.id, draft.id));
  await expireTags([tags.article(draft.id)], Date.now(), db);
  await expectRedirect(request, post.path, 301, `/news/${draft.slug}`);
  await expectRedirect(request, `/${post.slug}`, 308, `/news/${draft.slug}`);

  // A mapping an import adds later is found once the import expires the tag of every old address.
  const later = await makeArticle(db);
  const missing = `/2025/02/12/${uniqueSlug('later')}`;
  expect((await request.get(missing, { maxRedirects: 0 })).status()).toBe(404);
  await db.insert(wordpressPosts).values({ siteId, wpId: wpId(), articleId: later.id, slug: missing.split('/').at(-1)!, path: missing, sourceHash: 'e2e' });
  await expireTags([tags.wordpressAddresses], Date.now(), db);
  await expectRedirect(request, missing, 301, later.path);
});

/** `count` approved top-level comments, a minute apart; their ids in order. */
async function addThread(db: Db, article: TestArticle, count: number) {
  const start = Date.now() - 24 * 3_600_000;
  const rows = await db
    .insert(comments)
    .values(
      Array.from({ length: count }, (_, i) => ({
        articleId: article.id,
        authorName: `Reader ${i + 1}`,
        authorEmail: `reader${i + 1}@example.com`,
        body: `Comment number ${i + 1} on ${article.slug}`,
        status: 'approved' as const,
        ip: '192.0.2.1',
        createdAt: new Date(start + i * 60_000),
      })),
    )
    .returning({ id: comments.id });
  // In the order inserted: one statement's ids rise with its rows on both engines.
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

test("an imported comment's old link lands on it, on the right page of the thread", async ({ page, db }) => {
  const article = await makeArticle(db);
  const siteId = await importedSite(db);
  const post = await importedPost(db, siteId, article);
  // 55 top-level comments: 50 a page, so the 53rd is on page 2.
  const ids = await addThread(db, article, 55);
  const [early, late] = [wpId(), wpId()];
  await db.insert(wordpressComments).values([
    { siteId, wpId: early, commentId: ids[2]!, sourceHash: 'e2e' },
    { siteId, wpId: late, commentId: ids[52]!, sourceHash: 'e2e' },
  ]);

  await page.goto(`${post.path}/#comment-${early}`);
  expect(page.url()).toMatch(new RegExp(`${article.path}#comment-${early}$`));
  await expect(page.locator(':target')).toHaveAttribute('id', `comment-${early}`);
  await expect(page.locator(`li#comment-${ids[2]}`).locator(`#comment-${early}`)).toHaveCount(1);
  await expect(page.locator(`li#comment-${ids[2]}`).getByText(`Comment number 3 on ${article.slug}`)).toBeInViewport();

  await page.goto(`/?p=${post.wpId}&cpage=2#comment-${late}`);
  expect(page.url()).toMatch(new RegExp(`${article.path}\\?cpage=2#comment-${late}$`));
  await expect(page.locator(':target')).toHaveAttribute('id', `comment-${late}`);
  await expect(page.locator(`li#comment-${ids[52]}`).getByText(`Comment number 53 on ${article.slug}`)).toBeInViewport();
});

test("an imported comment's old anchor is left out where it would repeat an id on the page", async ({ request, db }) => {
  const article = await makeArticle(db);
  const siteId = await importedSite(db);
  const [first, second] = await addThread(db, article, 2);
  // Its WordPress id is the id of our own comment beside it.
  await db.insert(wordpressComments).values({ siteId, wpId: first!, commentId: second!, sourceHash: 'e2e' });
  const html = await (await request.get(article.path)).text();
  expect(html.match(new RegExp(`id="comment-${first}"`, 'g'))).toHaveLength(1);
  expect(html).not.toContain('comment-anchor');
});

test('an ordinary story page is served as before: cached, with nothing of WordPress in it', async ({ request, db }) => {
  const article = await makeArticle(db);
  await addThread(db, article, 3);
  const first = await request.get(article.path, { maxRedirects: 0 });
  expect(first.status()).toBe(200);
  const again = await request.get(article.path, { maxRedirects: 0 });
  expect(again.status()).toBe(200);
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');
  expect(again.headers()['cache-control']).toMatch(/^s-maxage=60, stale-while-revalidate=\d+$/);
  expect(again.headers()['location']).toBeUndefined();
  const html = await again.text();
  expect(html).toContain(article.headline);
  expect(html).not.toContain('comment-anchor');
});
