import { eq } from 'drizzle-orm';
import { comments } from '../db/schema';
import { addApprovedComment, expect, randomIp, test } from './fixtures';

/** Privacy requests on the desk: an erasure shows on the cached story at once. */

test('an admin erases a commenter from the desk and the cached story stops showing their name', async ({ adminPage, page, article, db }) => {
  const tag = crypto.randomUUID().slice(0, 8);
  const name = `Private Pat ${tag}`;
  const email = `private.pat.${tag}@example.com`;
  const body = `Please forget me ${tag}`;
  const id = await addApprovedComment(db, article.id, { name, body });
  await db.update(comments).set({ authorEmail: email }).where(eq(comments.id, id));

  // A reader's visit caches the story with the name on it.
  await page.goto(article.path);
  await expect(page.getByRole('article', { name: `Comment by ${name}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('article', { name: `Comment by ${name}` })).toBeVisible();

  await adminPage.goto('/moderation');
  await adminPage.getByRole('navigation', { name: 'Moderation desk' }).getByRole('link', { name: 'Privacy' }).click();
  const form = adminPage.getByRole('form', { name: 'Erase a commenter’s data' });
  await form.getByRole('textbox', { name: 'Commenter’s email' }).fill(email.toUpperCase());
  await form.getByRole('checkbox', { name: /cannot be undone/ }).check();
  await form.getByRole('button', { name: 'Erase' }).click();
  await expect(adminPage.getByRole('status')).toContainText(`Anonymised 1 comment by ${email}`);

  await page.reload();
  await expect(page.getByRole('article', { name: 'Comment by Anonymous' }).filter({ hasText: body })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  expect((await db.select({ authorName: comments.authorName, authorEmail: comments.authorEmail }).from(comments).where(eq(comments.id, id)))[0]).toEqual({
    authorName: 'Anonymous',
    authorEmail: '',
  });
});

test('the privacy page is for admins only', async ({ moderatorPage, request }) => {
  expect((await moderatorPage.goto('/moderation/privacy'))?.status()).toBe(403);
  await expect(moderatorPage.getByRole('navigation', { name: 'Moderation desk' }).getByRole('link', { name: 'Privacy' })).toHaveCount(0);
  const stranger = await request.get('/moderation/privacy', { maxRedirects: 0 });
  expect(new URL(stranger.headers()['location'] ?? '', 'http://desk.invalid').pathname).toBe('/login');
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('erasing works without JavaScript, only once confirmed, and answers in the page', async ({ browser, article, db }) => {
    const context = await browser.newContext({ storageState: 'e2e/.auth/admin.json', javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
    const adminPage = await context.newPage();
    const tag = crypto.randomUUID().slice(0, 8);
    const email = `quiet.quinn.${tag}@example.com`;
    const id = await addApprovedComment(db, article.id, { name: `Quiet Quinn ${tag}`, body: `Nothing to see ${tag}` });
    await db.update(comments).set({ authorEmail: email }).where(eq(comments.id, id));

    await adminPage.goto('/moderation/privacy');
    const form = adminPage.getByRole('form', { name: 'Erase a commenter’s data' });
    await form.getByRole('textbox', { name: 'Commenter’s email' }).fill(email);
    await form.getByRole('button', { name: 'Erase' }).click();
    // Not without the box ticked (the browser holds the post back; the server refuses it too).
    await expect(adminPage.getByRole('status')).toHaveCount(0);
    expect((await db.select({ authorName: comments.authorName }).from(comments).where(eq(comments.id, id)))[0]?.authorName).toBe(`Quiet Quinn ${tag}`);

    await form.getByRole('checkbox', { name: /cannot be undone/ }).check();
    await form.getByRole('button', { name: 'Erase' }).click();
    await expect(adminPage.getByRole('status')).toContainText(`Anonymised 1 comment by ${email} on 1 story`);
    expect((await db.select({ authorName: comments.authorName }).from(comments).where(eq(comments.id, id)))[0]?.authorName).toBe('Anonymous');

    // The address that answered is for posts only: a visit lands on the page, and the form still answers after it.
    await adminPage.goto('/moderation/privacy/answer/erase');
    await expect(adminPage).toHaveURL(/\/moderation\/privacy$/);
    await expect(adminPage.getByRole('status')).toHaveCount(0);
    await form.getByRole('textbox', { name: 'Commenter’s email' }).fill(`nobody.${tag}@example.com`);
    await form.getByRole('checkbox', { name: /cannot be undone/ }).check();
    await form.getByRole('button', { name: 'Erase' }).click();
    await expect(adminPage.getByRole('status')).toContainText(`Anonymised 0 comments by nobody.${tag}@example.com`);
    await context.close();
  });
});
