import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { commentReports, comments, moderationLog } from '../db/schema';
import { e2ePort, e2eServerMode } from './env';
import { addApprovedComment, expect, randomIp, serverActionId, test } from './fixtures';

const thanks = 'Thank you. A moderator will look at this comment.';
const already = 'You have already reported this comment.';

const commentBy = (page: Page, name: string) => page.getByRole('article', { name: `Comment by ${name}` });

/** Opens Report under the comment, picks a reason, perhaps writes a note, and sends it. */
async function report(page: Page, name: string, { reason = 'Abuse', note = '' }: { reason?: string; note?: string } = {}) {
  const comment = commentBy(page, name);
  await comment.getByText('Report', { exact: true }).click();
  const why = comment.getByRole('group', { name: 'Why are you reporting this comment?' });
  await why.getByRole('radio', { name: reason, exact: true }).check();
  if (note) await comment.getByLabel('Note (optional)').fill(note);
  await comment.getByRole('button', { name: 'Send report' }).click();
  return comment;
}

function openReports(db: Db, commentId: number) {
  return db
    .select({ reason: commentReports.reason, note: commentReports.note, ip: commentReports.ip })
    .from(commentReports)
    .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.dismissedAt)))
    .orderBy(commentReports.id);
}

const statusOf = async (db: Db, id: number) => (await db.select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;

async function newReader(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  return { context, page: await context.newPage() };
}

test('a reader reports an approved comment once, and is told so the second time', async ({ page, article, db }) => {
  const name = `Rude Rita ${crypto.randomUUID().slice(0, 6)}`;
  const id = await addApprovedComment(db, article.id, { name, body: 'Something uncalled for.' });
  await page.goto(article.path);

  const comment = await report(page, name, { reason: 'Off-topic', note: 'Nothing to do with the story.' });
  await expect(comment.getByRole('status')).toHaveText(thanks);
  await expect(comment.getByRole('button', { name: 'Send report' })).toHaveCount(0);
  expect(await openReports(db, id)).toEqual([{ reason: 'off-topic', note: 'Nothing to do with the story.', ip: expect.any(String) }]);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'bs_reporter');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');

  // One report is not enough to take the comment down.
  expect(await statusOf(db, id)).toBe('approved');
  await page.reload();
  await expect(commentBy(page, name)).toBeVisible();

  await report(page, name, { reason: 'Spam' });
  await expect(commentBy(page, name).getByRole('status')).toHaveText(already);
  expect(await openReports(db, id)).toHaveLength(1);
});

test('Report sits beside Reply under approved comments, not under a held one', async ({ page, article, db }) => {
  const name = `Fair Fay ${crypto.randomUUID().slice(0, 6)}`;
  await addApprovedComment(db, article.id, { name, body: 'A fair point.' });
  await page.goto(article.path);
  await expect(commentBy(page, name).getByRole('link', { name: `Reply to ${name}` })).toBeVisible();
  await expect(commentBy(page, name).getByText('Report', { exact: true })).toBeVisible();

  const held = `Held back ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByRole('textbox', { name: 'Name' }).fill(held);
  await page.getByRole('textbox', { name: 'Email' }).fill(`held.${crypto.randomUUID().slice(0, 8)}@example.com`);
  await page.getByRole('textbox', { name: 'Comment' }).fill(`Waiting my turn ${crypto.randomUUID()}`);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(commentBy(page, held).getByText('Your comment is awaiting moderation.')).toBeVisible();
  await expect(commentBy(page, held).getByText('Report', { exact: true })).toHaveCount(0);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('Report leads to a page with the form, which posts and answers in place', async ({ page, article, db }) => {
    const name = `Spammy Sam ${crypto.randomUUID().slice(0, 6)}`;
    const id = await addApprovedComment(db, article.id, { name, body: 'Cheap watches at example dot com.' });
    const reportOnItsPage = async (reason: string, note = '') => {
      await page.goto(article.path);
      await commentBy(page, name).getByText('Report', { exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/comments/${id}/report$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Report ${name}’s comment`);
      await page.getByRole('group', { name: 'Why are you reporting this comment?' }).getByRole('radio', { name: reason, exact: true }).check();
      if (note) await page.getByLabel('Note (optional)').fill(note);
      await page.getByRole('button', { name: 'Send report' }).click();
    };

    await reportOnItsPage('Spam');
    await expect(page.getByRole('status')).toHaveText(thanks);
    expect(await openReports(db, id)).toEqual([{ reason: 'spam', note: '', ip: expect.any(String) }]);

    await reportOnItsPage('Other', 'Still here.');
    await expect(page.getByRole('status')).toHaveText(already);
    expect(await openReports(db, id)).toHaveLength(1);
  });
});

/**
 * Sends the report form as a browser without JavaScript posts it, from an address of its own and with
 * no reporter cookie yet: another person, for a fraction of a page load.
 */
async function postReport(request: APIRequestContext, path: string, commentId: number, note: string) {
  const response = await request.post(path, {
    headers: { Origin: `http://127.0.0.1:${e2ePort}`, 'X-Forwarded-For': randomIp() },
    multipart: { [`$ACTION_ID_${serverActionId('app/(site)/[section]/[slug]/report-actions.ts', 'reportComment')}`]: '', commentId: String(commentId), reason: 'abuse', note },
    maxRedirects: 0,
  });
  expect(response.status(), 'the report is answered').toBeLessThan(400);
}

// Two readers report as scripts (each a person of their own), the third through the page, whose
// own view must lose the comment: four page loads in fresh browsers took 30 s on a busy machine.
test('three reports from three people send the comment back to Pending', async ({ browser, playwright, article, db }) => {
  const name = `Nasty Ned ${crypto.randomUUID().slice(0, 6)}`;
  const body = `Reported into hiding ${crypto.randomUUID()}`;
  const id = await addApprovedComment(db, article.id, { name, body });

  for (const n of [1, 2]) {
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${e2ePort}` });
    await postReport(request, article.path, id, `Reader ${n}`);
    await request.dispose();
    expect(await openReports(db, id)).toHaveLength(n);
    expect(await statusOf(db, id)).toBe('approved');
  }

  const reader = await newReader(browser);
  await reader.page.goto(article.path);
  await report(reader.page, name, { reason: 'Abuse', note: 'Reader 3' });
  // The reporter's own page refreshes without the comment once it is back in Pending.
  await expect.poll(() => statusOf(db, id)).toBe('pending');
  await expect(reader.page.getByText(body)).toHaveCount(0);
  await reader.context.close();

  expect(await openReports(db, id)).toHaveLength(3);
  const [logged] = await db
    .select({ actorName: moderationLog.actorName, after: moderationLog.after })
    .from(moderationLog)
    .where(and(eq(moderationLog.action, 'comment.reported-to-pending'), eq(moderationLog.targetId, id)))
    .orderBy(moderationLog.id);
  expect(logged).toEqual({ actorName: 'System', after: { status: 'pending', reports: 3 } });

  // Anyone else's next request gets the story without it, the page and its payload alike.
  // (Behind docs/nginx.conf, its 1-second cache may answer until the app's refresh lands.)
  const stranger = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const strangerSees = async () => {
    const html = await (await stranger.request.get(article.path)).text();
    expect(html).toContain('Leave a Reply');
    expect(html).not.toContain(body);
  };
  if (e2eServerMode === 'next-start') await expect(strangerSees).toPass({ timeout: 5_000 });
  else await strangerSees();
  await stranger.close();
});

// Reports count people as well as the server can tell them apart: a fresh browser (no cookie) from
// the same address, or from the same IPv6 /64, is the same person again.
for (const [label, addresses] of [
  ['one IPv4 address', () => Array(3).fill(randomIp()) as string[]],
  ['one IPv6 /64 network', () => {
    const network = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    return [`${network}::1`, `${network}:ffff::2`, `${network}::abcd:3`];
  }],
] as const) {
  test(`three fresh browsers from ${label} do not take a comment off the page`, async ({ browser, article, db }) => {
    const name = `Targeted Tom ${crypto.randomUUID().slice(0, 6)}`;
    const body = `Not to be silenced ${crypto.randomUUID()}`;
    const id = await addApprovedComment(db, article.id, { name, body });

    for (const [n, address] of addresses().entries()) {
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
      const page = await context.newPage();
      await page.goto(article.path);
      const comment = await report(page, name, { reason: 'Abuse', note: `Sock puppet ${n + 1}` });
      // Each is answered politely, as any report is.
      await expect(comment.getByRole('status')).toHaveText(thanks);
      await context.close();
    }

    expect(await statusOf(db, id)).toBe('approved');
    const stranger = await newReader(browser);
    await stranger.page.goto(article.path);
    await expect(commentBy(stranger.page, name)).toBeVisible();
    await expect(stranger.page.getByText(body)).toBeVisible();
    await stranger.context.close();
  });
}
