import type { Locator, Page } from '@playwright/test';
import { eq, inArray } from 'drizzle-orm';
import { commentBans, comments } from '../db/schema';
import { addComment, commentById, commentsByBody, expect, randomIp, reloadUntil, test } from './fixtures';
import { signedInAs } from './desk';
import { expectNothingRan, watch, xssPayloads } from './xss-payloads';

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;
const row = (page: Page | Locator, text: string) => page.getByRole('row').filter({ hasText: text });

/** Posts a comment as a reader with JavaScript, as the form under the story does. */
async function postAsReader(page: Page, path: string, { email, body }: { email: string; body: string }) {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Name' }).fill('Persistent Poster');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Comment' }).fill(body);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  // By role: the page the form was on may stay in the document, hidden, once the refresh lands.
  await expect(page.getByRole('status').filter({ hasText: /Thank you/ })).toBeVisible();
}

test('a moderator bans a commenter’s email domain from their comment: their approved comments leave (and come back with Undo), and what they post next goes to Spam naming the ban until it is lifted', async ({
  moderatorPage,
  browser,
  article,
  db,
}) => {
  test.setTimeout(90_000);
  const domain = `${crypto.randomUUID().slice(0, 8)}.example.org`;
  const first = unique('A first comment from the troublesome domain');
  const second = unique('A second one from a subdomain of it');
  const bystander = unique('A bystander at a look-alike domain');
  const firstId = await addComment(db, article.id, { name: 'Trouble Maker', body: first, status: 'approved', email: `trouble@${domain}` });
  const secondId = await addComment(db, article.id, { name: 'Trouble Again', body: second, status: 'approved', email: `again@mail.${domain}` });
  const bystanderId = await addComment(db, article.id, { name: 'Bystander', body: bystander, status: 'approved', email: `reader@not${domain}` });
  const reader = await browser.newPage({ javaScriptEnabled: false });
  await reader.goto(article.path);
  await expect(reader.getByText(first)).toBeVisible();

  // From the comment on the desk: Ban commenter, by their email domain.
  await moderatorPage.goto(`/moderation?queue=approved&q=${encodeURIComponent(first)}`);
  await row(moderatorPage, first).getByRole('link', { name: 'Ban Trouble Maker' }).click();
  await expect(moderatorPage.getByRole('heading', { name: 'Ban a commenter' })).toBeVisible();
  await expect(moderatorPage.getByRole('textbox', { name: 'Email, address or domain to ban' })).toHaveValue(`trouble@${domain}`);
  await moderatorPage.getByRole('link', { name: 'their email domain' }).click();
  await expect(moderatorPage.getByRole('radio', { name: /Email domain/ })).toBeChecked();
  await expect(moderatorPage.getByRole('textbox', { name: 'Email, address or domain to ban' })).toHaveValue(domain);
  await moderatorPage.getByRole('textbox', { name: 'Reason' }).fill('Spam links <b>again</b>');
  await moderatorPage.getByRole('checkbox', { name: 'Also move their approved comments to Pending' }).check();
  await moderatorPage.getByRole('button', { name: 'Ban commenter' }).click();

  await expect(moderatorPage).toHaveURL(/\/moderation\/bans\?notice=/);
  await expect(moderatorPage.getByText(`Banned everyone at ${domain}: what they post next goes to Spam. 2 approved comments moved to Pending.`)).toBeVisible();
  const inForce = moderatorPage.getByRole('region', { name: 'In force' });
  await expect(row(inForce, domain)).toContainText('Spam links <b>again</b>');
  await expect(row(inForce, domain)).toContainText('Never');
  expect([(await commentById(db, firstId))?.status, (await commentById(db, secondId))?.status, (await commentById(db, bystanderId))?.status]).toEqual(['pending', 'pending', 'approved']);
  await reloadUntil(reader, () => expect(reader.getByText(first)).toHaveCount(0, { timeout: 1_000 }));
  await expect(reader.getByText(second)).toHaveCount(0);
  await expect(reader.getByText(bystander)).toBeVisible();

  // Undo brings the two back; the ban stays.
  await moderatorPage.getByRole('button', { name: 'Undo' }).click();
  await expect(moderatorPage.getByText('Undone: 2 comments put back.')).toBeVisible();
  await reloadUntil(reader, () => expect(reader.getByText(first)).toBeVisible({ timeout: 1_000 }));
  await expect(reader.getByText(second)).toBeVisible();
  const [ban] = await db.select().from(commentBans).where(eq(commentBans.value, domain));
  expect(ban).toBeDefined();

  // The next comment from the domain goes to Spam, and the desk says which ban sent it there.
  const poster = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const banned = unique('Posted while banned');
  await postAsReader(poster, article.path, { email: `someone@news.${domain}`, body: banned });
  const [stored] = await commentsByBody(db, banned);
  expect(stored?.status).toBe('spam');
  expect(stored?.heldReason).toEqual({ rule: 'banned', banId: ban!.id, ban: `Banned (email domain ${domain}): Spam links <b>again</b>` });
  await moderatorPage.goto(`/moderation?queue=spam&q=${encodeURIComponent(banned)}`);
  await expect(row(moderatorPage, banned)).toContainText(`Held: Banned (email domain ${domain}): Spam links <b>again</b>`);
  await expect(poster.getByText(banned)).toHaveCount(0);

  // Edit it (a shorter reason), then lift it: the next comment takes the usual rules again.
  await moderatorPage.goto('/moderation/bans');
  await moderatorPage.getByRole('link', { name: `Edit the ban on ${domain}` }).click();
  await expect(moderatorPage.getByRole('textbox', { name: 'Reason' })).toHaveValue('Spam links <b>again</b>');
  await moderatorPage.getByRole('textbox', { name: 'Reason' }).fill('Spam links');
  await moderatorPage.getByRole('combobox', { name: 'Lasts' }).selectOption('24h');
  await moderatorPage.getByRole('button', { name: 'Save ban' }).click();
  await expect(moderatorPage.getByText(`Saved the ban on everyone at ${domain}.`)).toBeVisible();
  await expect(row(moderatorPage.getByRole('region', { name: 'In force' }), domain)).toContainText('Spam links');
  await expect(row(moderatorPage.getByRole('region', { name: 'In force' }), domain)).not.toContainText('Never');
  await moderatorPage.getByRole('button', { name: `Lift the ban on ${domain}` }).click();
  await expect(moderatorPage.getByText(`Lifted the ban on everyone at ${domain}. What it sent to Spam stays there.`)).toBeVisible();
  await expect(moderatorPage.getByText(domain)).toHaveCount(1);
  const after = unique('Posted after the ban was lifted');
  // Another reader at the domain (one poster twice in a row would meet the flood rule).
  const neighbour = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await postAsReader(neighbour, article.path, { email: `another@news.${domain}`, body: after });
  await neighbour.close();
  expect((await commentsByBody(db, after))[0]?.status).not.toBe('spam');

  await moderatorPage.goto('/moderation/log');
  await expect(moderatorPage.getByRole('row').filter({ hasText: 'ban.lift' }).first()).toBeVisible();
  await poster.close();
  await reader.close();
});

test('without JavaScript, a ban refused for a bad value keeps what was typed and says why beside the field; corrected, it is made', async ({ browser, db }) => {
  const { page } = await signedInAs(browser, db, 'moderator', { javaScript: false });
  await page.goto('/moderation/bans/new');
  await page.getByRole('radio', { name: /IP address or range/ }).check();
  await page.getByRole('textbox', { name: 'Email, address or domain to ban' }).fill('203.0.113.0/2');
  await page.getByRole('textbox', { name: 'Reason' }).fill('Flooding the live blog');
  await page.getByRole('combobox', { name: 'Lasts' }).selectOption('7d');
  await page.getByRole('button', { name: 'Ban commenter' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below. Nothing was saved.');
  const value = page.getByRole('textbox', { name: 'Email, address or domain to ban' });
  await expect(value).toHaveValue('203.0.113.0/2');
  await expect(value).toHaveAccessibleDescription(/is too wide: it would ban much of the internet/);
  await expect(page.getByRole('textbox', { name: 'Reason' })).toHaveValue('Flooding the live blog');
  await expect(page.getByRole('combobox', { name: 'Lasts' })).toHaveValue('7d');
  await expect(page.getByRole('radio', { name: /IP address or range/ })).toBeChecked();

  const range = `203.0.${Math.floor(Math.random() * 200) + 20}.0/24`;
  await value.fill(range.replace('.0/24', '.77/24'));
  await page.getByRole('button', { name: 'Ban commenter' }).click();
  await expect(page.getByText(`Banned ${range}: what they post next goes to Spam.`)).toBeVisible();
  const [stored] = await db.select().from(commentBans).where(eq(commentBans.value, range));
  expect(stored).toMatchObject({ kind: 'ip', reason: 'Flooding the live blog' });
  const week = 7 * 24 * 60 * 60 * 1000;
  expect(Math.abs(stored!.expiresAt!.getTime() - (Date.now() + week))).toBeLessThan(5 * 60 * 1000);

  await page.getByRole('button', { name: `Lift the ban on ${range}` }).click();
  await expect(page.getByText(`Lifted the ban on ${range}.`, { exact: false })).toBeVisible();
  expect(await db.select().from(commentBans).where(eq(commentBans.value, range))).toEqual([]);
  await page.context().close();
});

test('hostile text in a ban’s reason stays text on the Bans page, its edit form and the desk’s why-held', async ({ moderatorPage, article, db }) => {
  const tag = crypto.randomUUID().slice(0, 8);
  const at = new Date();
  const hostile = xssPayloads.filter((payload) => payload.length <= 200).slice(0, 12);
  const rows = await db
    .insert(commentBans)
    .values(hostile.map((reason, i) => ({ kind: 'domain' as const, value: `x${i}-${tag}.example.com`, reason, createdByName: reason.slice(0, 60), createdAt: at, updatedAt: at })))
    .returning({ id: commentBans.id });
  const body = unique('Held by a hostile ban');
  const held = await addComment(db, article.id, { name: 'Held Poster', body, status: 'spam', email: `held@x0-${tag}.example.com` });
  await db.update(comments).set({ heldReason: { rule: 'banned', banId: rows[0]!.id, ban: `Banned (email domain x0-${tag}.example.com): ${hostile[0]}` } }).where(eq(comments.id, held));

  const seen = watch(moderatorPage);
  await moderatorPage.goto('/moderation/bans');
  await expect(row(moderatorPage, `x0-${tag}.example.com`)).toContainText(hostile[0]!);
  await expectNothingRan(moderatorPage, seen);
  await moderatorPage.goto(`/moderation/bans/${rows[0]!.id}`);
  await expect(moderatorPage.getByRole('textbox', { name: 'Reason' })).toHaveValue(hostile[0]!);
  await expectNothingRan(moderatorPage, seen);
  await moderatorPage.goto(`/moderation?queue=spam&q=${encodeURIComponent(body)}`);
  await expect(row(moderatorPage, body)).toContainText(`Held: Banned (email domain x0-${tag}.example.com): ${hostile[0]}`);
  await expectNothingRan(moderatorPage, seen);
  await db.delete(commentBans).where(inArray(commentBans.id, rows.map((r) => r.id)));
});
