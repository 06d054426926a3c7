import { e2eDatabasePath, e2eDatabaseUrl, e2ePort, e2eServerMode } from './env';
import { type APIRequestContext, type APIResponse, test as base, expect, type Page } from '@playwright/test';
import { closeConnection, openDatabase, openPostgres, type Db } from '../db/client';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { articleTags, authors, comments, sections, tags } from '../db/schema';
import { all, run, transact } from '../db/transact';
import { insertStoryRow, insertStorySteps } from '../test/story';

/** The lead story of the sample content that `npm start` seeds into an empty database. */
export const leadStory = {
  path: '/news/trump-putin-call-ukraine-negotiations',
  headlinePattern: /Trump|Putin/,
};

type Fixtures = { db: Db };

/** The desk accounts the setup project signs in with (the admin is the one created at start-up). */
export const staff = {
  admin: { email: 'admin@example.com', name: 'Site admin' },
  moderator: { email: 'moderator@example.com', name: 'Mo Derator', password: 'correct horse battery staple' },
} as const;

type PageFixtures = { article: TestArticle; moderatorPage: Page; adminPage: Page };

/** A made-up public address, so that each test is its own reader for flood control. */
/**
 * Reloads `page` until `check` passes. Served directly, the first reload must show the change: a
 * moderator's decision is on the page at the reader's next request. Behind docs/nginx.conf
 * (E2E_SERVER=next-start) nginx may answer from its 1-second cache until the app's refresh lands,
 * so a few reloads within its documented 2 seconds are allowed.
 */
export async function reloadUntil(page: Page, check: () => Promise<void>) {
  if (e2eServerMode !== 'next-start') {
    await page.reload();
    return check();
  }
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 5_000 });
}

export function randomIp() {
  const byte = () => Math.floor(Math.random() * 250) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export const test = base.extend<PageFixtures, Fixtures>({
  // The e2e server trusts one proxy hop, so this header is the reader's address.
  extraHTTPHeaders: async ({}, use) => {
    await use({ 'X-Forwarded-For': randomIp() });
  },
  article: async ({ db }, use) => {
    await use(await makeArticle(db));
  },
  // Signed-in pages from the setup project's saved sessions, each from an address of its own.
  moderatorPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: 'e2e/.auth/moderator.json', extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
    await use(await context.newPage());
    await context.close();
  },
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: 'e2e/.auth/admin.json', extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
    await use(await context.newPage());
    await context.close();
  },
  // The site's own database, on the run's engine (e2e/env.ts), for tests to make and check data:
  // queries are awaited (Drizzle's builders), so that one test serves both engines.
  db: [
    async ({}, use) => {
      const database = e2eDatabaseUrl ? openPostgres(e2eDatabaseUrl) : openDatabase(e2eDatabasePath);
      await use(database);
      await closeConnection(database);
    },
    { scope: 'worker' },
  ],
});

export { expect };

export type TestArticle = { id: number; slug: string; path: string; headline: string };

/** A published story of its own in News, so a test's comments meet no one else's. */
export async function makeArticle(database: Db, { publishedAt = new Date(Date.now() - 3_600_000) } = {}): Promise<TestArticle> {
  const slug = uniqueSlug('story');
  const [news] = await database.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'news'));
  const [author] = await database.select({ id: authors.id }).from(authors).orderBy(authors.id).limit(1);
  const headline = `A story for testing ${slug}`;
  const row = await insertStoryRow(database, {
    slug,
    sectionId: news!.id,
    authorId: author!.id,
    headline,
    standfirst: 'A story made by a test.',
    body: '## What happened\n\nSomething newsworthy.',
    status: 'published',
    publishedAt,
  });
  return { id: row.id, slug, path: `/news/${slug}`, headline };
}

/** An approved comment written straight into the database (before the page is first cached). */
export function addApprovedComment(database: Db, articleId: number, values: { name: string; body: string; parentId?: number }) {
  return addComment(database, articleId, { ...values, status: 'approved' });
}

/** A comment in any state, as if a reader had posted it. */
export async function addComment(
  database: Db,
  articleId: number,
  values: { name: string; body: string; parentId?: number; status: 'pending' | 'approved' | 'spam' | 'trash'; email?: string },
) {
  const [row] = await database
    .insert(comments)
    .values({
      articleId,
      parentId: values.parentId ?? null,
      authorName: values.name,
      authorEmail: values.email ?? `${values.name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      body: values.body,
      status: values.status,
      ip: '192.0.2.1',
    })
    .returning({ id: comments.id });
  return row!.id;
}

export async function commentById(database: Db, id: number) {
  const [row] = await database.select().from(comments).where(eq(comments.id, id));
  return row;
}

export function commentsByBody(database: Db, body: string) {
  return database.select().from(comments).where(eq(comments.body, body)).orderBy(comments.id);
}

export function uniqueSlug(prefix: string) {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Makes a section, an author and a tag of its own with `count` published stories (newest first by
 * number: story 1 is the newest), so each test can check listings without depending on the others.
 */
export function makeDesk(database: Db, count: number, { tagEvery = 2 } = {}) {
  const sectionSlug = uniqueSlug('desk');
  const authorSlug = uniqueSlug('writer');
  const tagSlug = uniqueSlug('topic');
  return transact(database, function* (tx) {
    const [section] = yield* all(
      tx.insert(sections).values({ slug: sectionSlug, name: `Desk ${sectionSlug.slice(-8)}`, description: 'A section made by a test.' }).returning(),
    );
    const [author] = yield* all(tx.insert(authors).values({ slug: authorSlug, name: `Writer ${authorSlug.slice(-8)}`, bio: 'Writes for the tests.' }).returning());
    const [tag] = yield* all(tx.insert(tags).values({ slug: tagSlug, name: `Topic ${tagSlug.slice(-8)}` }).returning());
    const now = Date.now();
    const stories = [];
    for (let i = 1; i <= count; i++) {
      const row = yield* insertStorySteps(tx, {
        slug: `${sectionSlug}-story-${i}`,
        sectionId: section!.id,
        authorId: author!.id,
        headline: `Test story ${i} of ${sectionSlug}`,
        standfirst: `Standfirst of story ${i}.`,
        body: `## A subheading\n\nParagraph of story ${i}.`,
        status: 'published',
        publishedAt: new Date(now - i * 60_000),
      });
      if (i % tagEvery === 0) yield* run(tx.insert(articleTags).values({ articleId: row.id, tagId: tag!.id }));
      stories.push(row);
    }
    return { section: section!, author: author!, tag: tag!, stories };
  });
}

/** The id Next gave a server action in this build (from its manifest), to call it as a browser would. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename}`);
  return found[0];
}

/**
 * Where a redirect leads: its Location values, told apart. Next 16 sends a freshly rendered redirect's
 * Location twice, identically (vercel/next.js#82117; browsers follow it), and Playwright joins repeats
 * with a comma.
 */
export function locations(response: APIResponse) {
  return [...new Set(response.headersArray().filter((header) => header.name.toLowerCase() === 'location').map((header) => header.value))];
}

/**
 * Posts the sign-in form without a page, as a browser without JavaScript (or a guessing script) does;
 * returns where the server sends it next: the desk, or `/login?error=…`. A context's `request` keeps the
 * session in that context's cookies. For tests whose subject is not the sign-in page: through the page,
 * a sign-in is a page load, its scripts, the prefetch of every link in the masthead (again after the
 * action answers) and the desk's first render, seconds on a busy machine where this is one request.
 */
export async function postSignIn(request: APIRequestContext, email: string, password: string) {
  const response = await request.post('/login', {
    headers: { Origin: `http://127.0.0.1:${e2ePort}` },
    multipart: { [`$ACTION_ID_${serverActionId('app/login/actions.ts', 'logIn')}`]: '', email, password },
    maxRedirects: 0,
  });
  expect(response.status(), 'the sign-in form answers with a redirect').toBe(303);
  return response.headers()['location'] ?? '';
}

/**
 * Resolves once the page has loaded, its images have loaded or failed, and it has painted twice since:
 * by then an onload or onerror in its markup, or a handler of an autofocused field, has had its turn.
 * For tests that check that nothing ran, it waits for that state where a fixed pause only hoped.
 */
export async function pageSettled(page: Page) {
  await page.waitForLoadState('load');
  // A lazy image below the fold is never fetched, so it never completes.
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete || image.loading === 'lazy'));
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Every server action the build has, with where it comes from. */
export function allServerActions() {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => !entry.exportedName.startsWith('$$RSC_SERVER_CACHE'))
    .map(([id, entry]) => ({ id, filename: entry.filename, exportedName: entry.exportedName }));
}
