import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { comments, mailAddresses, mailOutbox, mailSubscriptions } from '../db/schema';
import { e2ePort } from './env';
import { commentsByBody, expect, makeArticle, randomIp, serverActionId, test } from './fixtures';
import { type CaughtMail, mailTo, rawHeader, testAddress } from './mail';

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;

async function reader(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  return context.newPage();
}

/** Fills "Leave a Reply" (as a reply to `replyTo`'s comment when given) and posts it. */
async function postComment(page: Page, path: string, c: { name: string; email: string; body: string; replies?: boolean; story?: boolean; replyTo?: number; js?: boolean }) {
  if (c.js) {
    await page.goto(path);
    // Wait for the form's hydration (its `js` flag), as a person waits for the page to settle; then Reply brings the form to the comment.
    await expect(page.locator('form.comment-form input[name="js"]')).toHaveCount(1);
    if (c.replyTo) await page.locator(`#comment-${c.replyTo} a.comment-reply-link`).first().click();
  } else {
    await page.goto(c.replyTo ? `${path}?replytocom=${c.replyTo}#respond` : path);
  }
  await page.getByRole('textbox', { name: 'Name' }).fill(c.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(c.email);
  await page.getByRole('textbox', { name: 'Comment' }).fill(c.body);
  if (c.replies) await page.getByRole('checkbox', { name: 'Notify me of replies to my comment by email.' }).check();
  if (c.story) await page.getByRole('checkbox', { name: 'Notify me of new comments on this story by email.' }).check();
  await page.getByRole('button', { name: 'Post Comment' }).click();
}

/** Waits for the `count`th message to `address`, and gives them all. */
async function waitForMail(address: string, count: number): Promise<CaughtMail[]> {
  let found: CaughtMail[] = [];
  await expect(async () => {
    found = await mailTo(address);
    expect(found.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 15_000 });
  return found;
}

/** Approves a held comment from the desk, as a moderator does. */
async function approve(moderatorPage: Page, body: string) {
  await moderatorPage.goto(`/moderation?queue=pending&q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByRole('row').filter({ hasText: body })).toHaveCount(0);
}

/** The worker has dealt with this comment's approval: its letters, if any, are written. */
async function notificationsHandled(db: Db, commentId: number) {
  await expect(async () => {
    const [fanOut] = await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.dedupeKey, `approved:${commentId}`));
    expect(fanOut?.status).toMatch(/^(sent|skipped)$/);
  }).toPass({ timeout: 15_000 });
}

const linkIn = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text);
  expect(match, `a link matching ${pattern} in:\n${text}`).not.toBeNull();
  return match![0];
};

test('subscribe to replies, confirm, get the reply approved later with its link, unsubscribe in one click, then nothing more', async ({ browser, moderatorPage, article, db, request }) => {
  test.setTimeout(120_000);
  const alice = testAddress('alice');
  const aliceBody = unique('Who signed off the contract?');
  const alicePage = await reader(browser);
  await postComment(alicePage, article.path, { name: 'Alice Asker', email: alice, body: aliceBody, replies: true, js: true });
  await expect(alicePage.getByRole('status').filter({ hasText: 'We have emailed you a link to confirm your address' })).toBeVisible();

  // Double opt-in: one message, asking to confirm; nothing else until the address is confirmed.
  const [confirm] = await waitForMail(alice, 1);
  expect(confirm!.subject).toMatch(/confirm/i);
  expect(confirm!.from?.value[0]?.address).toBe('news@broadsheet.example');
  expect(confirm!.to && !Array.isArray(confirm!.to) ? confirm!.to.value[0]?.address : null).toBe(alice);
  expect(rawHeader(confirm!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  const manage = linkIn(confirm!.text ?? '', /http:\/\/127\.0\.0\.1:\d+\/email\/[A-Za-z0-9_-]+(?=\s|$)/);
  expect(confirm!.html).toContain(`href="${manage}"`);

  await approve(moderatorPage, aliceBody);
  const [aliceComment] = await commentsByBody(db, aliceBody);
  const bobBody = unique('The minister did, on the <b>Tuesday</b>.');
  const bobPage = await reader(browser);
  await postComment(bobPage, article.path, { name: 'Bob Answerer', email: testAddress('bob'), body: bobBody, replyTo: aliceComment!.id, js: true });
  await expect(bobPage.locator(`#comment-${aliceComment!.id} .children`).getByText(bobBody)).toBeVisible();

  // Confirming is a button on the page the link opens: a visit alone (a mail scanner's) changes nothing.
  await alicePage.goto(manage);
  await expect(alicePage.getByRole('heading', { name: 'Your email subscriptions' })).toBeVisible();
  await expect(alicePage.getByText(`Replies to your comment on ${article.headline}`)).toBeVisible();
  await alicePage.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(alicePage.getByRole('status')).toHaveText(/your address is confirmed/);
  expect(await mailTo(alice)).toHaveLength(1);

  // Bob's reply, approved after Alice confirmed, reaches her: who replied, what, and the link to it; never Bob's address.
  await approve(moderatorPage, bobBody);
  const [bobComment] = await commentsByBody(db, bobBody);
  const [, reply] = await waitForMail(alice, 2);
  expect(reply!.subject).toBe(`New reply to your comment on "${article.headline}"`);
  expect(reply!.text).toContain('Bob Answerer');
  expect(reply!.text).toContain(bobBody);
  expect(reply!.html).toContain('The minister did, on the &lt;b&gt;Tuesday&lt;/b&gt;.');
  expect(reply!.html).not.toContain('<b>Tuesday</b>');
  for (const part of [reply!.text, reply!.html, JSON.stringify([...reply!.headers])]) expect(part).not.toContain(bobComment!.authorEmail);
  const readLink = linkIn(reply!.text ?? '', new RegExp(`http://127\\.0\\.0\\.1:\\d+/comments/${bobComment!.id}(?=\\s|$)`));
  await alicePage.goto(readLink);
  await expect(alicePage).toHaveURL(new RegExp(`${article.path}#comment-${bobComment!.id}$`));
  await expect(alicePage.getByText(bobBody)).toBeVisible();

  // One click, as a mailbox provider sends it (RFC 8058): a POST from elsewhere, no cookies.
  const unsubscribe = /^<(.+)>$/.exec(String(rawHeader(reply!, 'list-unsubscribe')))![1]!;
  expect(unsubscribe).toMatch(/\/email\/[A-Za-z0-9_-]+\/unsubscribe\?s=\d+$/);
  const clicked = await request.post(unsubscribe, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.provider.example' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(clicked.status()).toBe(200);
  await alicePage.goto(manage);
  await expect(alicePage.getByText('None: this address gets no notifications.')).toBeVisible();

  // Another reply, approved: handled by the worker, and nothing more reaches Alice.
  const carolBody = unique('And the Treasury knew.');
  await postComment(await reader(browser), article.path, { name: 'Carol Third', email: testAddress('carol'), body: carolBody, replyTo: aliceComment!.id });
  await approve(moderatorPage, carolBody);
  const [carolComment] = await commentsByBody(db, carolBody);
  await notificationsHandled(db, carolComment!.id);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await mailTo(alice)).toHaveLength(2);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('a story subscription is confirmed and managed without JavaScript; the subscriber is not told of their own comment', async ({ page, browser, db }) => {
    test.setTimeout(90_000);
    const article = await makeArticle(db);
    const dave = testAddress('dave');
    const daveBody = unique('Watching this one.');
    await postComment(page, article.path, { name: 'Dave Watcher', email: dave, body: daveBody, story: true });
    await expect(page).toHaveURL(new RegExp(`${article.path}`));
    // The form says where the address stands, as it does with JavaScript.
    await expect(page.getByRole('status').filter({ hasText: 'We have emailed you a link to confirm your address' })).toBeVisible();
    const [confirm] = await waitForMail(dave, 1);
    const manage = linkIn(confirm!.text ?? '', /http:\/\/127\.0\.0\.1:\d+\/email\/[A-Za-z0-9_-]+(?=\s|$)/);
    await page.goto(manage);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await expect(page.getByRole('status')).toHaveText(/your address is confirmed/);

    // Someone else's comment, approved at once (an earlier approved comment of theirs): Dave hears of it.
    const erin = testAddress('erin');
    await db.insert(comments).values({ articleId: article.id, authorName: 'Erin Earlier', authorEmail: erin, body: unique('An earlier approved comment.'), status: 'approved', ip: '192.0.2.9', createdAt: new Date(Date.now() - 3_600_000) });
    const erinBody = unique('Erin’s new point <script>alert(1)</script>');
    const erinPage = await reader(browser, false);
    await postComment(erinPage, article.path, { name: 'Erin <img src=x onerror=alert(1)>', email: erin, body: erinBody });
    const [, story] = await waitForMail(dave, 2);
    expect(story!.subject).toBe(`New comment on "${article.headline}"`);
    expect(story!.text).toContain('Erin <img src=x onerror=alert(1)>');
    expect(story!.text).toContain(erinBody);
    expect(story!.html).not.toContain('<script>');
    expect(story!.html).not.toContain('<img src=x');
    expect(story!.html).toContain('&lt;script&gt;');

    // Dave's own new comment (approved at once: his first one is approved now) tells everyone else but him.
    const [daveComment] = await commentsByBody(db, daveBody);
    // Posted a minute ago, as far as flood control is concerned.
    await db.update(comments).set({ status: 'approved', createdAt: new Date(Date.now() - 60_000) }).where(eq(comments.id, daveComment!.id));
    const daveAgain = unique('Following up on my own.');
    await postComment(page, article.path, { name: 'Dave Watcher', email: dave, body: daveAgain });
    const [again] = await commentsByBody(db, daveAgain);
    expect(again?.status).toBe('approved');
    await notificationsHandled(db, again!.id);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await mailTo(dave)).toHaveLength(2);

    // The manage page's own button unsubscribes, without JavaScript.
    await page.goto(manage);
    await page.getByRole('button', { name: `Unsubscribe: new comments on ${article.headline}` }).click();
    await expect(page.getByRole('status')).toHaveText('Done: you will get no more of those emails.');
    await expect(page.getByText('None: this address gets no notifications.')).toBeVisible();
  });
});

test('a mailbox that does not exist: the email fails, the desk shows the server’s answer, and Send again queues it', async ({ browser, moderatorPage, article, db }) => {
  const bounce = testAddress('bounce');
  await postComment(await reader(browser), article.path, { name: 'Nobody Home', email: bounce, body: unique('Tell me of replies.'), replies: true });
  await moderatorPage.goto('/moderation/mail');
  const row = moderatorPage.getByRole('row').filter({ hasText: bounce });
  await expect(async () => {
    await moderatorPage.reload();
    await expect(row).toContainText('Failed', { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText('mailbox unavailable');
  await row.getByRole('button', { name: /Send email #\d+ again/ }).click();
  await expect(moderatorPage.getByText(/will be sent again in a few seconds/)).toBeVisible();
  const [letter] = await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, bounce));
  expect(['queued', 'sending', 'failed']).toContain(letter?.status);
});

test('the one-click address refuses a GET (a link scanner) and a POST without the RFC 8058 body', async ({ request, browser, article }) => {
  const frank = testAddress('frank');
  await postComment(await reader(browser), article.path, { name: 'Frank Scanned', email: frank, body: unique('Scan me.'), story: true });
  const [confirm] = await waitForMail(frank, 1);
  const unsubscribe = /^<(.+)>$/.exec(String(rawHeader(confirm!, 'list-unsubscribe')))![1]!;
  const visit = await request.get(unsubscribe, { maxRedirects: 0 });
  expect(visit.status()).toBe(303);
  expect(visit.headers()['location']).toMatch(/^\/email\/[A-Za-z0-9_-]+$/);
  expect((await request.post(unsubscribe, { form: { something: 'else' } })).status()).toBe(400);
  const manage = new URL(visit.headers()['location']!, unsubscribe).href;
  const page = await reader(browser);
  await page.goto(manage);
  await expect(page.getByText(`New comments on ${article.headline}`)).toBeVisible();
});

test('a name that tries to start a header (CR/LF) is refused: no comment, no subscription, no email', async ({ request, article, db }) => {
  const victim = testAddress('victim');
  const poster = testAddress('injector');
  const body = unique('Header injection attempt');
  const response = await request.post(article.path, {
    headers: { Origin: `http://127.0.0.1:${e2ePort}`, 'X-Forwarded-For': randomIp() },
    multipart: {
      [`$ACTION_ID_${serverActionId('app/(site)/[section]/[slug]/actions.ts', 'postComment')}`]: '',
      articleId: String(article.id),
      parentId: '',
      name: `Eve\r\nBcc: ${victim}`,
      email: poster,
      url: '',
      comment: body,
      token: '',
      notifyReplies: 'on',
      notifyStory: 'on',
    },
    maxRedirects: 0,
  });
  // A browser's text field cannot hold a line break, so only a hand-made post brings one: it is
  // answered without an error, and refused (the message is lib/comment-form.test.ts's to check).
  expect(response.status()).toBe(200);
  expect(await commentsByBody(db, body)).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await mailTo(poster)).toEqual([]);
  expect(await mailTo(victim)).toEqual([]);
});

test('the manage forms, posted with a made-up token, change nothing of anyone’s: no unsubscribe, no block, no confirmation', async ({ request, browser, article, db }) => {
  const grace = testAddress('grace');
  await postComment(await reader(browser), article.path, { name: 'Grace Kept', email: grace, body: unique('Keep me subscribed.'), story: true });
  // The confirmation is on its way once the post has landed.
  await waitForMail(grace, 1);
  const [address] = await db.select().from(mailAddresses).where(eq(mailAddresses.email, grace));
  const [subscription] = await db.select().from(mailSubscriptions).where(eq(mailSubscriptions.addressId, address!.id));
  const action = `$ACTION_ID_${serverActionId('app/email/[token]/actions.ts', 'manageMail')}`;
  const madeUp = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const forms: Record<string, string>[] = [
    { token: madeUp, intent: 'unsubscribe', subscription: String(subscription!.id) },
    { token: madeUp, intent: 'all' },
    { token: madeUp, intent: 'block' },
    { token: madeUp, intent: 'confirm' },
    { token: madeUp, intent: 'unblock' },
    { token: '../../etc', intent: 'block' },
    { intent: 'unsubscribe', subscription: String(subscription!.id) },
  ];
  for (const fields of forms) {
    // Posted to Grace's own page, as if from it: what counts is the token in the form.
    const response = await request.post(`/email/${address!.token}`, {
      headers: { Origin: `http://127.0.0.1:${e2ePort}`, 'X-Forwarded-For': randomIp() },
      multipart: { [action]: '', ...fields },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(fields)).toBeLessThan(500);
  }
  expect(await db.select().from(mailSubscriptions).where(eq(mailSubscriptions.id, subscription!.id))).toHaveLength(1);
  const [after] = await db.select().from(mailAddresses).where(eq(mailAddresses.email, grace));
  expect(after).toEqual(address);
});

test('never email me again, then allow it again: the address takes a new subscription as before', async ({ browser, article, db }) => {
  const page = await reader(browser, false);
  const hana = testAddress('hana');
  const firstBody = unique('Following this story.');
  await postComment(page, article.path, { name: 'Hana Back', email: hana, body: firstBody, story: true });
  const [confirm] = await waitForMail(hana, 1);
  const manage = linkIn(confirm!.text ?? '', /http:\/\/127\.0\.0\.1:\d+\/email\/[A-Za-z0-9_-]+(?=\s|$)/);
  await page.goto(manage);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByRole('status')).toHaveText(/your address is confirmed/);

  await page.getByRole('button', { name: 'Never email this address again' }).click();
  await expect(page.getByRole('status')).toHaveText(/we will never email this address again/);
  await expect(page.getByText('None: this address gets no notifications.')).toBeVisible();
  await page.getByRole('button', { name: 'Allow emails to this address again' }).click();
  await expect(page.getByRole('status')).toHaveText(/this address may be emailed again/);
  await expect(page.getByRole('button', { name: 'Never email this address again' })).toBeVisible();
  const [address] = await db.select().from(mailAddresses).where(eq(mailAddresses.email, hana));
  expect(address).toMatchObject({ blockedAt: null, confirmedAt: expect.any(Date) });

  // A new comment asking for the story's comments subscribes again, with no second confirmation.
  const [first] = await commentsByBody(db, firstBody);
  await db.update(comments).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(comments.id, first!.id));
  await postComment(page, article.path, { name: 'Hana Back', email: hana, body: unique('Back again.'), story: true });
  await page.goto(manage);
  await expect(page.getByRole('button', { name: `Unsubscribe: new comments on ${article.headline}` })).toBeVisible();
  // The outbox is written with the comment: still the one confirmation, nothing queued for the second.
  expect(await db.select({ kind: mailOutbox.kind }).from(mailOutbox).where(eq(mailOutbox.recipient, hana))).toEqual([{ kind: 'confirm' }]);
});
