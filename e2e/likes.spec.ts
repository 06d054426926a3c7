import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { commentLikes, comments } from '../db/schema';
import { LIKES_PER_ADDRESS_PER_COMMENT } from '../lib/likes';
import { e2ePort } from './env';
import { addApprovedComment, expect, makeArticle, randomIp, serverActionId, test } from './fixtures';

const likeButton = (page: Page, name: string) => page.getByRole('article', { name: `Comment by ${name}` }).getByRole('button', { name: new RegExp(`comment by ${name},`) });
/** A click before React has hydrated the form posts it as without JavaScript: wait as a person waits for the page to settle. */
const hydratedLike = async (page: Page, name: string) => {
  await expect(page.getByRole('article', { name: `Comment by ${name}` }).locator('form.like-form input[name="js"]')).toHaveCount(1);
  return likeButton(page, name);
};
const likesOf = async (db: Db, id: number) => (await db.select({ n: comments.likeCount }).from(comments).where(eq(comments.id, id)))[0]?.n;
const uniqueName = (prefix: string) => `${prefix} ${crypto.randomUUID().slice(0, 6)}`;

async function newReader(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  return { context, page: await context.newPage() };
}

/** A like posted as a script would, without a browser: a fresh cookie jar each time, from `ip`. */
async function postLike(request: APIRequestContext, path: string, commentId: number, ip: string) {
  return request.post(path, {
    headers: { Origin: `http://127.0.0.1:${e2ePort}`, 'X-Forwarded-For': ip },
    multipart: { [`$ACTION_ID_${serverActionId('app/(site)/[section]/[slug]/like-actions.ts', 'likeComment')}`]: '', commentId: String(commentId) },
    maxRedirects: 0,
  });
}

test('with JavaScript a like counts at once, once per browser, and another browser’s counts too', async ({ page, browser, article, db }) => {
  const name = uniqueName('Liked Lia');
  const id = await addApprovedComment(db, article.id, { name, body: 'A point well made.' });
  await page.goto(article.path);
  const button = likeButton(page, name);
  await expect(button).toHaveAccessibleName(`Like comment by ${name}, 0 likes`);
  await expect(button).toHaveText('Like · 0');
  await (await hydratedLike(page, name)).click();
  await expect(button).toHaveAccessibleName(`Liked comment by ${name}, 1 like`);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveText('Liked · 1');
  // Shown while the like is on its way; the answer then keeps it.
  await expect(button).toBeEnabled();
  await expect(button).toHaveText('Liked · 1');
  expect(new URL(page.url()).pathname).toBe(article.path);
  expect(await likesOf(db, id)).toBe(1);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'bs_reporter');
  expect(cookie?.httpOnly).toBe(true);

  // Readers see it once the cached thread is refreshed: the like marked it stale.
  const stranger = await newReader(browser);
  await expect(async () => {
    await stranger.page.goto(article.path);
    await expect(likeButton(stranger.page, name)).toHaveAccessibleName(`Like comment by ${name}, 1 like`, { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  // The same browser after a reload: its like is remembered (the button pressed), a second is told
  // so, and nothing more is counted.
  await page.reload();
  await hydratedLike(page, name);
  await expect(likeButton(page, name)).toHaveAttribute('aria-pressed', 'true');
  await expect(likeButton(page, name)).toHaveAccessibleName(`Liked comment by ${name}, 1 like`);
  await (await hydratedLike(page, name)).click();
  await expect(page.getByRole('article', { name: `Comment by ${name}` }).getByRole('status')).toHaveText('You have already liked this comment.');
  await expect(likeButton(page, name)).toHaveText('Liked · 1');
  expect(await likesOf(db, id)).toBe(1);

  // Another browser's like counts; its button was not pressed before (the memory is the browser's own).
  await expect(likeButton(stranger.page, name)).toHaveAttribute('aria-pressed', 'false');
  await (await hydratedLike(stranger.page, name)).click();
  await expect(likeButton(stranger.page, name)).toHaveAccessibleName(`Liked comment by ${name}, 2 likes`);
  // "2 likes" shows while the like is on its way; the database has it once the answer is back.
  await expect(likeButton(stranger.page, name)).toBeEnabled();
  await expect(likeButton(stranger.page, name)).toHaveAccessibleName(`Liked comment by ${name}, 2 likes`);
  expect(await likesOf(db, id)).toBe(2);
  await stranger.context.close();
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('a like posts, lands back at the comment with the count, and a second like from the browser does not count', async ({ page, article, db }) => {
    const name = uniqueName('Plain Pat');
    await addApprovedComment(db, article.id, { name: 'Earlier Eve', body: 'First.' });
    const id = await addApprovedComment(db, article.id, { name, body: 'Second, and liked.' });
    await page.goto(article.path);
    await likeButton(page, name).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}#comment-${id}$`));
    await expect(likeButton(page, name)).toHaveAccessibleName(`Like comment by ${name}, 1 like`);
    expect(await likesOf(db, id)).toBe(1);

    await likeButton(page, name).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}#comment-${id}$`));
    expect(await likesOf(db, id)).toBe(1);
    expect(await db.select().from(commentLikes).where(eq(commentLikes.commentId, id))).toHaveLength(1);
  });

  test('a like from a sorted later page goes back to that page, in that order', async ({ page, db }) => {
    const { article, names, ids } = await busyThread(db);
    await page.goto(`${article.path}?corder=newest&cpage=2`);
    const last = names[0]!; // the oldest: on the last page, newest first
    await likeButton(page, last).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}\\?cpage=2&corder=newest#comment-${ids[0]}$`));
    expect(await likesOf(db, ids[0]!)).toBe(1);
  });

  test('the thread sorts by Newest and Most liked, the choice marked, and paging keeps it', async ({ page, db }) => {
    const { article, names } = await busyThread(db);
    await page.goto(article.path);
    const sort = page.getByRole('navigation', { name: 'Sort comments' });
    await expect(sort.getByRole('link', { name: 'Oldest' })).toHaveAttribute('aria-current', 'true');
    expect(await topNames(page)).toEqual(names.slice(0, 3));

    await sort.getByRole('link', { name: 'Newest' }).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}\\?corder=newest#comments$`));
    await expect(sort.getByRole('link', { name: 'Newest' })).toHaveAttribute('aria-current', 'true');
    await expect(sort.getByRole('link', { name: 'Oldest' })).not.toHaveAttribute('aria-current', /./);
    expect(await topNames(page)).toEqual([names[54], names[53], names[52]]);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');

    await sort.getByRole('link', { name: 'Most liked' }).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}\\?corder=likes#comments$`));
    // 9 likes each, oldest first between them; then 5; then the rest oldest first.
    expect(await topNames(page)).toEqual([names[9], names[53], names[2]]);
    await page.getByRole('link', { name: 'Comments page 2' }).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}\\?cpage=2&corder=likes#comments$`));
    await expect(sort.getByRole('link', { name: 'Most liked' })).toHaveAttribute('aria-current', 'true');
    // Page 2 in this order holds the newest of the unliked, and not the liked one from near the end.
    expect(await topNames(page)).toEqual([names[49], names[50], names[51]]);
    await expect(page.getByText(names[53]!, { exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: 'Comments page 1' }).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}\\?corder=likes#comments$`));

    // Oldest first keeps today's addresses.
    await sort.getByRole('link', { name: 'Oldest' }).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}#comments$`));
  });
});

test('with JavaScript the sort links lead to the sorted thread, and a like there answers in place', async ({ page, db }) => {
  const { article, names } = await busyThread(db);
  await page.goto(article.path);
  await page.getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Most liked' }).click();
  await expect(page).toHaveURL(new RegExp(`${article.path}\\?corder=likes#comments$`));
  expect(await topNames(page)).toEqual([names[9], names[53], names[2]]);
  const before = page.url();
  await likeButton(page, names[2]!).click();
  await expect(likeButton(page, names[2]!)).toHaveAccessibleName(`Liked comment by ${names[2]}, 6 likes`);
  expect(page.url()).toBe(before);
});

test('a script with fresh cookies from one address counts only its share of a comment', async ({ playwright, article, db }) => {
  const id = await addApprovedComment(db, article.id, { name: 'Target Tom', body: 'Like me, bots.' });
  const ip = randomIp();
  for (let i = 0; i < LIKES_PER_ADDRESS_PER_COMMENT + 3; i++) {
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${e2ePort}` });
    const response = await postLike(request, article.path, id, ip);
    expect(response.status(), 'each is answered, none with an error').toBeLessThan(400);
    await request.dispose();
  }
  expect(await likesOf(db, id)).toBe(LIKES_PER_ADDRESS_PER_COMMENT);
  expect(await db.select().from(commentLikes).where(eq(commentLikes.commentId, id))).toHaveLength(LIKES_PER_ADDRESS_PER_COMMENT);
});

test('forged like posts with missing or malformed fields are answered without an error and write nothing', async ({ request, article, db }) => {
  const id = await addApprovedComment(db, article.id, { name: 'Forged Fay', body: 'Untouched.' });
  const action = `$ACTION_ID_${serverActionId('app/(site)/[section]/[slug]/like-actions.ts', 'likeComment')}`;
  const file = { name: 'id.txt', mimeType: 'text/plain', buffer: Buffer.from(String(id)) };
  const forms: Record<string, string | typeof file>[] = [
    {},
    { commentId: '' },
    { commentId: 'abc' },
    { commentId: '-1' },
    { commentId: `${id}.5` },
    { commentId: '9'.repeat(30) },
    { commentId: file },
    { commentId: String(id), corder: '../../etc', cpage: '-4' },
  ];
  for (const fields of forms) {
    const response = await request.post(article.path, {
      headers: { Origin: `http://127.0.0.1:${e2ePort}`, 'X-Forwarded-For': randomIp() },
      multipart: { [action]: '', ...fields },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(fields)).toBeLessThan(500);
    if (response.status() === 303) expect(response.headers()['location'], 'a mangled place falls back to the story').toBe(`${article.path}#comment-${id}`);
  }
  // Only the last, a real comment with a mangled place, is a like.
  expect(await likesOf(db, id)).toBe(1);
});

for (const javaScriptEnabled of [true, false]) {
  test(`a like of a comment held since the page was served is refused in words, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser, article, db }) => {
    const name = uniqueName('Gone Gil');
    const id = await addApprovedComment(db, article.id, { name, body: 'Soon held.' });
    const reader = await newReader(browser, javaScriptEnabled);
    await reader.page.goto(article.path);
    // Held straight in the database: the served page still shows it, as it would for a moment.
    await db.update(comments).set({ status: 'pending' }).where(eq(comments.id, id));
    try {
      await likeButton(reader.page, name).click();
      await expect(reader.page.getByRole('article', { name: `Comment by ${name}` }).getByRole('status')).toHaveText('This comment can no longer be liked.');
      expect(await likesOf(db, id)).toBe(0);
    } finally {
      await reader.context.close();
    }
  });
}

test('a like leaves the story cached: one refresh for the first like, none for the next within seconds, other stories untouched', async ({ request, playwright, db }) => {
  const [mine, other] = [await makeArticle(db), await makeArticle(db)];
  const name = uniqueName('Cached Cal');
  const id = await addApprovedComment(db, mine.id, { name, body: 'Cache me.' });
  for (const story of [mine, other]) {
    await request.get(story.path);
    expect((await request.get(story.path)).headers()['x-nextjs-cache'], story.path).toBe('HIT');
  }
  const liker = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${e2ePort}` });
  expect((await postLike(liker, mine.path, id, randomIp())).status()).toBe(303);
  await liker.dispose();
  // Rendered again once for it, then cached with the count.
  await expect(async () => {
    const page = await request.get(mine.path);
    expect(page.headers()['x-nextjs-cache']).toBe('HIT');
    expect(await page.text()).toContain(`comment by ${name}, 1 like"`);
  }).toPass({ timeout: 10_000 });

  // A second like straight after does not render the story again: it shows within the lag.
  const second = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${e2ePort}` });
  expect((await postLike(second, mine.path, id, randomIp())).status()).toBe(303);
  await second.dispose();
  expect(await likesOf(db, id)).toBe(2);
  const after = await request.get(mine.path);
  expect(after.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await after.text()).toContain(`comment by ${name}, 1 like"`);
  expect((await request.get(other.path)).headers()['x-nextjs-cache']).toBe('HIT');
});

/** The names of the first three conversations shown. */
async function topNames(page: Page) {
  const top = page.locator('#comments > ol.comment-list > li > article');
  await expect(top.first()).toBeVisible();
  return (await top.evaluateAll((nodes) => nodes.slice(0, 3).map((node) => node.getAttribute('aria-label')))).map((label) => label?.replace(/^Comment by /, ''));
}

/**
 * A story with 55 conversations a minute apart (two pages at 50 a page), each name unique to the
 * test: the 10th and the 54th have 9 likes, the 3rd has 5, the rest none.
 */
async function busyThread(db: Db) {
  const article = await makeArticle(db);
  const tag = crypto.randomUUID().slice(0, 6);
  const names = Array.from({ length: 55 }, (_, i) => `Reader ${String(i + 1).padStart(2, '0')} ${tag}`);
  const likes: Record<number, number> = { 9: 9, 53: 9, 2: 5 };
  const start = Date.now() - 2 * 3_600_000;
  const rows = await db
    .insert(comments)
    .values(
      names.map((name, i) => ({
        articleId: article.id,
        authorName: name,
        authorEmail: `reader${i}.${tag}@example.com`,
        body: `Comment ${i + 1}.`,
        status: 'approved' as const,
        ip: '192.0.2.1',
        createdAt: new Date(start + i * 60_000),
        likeCount: likes[i] ?? 0,
      })),
    )
    .returning({ id: comments.id });
  return { article, names, ids: rows.map((row) => row.id) };
}
