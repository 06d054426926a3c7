import type { APIRequestContext, APIResponse } from '@playwright/test';
import { desc, eq, max } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Db } from '../db/client';
import { articleAuthors, articles, articleTags, authors, comments, sections, tags } from '../db/schema';
import { addApprovedComment, addComment, expect, leadStory, makeArticle, makeDesk, test, type TestArticle, uniqueSlug } from './fixtures';
import { insertStoryRow } from '../test/story';

// Feeds, sitemaps, social tags, structured data and search. The site-wide feeds and sitemaps are
// cached on their first request, so each of them is requested by one test only, after it has made
// its data; every other test works on stories, sections and authors of its own.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const hour = 3_600_000;
/** Something shaped like an email address, anywhere in a response. */
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

type RssItem = { title: string; link: string; pubDate: string; description?: string; guid: unknown };
type AtomEntry = { title: { '#text': string } | string; link: { '@href': string }; published: string; updated: string };

async function xmlOf(response: APIResponse, contentType: RegExp) {
  expect(response.status(), response.url()).toBe(200);
  expect(response.headers()['content-type']).toMatch(contentType);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), response.url()).toBe(true);
  expect(xml, 'no email in a public feed or sitemap').not.toMatch(EMAIL);
  return { xml, doc: parser.parse(xml) };
}

async function rss(request: APIRequestContext, path: string) {
  const { doc } = await xmlOf(await request.get(path), /^application\/rss\+xml; charset=utf-8/);
  expect(doc.rss['@version']).toBe('2.0');
  return { channel: doc.rss.channel, items: list<RssItem>(doc.rss.channel.item) };
}

async function atom(request: APIRequestContext, path: string) {
  const { doc } = await xmlOf(await request.get(path), /^application\/atom\+xml; charset=utf-8/);
  expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  return list<AtomEntry>(doc.feed.entry);
}

const pathOf = (url: string) => new URL(url).pathname;
const slugOf = (url: string) => pathOf(url).split('/').pop()!;

/** A made-up word that no story holds, in letters only so that it is one search term. */
function uniqueWord(prefix: string) {
  const letters = crypto
    .randomUUID()
    .replace(/-/g, '')
    .slice(0, 12)
    .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)]!);
  return `${prefix}${letters}`;
}

async function setArticle(db: Db, id: number, values: Partial<typeof articles.$inferInsert>) {
  await db.update(articles).set(values).where(eq(articles.id, id));
}

async function seededDraft(db: Db) {
  const [draft] = await db
    .select({ slug: articles.slug, sectionSlug: sections.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.status, 'draft'))
    .orderBy(articles.id)
    .limit(1);
  expect(draft, 'the sample content has a draft').toBeTruthy();
  return draft!;
}

async function maxArticleId(db: Db) {
  const [row] = await db.select({ id: max(articles.id) }).from(articles);
  return row?.id ?? 0;
}

/**
 * The 20 newest published stories as a feed made now should list them. Stories that other tests
 * write at the same time are taken into account only when the feed lists them: any written before
 * the request must be there, and a later one cannot be.
 */
async function expectedLatest(db: Db, idBefore: number, listed: string[]) {
  const rows = await db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  return rows
    .filter((row) => row.id <= idBefore || listed.includes(row.slug))
    .slice(0, 20)
    .map((row) => row.slug);
}

test.describe('feeds', () => {
  test('the site feeds list the latest 20 published stories, newest first, in RSS and Atom', async ({ request, db, baseURL }) => {
    // Enough stories of its own that the feed is full whatever else the database holds.
    const own: TestArticle[] = [];
    for (let i = 0; i < 20; i++) own.push(await makeArticle(db, { publishedAt: new Date(Date.now() - (i + 1) * 1000) }));
    const fresh = own[0]!;
    const hidden = await makeArticle(db, { publishedAt: new Date() });
    await setArticle(db, hidden.id, { status: 'draft' });
    const draft = await seededDraft(db);
    const idBefore = await maxArticleId(db);

    const { channel, items } = await rss(request, '/feed.xml');
    expect(channel.link).toBe(`${baseURL}/`);
    expect(channel['atom:link']['@href']).toBe(`${baseURL}/feed.xml`);
    expect(items).toHaveLength(20);
    const slugs = items.map((item) => slugOf(item.link));
    expect(slugs).toEqual(await expectedLatest(db, idBefore, slugs));
    expect(slugs).toContain(fresh.slug);
    expect(slugs).not.toContain(hidden.slug);
    expect(slugs).not.toContain(draft.slug);
    const times = items.map((item) => Date.parse(item.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const item of items) expect(item.link).toMatch(new RegExp(`^${baseURL}/[a-z0-9-]+/[a-z0-9-]+$`));
    expect(items.find((item) => item.link.endsWith(fresh.path))!.title).toBe(fresh.headline);

    const entries = await atom(request, '/atom.xml');
    expect(entries.map((entry) => slugOf(entry.link['@href']))).toEqual(slugs);
    for (const entry of entries) expect(Date.parse(entry.published)).toBeGreaterThan(0);
  });

  test('section and author feeds list their own latest 20 in order, drafts left out', async ({ request, db, baseURL }) => {
    const desk = await makeDesk(db, 23);
    const draft = await insertStoryRow(db, {
      slug: uniqueSlug('desk-draft'),
      sectionId: desk.section.id,
      authorId: desk.author.id,
      headline: 'An unpublished desk story',
      body: 'Not yet.',
      status: 'draft',
      publishedAt: new Date(),
    });
    const expected = desk.stories.slice(0, 20).map((story) => story.slug);

    for (const path of [`/${desk.section.slug}/feed.xml`, `/authors/${desk.author.slug}/feed.xml`]) {
      const { channel, items } = await rss(request, path);
      expect(channel['atom:link']['@href']).toBe(`${baseURL}${path}`);
      expect(items.map((item) => slugOf(item.link)), path).toEqual(expected);
      expect(items[0]!.title).toBe(desk.stories[0]!.headline);
      expect(items.map((item) => item.link)).not.toContain(`${baseURL}/${desk.section.slug}/${draft!.slug}`);
    }
    for (const path of [`/${desk.section.slug}/atom.xml`, `/authors/${desk.author.slug}/atom.xml`]) {
      const entries = await atom(request, path);
      expect(entries.map((entry) => slugOf(entry.link['@href'])), path).toEqual(expected);
    }
  });

  test('a story’s comment feed lists its approved comments, newest first, without emails', async ({ request, db, baseURL }) => {
    const article = await makeArticle(db);
    const secret = `reader-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const bodies = ['First approved comment', 'Second approved comment', 'Third approved comment'];
    const ids: number[] = [];
    for (const [i, body] of bodies.entries()) {
      const id = await addApprovedComment(db, article.id, { name: `Reader ${i + 1}`, body });
      await db
        .update(comments)
        .set({ authorEmail: secret, authorUrl: i === 0 ? 'https://reader.example/' : '', createdAt: new Date(Date.now() - (3 - i) * 60_000) })
        .where(eq(comments.id, id));
      ids.push(id);
    }
    await addComment(db, article.id, { name: 'Held', body: 'A held comment', status: 'pending', email: secret });
    await addComment(db, article.id, { name: 'Spammer', body: 'A spam comment', status: 'spam', email: secret });

    const response = await request.get(`${article.path}/feed.xml`);
    const { xml } = await xmlOf(response, /^application\/rss\+xml; charset=utf-8/);
    expect(xml).not.toContain(secret);
    expect(xml).not.toContain('A held comment');
    expect(xml).not.toContain('A spam comment');
    const { channel, items } = await rss(request, `${article.path}/feed.xml`);
    expect(channel.link).toBe(`${baseURL}${article.path}`);
    expect(items.map((item) => item.link)).toEqual([...ids].reverse().map((id) => `${baseURL}/comments/${id}`));
    expect(items.map((item) => item.description)).toEqual([...bodies].reverse());
    expect(items.map((item) => item.title)).toEqual(['Comment by Reader 3', 'Comment by Reader 2', 'Comment by Reader 1']);
  });

  test('feeds of unknown sections, authors, stories and drafts answer 404', async ({ request, db }) => {
    const draft = await seededDraft(db);
    for (const path of [
      '/no-such-section/feed.xml',
      '/no-such-section/atom.xml',
      '/authors/nobody-at-all/feed.xml',
      '/authors/nobody-at-all/atom.xml',
      '/news/no-such-story/feed.xml',
      `/${draft.sectionSlug}/${draft.slug}/feed.xml`,
      `/${draft.sectionSlug}/${draft.slug}/social-card.png`,
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test('a reader with comments awaiting moderation still gets the section feed', async ({ request }) => {
    const response = await request.get('/news/feed.xml', { headers: { Cookie: 'bs_yours=1; bs_pending=x' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/rss\+xml/);
  });

  test('pages link their feeds in the head', async ({ page, db, baseURL }) => {
    const desk = await makeDesk(db, 1);
    const article = await makeArticle(db);
    const alternates = async (path: string) => {
      await page.goto(path);
      return page
        .locator('head link[rel="alternate"]')
        .evaluateAll((links) => links.map((link) => `${link.getAttribute('type')} ${link.getAttribute('href')}`));
    };
    const site = [`application/rss+xml ${baseURL}/feed.xml`, `application/atom+xml ${baseURL}/atom.xml`];
    expect(await alternates('/')).toEqual(expect.arrayContaining(site));
    expect(await alternates(`/${desk.section.slug}`)).toEqual(
      expect.arrayContaining([...site, `application/rss+xml ${baseURL}/${desk.section.slug}/feed.xml`, `application/atom+xml ${baseURL}/${desk.section.slug}/atom.xml`]),
    );
    expect(await alternates(`/authors/${desk.author.slug}`)).toEqual(
      expect.arrayContaining([...site, `application/rss+xml ${baseURL}/authors/${desk.author.slug}/feed.xml`]),
    );
    expect(await alternates(article.path)).toEqual(expect.arrayContaining([...site, `application/rss+xml ${baseURL}${article.path}/feed.xml`]));
  });
});

test.describe('sitemaps', () => {
  test('sitemap.xml lists every published story, section, author and topic with lastmod, and no draft', async ({ request, db, baseURL }) => {
    const desk = await makeDesk(db, 2, { tagEvery: 1 });
    const edited = await makeArticle(db, { publishedAt: new Date(Date.now() - 5 * hour) });
    const editedAt = new Date(Date.now() - hour);
    await setArticle(db, edited.id, { updatedAt: editedAt });
    const hidden = await makeArticle(db);
    await setArticle(db, hidden.id, { status: 'draft' });
    const draft = await seededDraft(db);
    const published = await db
      .select({ slug: articles.slug, sectionSlug: sections.slug })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(eq(articles.status, 'published'));

    const { doc } = await xmlOf(await request.get('/sitemap.xml'), /xml/);
    const urls = list<{ loc: string; lastmod?: string }>(doc.urlset.url);
    const byLoc = new Map(urls.map((url) => [url.loc, url]));
    for (const story of published) {
      const entry = byLoc.get(`${baseURL}/${story.sectionSlug}/${story.slug}`);
      expect(entry, story.slug).toBeTruthy();
      expect(Date.parse(entry!.lastmod!), story.slug).toBeGreaterThan(0);
    }
    expect(byLoc.get(`${baseURL}${edited.path}`)!.lastmod).toBe(editedAt.toISOString());
    for (const path of [`/${draft.sectionSlug}/${draft.slug}`, hidden.path]) expect(byLoc.has(`${baseURL}${path}`), path).toBe(false);
    for (const path of ['/', '/news', '/politics', `/${desk.section.slug}`, `/authors/${desk.author.slug}`, `/tags/${desk.tag.slug}`]) {
      expect(byLoc.has(`${baseURL}${path}`), path).toBe(true);
    }
    expect(byLoc.get(`${baseURL}/authors/${desk.author.slug}`)!.lastmod).toBe(desk.stories[0]!.publishedAt!.toISOString());
    for (const url of urls) expect(url.loc.startsWith(`${baseURL}/`), url.loc).toBe(true);
  });

  test('the news sitemap holds only stories of the last two days, with Google News fields', async ({ request, db, baseURL }) => {
    const recent = await makeArticle(db, { publishedAt: new Date(Date.now() - hour) });
    const yesterday = await makeArticle(db, { publishedAt: new Date(Date.now() - 47 * hour) });
    const older = await makeArticle(db, { publishedAt: new Date(Date.now() - 50 * hour) });
    const hidden = await makeArticle(db, { publishedAt: new Date(Date.now() - 0.5 * hour) });
    await setArticle(db, hidden.id, { status: 'draft' });
    const idBefore = await maxArticleId(db);
    const requestedAt = Date.now();

    const { doc } = await xmlOf(await request.get('/news-sitemap.xml'), /^application\/xml/);
    expect(doc.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    type NewsUrl = {
      loc: string;
      'news:news': { 'news:publication': { 'news:name': string; 'news:language': string }; 'news:publication_date': string; 'news:title': string };
    };
    const urls = list<NewsUrl>(doc.urlset.url);
    const locs = urls.map((url) => url.loc);
    expect(locs).toContain(`${baseURL}${recent.path}`);
    expect(locs).toContain(`${baseURL}${yesterday.path}`);
    expect(locs).not.toContain(`${baseURL}${older.path}`);
    expect(locs).not.toContain(`${baseURL}${hidden.path}`);
    for (const url of urls) {
      const news = url['news:news'];
      expect(news['news:publication']).toEqual({ 'news:name': 'Broadsheet', 'news:language': 'en' });
      expect(requestedAt - Date.parse(news['news:publication_date']), url.loc).toBeLessThanOrEqual(48 * hour + 60_000);
      expect(news['news:title'].length).toBeGreaterThan(0);
    }
    expect(urls.find((url) => url.loc.endsWith(recent.path))!['news:news']['news:title']).toBe(recent.headline);

    // Every story published in the window before the request is listed.
    const inWindow = (
      await db
        .select({ id: articles.id, slug: articles.slug, publishedAt: articles.publishedAt })
        .from(articles)
        .where(eq(articles.status, 'published'))
    ).filter((row) => row.id <= idBefore && row.publishedAt && requestedAt - row.publishedAt.getTime() < 48 * hour - 60_000);
    for (const row of inWindow) expect(locs.some((loc) => loc.endsWith(`/${row.slug}`)), row.slug).toBe(true);
  });

  test('robots.txt names both sitemaps', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
    expect(text).toMatch(/User-Agent: \*/i);
  });
});

/** Every JSON-LD block of a page, parsed, with its raw text. */
async function jsonLd(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => ({
    raw: match[1]!,
    data: JSON.parse(match[1]!) as Record<string, unknown> & { '@type': string },
  }));
}

async function meta(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const all: Record<string, string[]> = {};
    for (const tag of document.head.querySelectorAll('meta')) {
      const key = tag.getAttribute('property') ?? tag.getAttribute('name');
      if (key) (all[key] ??= []).push(tag.getAttribute('content') ?? '');
    }
    const canonical = document.head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
    return { all, canonical };
  });
}

test.describe('social tags and structured data', () => {
  test('an article carries NewsArticle and BreadcrumbList JSON-LD with every field, < escaped', async ({ request, db, baseURL }) => {
    const article = await makeArticle(db, { publishedAt: new Date(Date.now() - 3 * hour) });
    const headline = `Markets </script><b>wobble</b> & rally ${article.slug}`;
    const updatedAt = new Date(Date.now() - hour);
    await setArticle(db, article.id, { headline, standfirst: 'Traders were nervous.', updatedAt });
    const [tag] = await db.insert(tags).values({ slug: uniqueSlug('topic'), name: `Markets ${article.slug}` }).returning();
    await db.insert(articleTags).values({ articleId: article.id, tagId: tag!.id });
    await addApprovedComment(db, article.id, { name: 'Ann', body: 'Interesting.' });
    await addApprovedComment(db, article.id, { name: 'Ben', body: 'Agreed.' });
    await addComment(db, article.id, { name: 'Cat', body: 'Held back.', status: 'pending' });
    const [row] = await db
      .select({ publishedAt: articles.publishedAt, authorName: authors.name, authorSlug: authors.slug })
      .from(articles)
      .innerJoin(articleAuthors, eq(articleAuthors.articleId, articles.id))
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(eq(articles.id, article.id));

    const blocks = await jsonLd(request, article.path);
    for (const block of blocks) expect(block.raw).not.toContain('<');
    const news = blocks.find((block) => block.data['@type'] === 'NewsArticle')!.data;
    expect(news).toMatchObject({
      '@context': 'https://schema.org',
      headline,
      description: 'Traders were nervous.',
      url: `${baseURL}${article.path}`,
      datePublished: row!.publishedAt!.toISOString(),
      dateModified: updatedAt.toISOString(),
      author: [{ '@type': 'Person', name: row!.authorName, url: `${baseURL}/authors/${row!.authorSlug}` }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Broadsheet',
        logo: { '@type': 'ImageObject', url: `${baseURL}/logo.png`, width: '512', height: '512' },
      },
      image: { '@type': 'ImageObject', url: `${baseURL}${article.path}/social-card.png`, width: '1200', height: '630' },
      articleSection: 'News',
      keywords: [tag!.name],
      commentCount: 2,
    });
    const crumbs = blocks.find((block) => block.data['@type'] === 'BreadcrumbList')!.data;
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Broadsheet', item: `${baseURL}/` },
      { '@type': 'ListItem', position: 2, name: 'News', item: `${baseURL}/news` },
      { '@type': 'ListItem', position: 3, name: headline, item: `${baseURL}${article.path}` },
    ]);

    const logo = await request.get('/logo.png');
    expect(logo.status()).toBe(200);
    expect(logo.headers()['content-type']).toBe('image/png');
  });

  test('the home page describes the site and its search', async ({ request, baseURL }) => {
    const blocks = await jsonLd(request, '/');
    const website = blocks.find((block) => block.data['@type'] === 'WebSite')!.data;
    expect(website).toMatchObject({
      '@context': 'https://schema.org',
      name: 'Broadsheet',
      url: `${baseURL}/`,
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${baseURL}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
  });

  test('a story with a photo has OpenGraph article tags and a large Twitter card, all URLs absolute', async ({ page, baseURL }) => {
    await page.goto(leadStory.path);
    const { all, canonical } = await meta(page);
    const one = (key: string) => {
      expect(all[key], key).toHaveLength(1);
      return all[key]![0]!;
    };
    expect(canonical).toBe(`${baseURL}${leadStory.path}`);
    expect(one('description').length).toBeGreaterThan(10);
    expect(one('og:type')).toBe('article');
    expect(one('og:url')).toBe(`${baseURL}${leadStory.path}`);
    expect(one('og:title')).toMatch(leadStory.headlinePattern);
    expect(one('og:site_name')).toBe('Broadsheet');
    expect(one('og:image')).toMatch(new RegExp(`^${baseURL}/images/[a-z0-9-]+\\.jpg$`));
    expect(Number(one('og:image:width'))).toBeGreaterThan(0);
    expect(Number(one('og:image:height'))).toBeGreaterThan(0);
    expect(one('og:image:alt')).toMatch(/\w{4,}/);
    expect(Date.parse(one('article:published_time'))).toBeGreaterThan(0);
    expect(Date.parse(one('article:modified_time'))).toBeGreaterThanOrEqual(Date.parse(one('article:published_time')));
    expect(one('article:section')).toBe('News');
    expect(one('article:author')).toMatch(new RegExp(`^${baseURL}/authors/[a-z0-9-]+$`));
    expect(all['article:tag']!.length).toBeGreaterThan(0);
    expect(one('twitter:card')).toBe('summary_large_image');
    expect(one('twitter:image')).toBe(one('og:image'));
    expect(one('twitter:title')).toMatch(leadStory.headlinePattern);
    for (const [key, values] of Object.entries(all)) {
      for (const value of values) if (/^(https?:)?\/\//.test(value) || value.startsWith('/')) expect(value, key).toMatch(new RegExp(`^${baseURL}/`));
    }
    const image = await page.request.get(one('og:image'));
    expect(image.status()).toBe(200);
  });

  test('a story without a photo gets a generated 1200×630 card', async ({ page, db, baseURL }) => {
    const article = await makeArticle(db);
    await page.goto(article.path);
    const { all } = await meta(page);
    const card = `${baseURL}${article.path}/social-card.png`;
    expect(all['og:image']).toEqual([card]);
    expect(all['og:image:width']).toEqual(['1200']);
    expect(all['og:image:height']).toEqual(['630']);
    expect(all['og:image:alt']).toEqual([article.headline]);
    expect(all['twitter:image']).toEqual([card]);

    const response = await page.request.get(card);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

test.describe('search', () => {
  const resultLinks = (page: import('@playwright/test').Page) => page.getByRole('list', { name: /^Results for/ }).getByRole('heading').getByRole('link');

  test('finds a story by a word only its body holds, with the word highlighted', async ({ page, db }) => {
    const word = uniqueWord('bodyword');
    const article = await makeArticle(db);
    await setArticle(db, article.id, { body: `## What happened\n\nThe committee discussed ${word} at length on Tuesday.` });

    await page.goto(`/search?q=${word}`);
    await expect(page).toHaveTitle('Search | Broadsheet');
    await expect(resultLinks(page)).toHaveCount(1);
    await expect(resultLinks(page)).toHaveText(article.headline);
    await expect(resultLinks(page)).toHaveAttribute('href', article.path);
    await expect(page.locator('.search-snippet mark')).toHaveText(word);
    await expect(page.getByText('1 result for')).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });

  test('ranks a headline match above a body match, even an older one', async ({ page, db }) => {
    const word = uniqueWord('rankword');
    const inHeadline = await makeArticle(db, { publishedAt: new Date(Date.now() - 30 * hour) });
    await setArticle(db, inHeadline.id, { headline: `Council approves ${word} plan ${inHeadline.slug}` });
    const inBody = await makeArticle(db, { publishedAt: new Date(Date.now() - hour) });
    await setArticle(db, inBody.id, { body: `A long report.\n\nIt mentions ${word} once, in passing, among other things.` });

    await page.goto(`/search?q=${word}`);
    await expect(resultLinks(page)).toHaveCount(2);
    await expect(resultLinks(page).nth(0)).toHaveAttribute('href', inHeadline.path);
    await expect(resultLinks(page).nth(1)).toHaveAttribute('href', inBody.path);
    await expect(resultLinks(page).nth(0).locator('mark')).toHaveText(word);
  });

  test('finds stories by their author’s name, and never a draft', async ({ page, db }) => {
    const desk = await makeDesk(db, 2);
    const word = uniqueWord('draftword');
    const draft = await makeArticle(db);
    await setArticle(db, draft.id, { status: 'draft', body: `Secret ${word}.` });

    await page.goto(`/search?q=${encodeURIComponent(desk.author.name)}`);
    await expect(resultLinks(page)).toHaveCount(2);
    await page.goto(`/search?q=${word}`);
    await expect(page.getByText(`No results for “${word}”.`)).toBeVisible();
  });

  test('any text, FTS syntax included, gives results or “No results”, never an error', async ({ request, db }) => {
    const word = uniqueWord('syntaxword');
    const article = await makeArticle(db);
    await setArticle(db, article.id, { body: `Near the ${word}, and or not.` });
    const inputs = [
      `"${word}`, `${word}"`, `"${word}"`, `${word}*`, `${word.slice(0, -3)}*`, '*', `-${word}`, `${word} -near`, '-', 'NEAR',
      `NEAR(${word} near)`, `${word} NEAR near`, `((${word}`, `${word})`, '(', ')', 'AND', 'OR', 'NOT', 'AND OR', `${word} AND`,
      `OR ${word}`, `body:${word}`, `^${word}`, '{', '"', "'", ':', '+', '\\', '%', '😀', `${word} `.repeat(50),
    ];
    for (const q of inputs) {
      const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
      expect(response.status(), q).toBe(200);
      const html = await response.text();
      expect(html.includes('class="story-list search-results"') || html.includes('No results for'), q).toBe(true);
    }
    for (const q of [`"${word}`, `${word}*`, `${word.slice(0, -3)}*`, `((${word}`, `-${word}`, `NEAR(${word} near)`]) {
      const html = await (await request.get(`/search?q=${encodeURIComponent(q)}`)).text();
      expect(html, q).toContain(`href="${article.path}"`);
    }
    const empty = await request.get('/search?q=');
    expect(empty.status()).toBe(200);
    const html = await empty.text();
    expect(html).toMatch(/<h1[^>]*>Search<\/h1>/);
    expect(html).not.toContain('No results');
    expect((await request.get('/search')).status()).toBe(200);
  });

  test('pages results 20 at a time with plain links', async ({ page, db }) => {
    const word = uniqueWord('pageword');
    for (let i = 0; i < 21; i++) {
      const article = await makeArticle(db, { publishedAt: new Date(Date.now() - (i + 1) * hour) });
      await setArticle(db, article.id, { body: `Item ${i}: ${word}.` });
    }
    await page.goto(`/search?q=${word}`);
    await expect(resultLinks(page)).toHaveCount(20);
    await expect(page.getByText('21 results for')).toBeVisible();
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /More results/ }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}&page=2$`));
    await expect(resultLinks(page)).toHaveCount(1);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the masthead search box finds a story', async ({ page, db }) => {
      const word = uniqueWord('boxword');
      const article = await makeArticle(db);
      await setArticle(db, article.id, { body: `Reported ${word} today.` });

      await page.goto('/');
      const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search the site' });
      await box.fill(word);
      await box.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
      await expect(resultLinks(page)).toHaveText([article.headline]);
    });
  });
});
