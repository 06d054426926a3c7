import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { articles } from '../db/schema';
import { liveCommentsPath } from '../lib/live-comments';
import { addApprovedComment, addComment, commentsByBody, expect, makeArticle, randomIp, reloadUntil, test } from './fixtures';

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;
const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
const thread = (page: Page) => page.getByRole('region', { name: 'Comments' });
const newCommentsButton = (page: Page) => page.getByRole('button', { name: /new comments? — show/ });

/** A reader of their own, with the page's clock in the test's hands (the widget polls every 30 s or so). */
async function openReader(browser: Browser, path: string, { javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await context.newPage();
  if (javaScript) await page.clock.install();
  await page.goto(path);
  return page;
}

/**
 * Moves the reader's clock past its next poll, however far the pace has slowed (at most 6 minutes:
 * lib/live-comments.ts), and gives the status that poll was answered with. A jump fires a timer once.
 * The page's clock also runs on its own between jumps, so a poll the page sent earlier may still be
 * on its way: only a poll sent from now on counts (its answer is about what the database holds now).
 */
async function nextPoll(page: Page, articleId: number) {
  const sent = page.waitForRequest((request) => request.url().endsWith(liveCommentsPath(articleId)));
  await page.clock.fastForward('06:30');
  const response = await (await sent).response();
  return response!.status();
}

/** The statuses the reader's live polls are answered with from now on, as they arrive. */
function pollsFrom(page: Page, articleId: number) {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith(liveCommentsPath(articleId))) statuses.push(response.status());
  });
  return statuses;
}

test('readers with a story open are offered a newly approved comment without reloading; one who opens it after is not, nor one without JavaScript', async ({
  browser,
  moderatorPage,
  article,
  db,
}) => {
  test.setTimeout(60_000); // five browsers, a post and a desk approval
  await addApprovedComment(db, article.id, { name: 'First Reader', body: unique('Already here') });
  const first = await openReader(browser, article.path);
  const second = await openReader(browser, article.path);
  const noScript = await openReader(browser, article.path, { javaScript: false });
  await expect(thread(first).getByRole('heading', { name: '1 Comment' })).toBeVisible();
  // Nothing new yet: the first poll is answered 304 and nothing is offered.
  expect(await nextPoll(first, article.id)).toBe(304);
  await expect(newCommentsButton(first)).toHaveCount(0);
  await first.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // A third reader posts; the comment is held until a moderator approves it on the desk.
  const body = unique('Arrived while you were reading');
  const commenter = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await commenter.goto(article.path);
  await commenter.getByRole('textbox', { name: 'Name' }).fill('Late Arrival');
  await commenter.getByRole('textbox', { name: 'Email' }).fill(`late.${crypto.randomUUID().slice(0, 8)}@example.com`);
  await commenter.getByRole('textbox', { name: 'Comment' }).fill(body);
  await commenter.getByRole('button', { name: 'Post Comment' }).click();
  await expect(thread(commenter).getByText('Your comment is awaiting moderation.')).toBeVisible();
  await commenter.close();
  const [stored] = await commentsByBody(db, body);
  expect(stored?.status).toBe('pending');
  // Held, it is nothing new to readers.
  expect(await nextPoll(second, article.id)).toBe(304);
  const answered = new Map([first, second].map((reader) => [reader, pollsFrom(reader, article.id)]));

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();

  // A reader who opens the story now has it on the page, and is not told of it again.
  const later = await openReader(browser, article.path);
  await expect(thread(later).getByText(body)).toBeVisible();
  expect(await nextPoll(later, article.id)).toBe(304);
  await expect(newCommentsButton(later)).toHaveCount(0);

  // Both readers who had it open are told, politely, without reloading.
  for (const reader of [first, second]) {
    // A poll after the approval is answered 200 with the new count: the one this jump sends, unless
    // the page's own clock (which runs between jumps) sent one meanwhile, which then took the change.
    const polls = answered.get(reader)!;
    if (!polls.includes(200)) await reader.clock.fastForward('06:30');
    await expect.poll(() => polls.includes(200), { timeout: 15_000 }).toBe(true);
    await expect(reader.getByRole('status').getByRole('button', { name: '1 new comment — show' })).toBeVisible();
    await expect(thread(reader).getByText(body)).toHaveCount(0);
  }

  await newCommentsButton(first).click();
  const arrived = first.locator(`li#comment-${stored!.id}`);
  await expect(arrived).toContainText(body);
  await expect(arrived).toBeFocused();
  await expect(thread(first).getByRole('heading', { name: '2 Comments' })).toBeVisible();
  await expect(newCommentsButton(first)).toHaveCount(0);
  expect(await first.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Without JavaScript nothing is offered; the page works as it always has.
  await expect(newCommentsButton(noScript)).toHaveCount(0);
  await expect(thread(noScript).getByText(body)).toHaveCount(0);
  await reloadUntil(noScript, () => expect(thread(noScript).getByText(body)).toBeVisible({ timeout: 1_000 }));
  await expect(newCommentsButton(noScript)).toHaveCount(0);

  for (const page of [first, second, noScript, later]) await page.context().close();
});

test('the live count answers 304 to its own ETag, changes when a comment is approved, names no commenter, and is 404 for a draft or a non-story', async ({
  request,
  moderatorPage,
  article,
  db,
}) => {
  const email = `private.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const shown = unique('On the page');
  const shownId = await addComment(db, article.id, { name: 'Shown Reader', body: shown, status: 'approved', email });
  const held = unique('Held for now');
  const heldId = await addComment(db, article.id, { name: 'Held Reader', body: held, status: 'pending', email });
  const url = liveCommentsPath(article.id);

  const answer = await request.get(url);
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual({ count: 1, newestId: shownId });
  const text = await answer.text();
  expect(text).not.toContain('@');
  expect(text).not.toContain('Shown Reader');
  const etag = answer.headers()['etag']!;
  expect(etag).toBeTruthy();
  expect(answer.headers()['cache-control']).toMatch(/no-cache/);

  const unchanged = await request.get(url, { headers: { 'If-None-Match': etag } });
  expect(unchanged.status()).toBe(304);
  expect(await unchanged.body()).toHaveLength(0);

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(held)}`);
  await row(moderatorPage, held).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();
  const changed = await request.get(url, { headers: { 'If-None-Match': etag } });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toEqual({ count: 2, newestId: heldId });
  expect(changed.headers()['etag']).not.toBe(etag);
  expect(await changed.text()).not.toContain('@');

  const draft = await makeArticle(db);
  await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, draft.id));
  for (const path of [liveCommentsPath(draft.id), liveCommentsPath(2_000_000_000), '/api/comments/abc/live', '/api/comments/0/live', '/api/comments/1e3/live']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
