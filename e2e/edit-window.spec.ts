import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { comments } from '../db/schema';
import { addComment, commentsByBody, expect, randomIp, test } from './fixtures';

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;
const awaiting = 'Your comment is awaiting moderation.';

/** Posts a comment through the form under the story, as its reader would. */
async function post(page: Page, db: Parameters<typeof commentsByBody>[0], path: string, body: string) {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Name' }).fill('Quick Typist');
  await page.getByRole('textbox', { name: 'Email' }).fill(`typist.${crypto.randomUUID().slice(0, 8)}@example.com`);
  await page.getByRole('textbox', { name: 'Comment' }).fill(body);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: body }).getByText(awaiting)).toBeVisible();
  const [stored] = await commentsByBody(db, body);
  return stored!;
}

const mine = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text }).first();

test('its writer edits a comment within the window, from the story: the new text is marked edited, and an approved comment of a new commenter waits for a moderator again', async ({ page, browser, moderatorPage, article, db }) => {
  test.setTimeout(60_000);
  const typo = unique('Teh council voted on Tuesday');
  const comment = await post(page, db, article.path, typo);
  // A moderator approves it meanwhile.
  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(typo)}`);
  await moderatorPage.getByRole('row').filter({ hasText: typo }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();

  await page.reload();
  await expect(mine(page, typo).getByText(awaiting)).toHaveCount(0);
  await mine(page, typo).getByRole('link', { name: 'Edit or delete your comment' }).click();
  await expect(page).toHaveURL(new RegExp(`/comments/${comment.id}/edit$`));
  await expect(page.getByRole('heading', { name: 'Edit your comment' })).toBeVisible();
  // Typing while React hydrates the form can land the caret at the start of the old text: wait for
  // the form's hydration flag (components/js-flag.tsx), as a person waits for the page to settle.
  await expect(page.locator('form.own-comment-form input[name="js"]')).toBeAttached();
  const fixed = typo.replace('Teh', 'The');
  await page.getByRole('textbox', { name: 'Your comment' }).fill(fixed);
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page).toHaveURL(new RegExp(`${article.path}#comment-${comment.id}$`));
  const edited = mine(page, fixed);
  await expect(edited).toContainText('edited');
  await expect(edited.getByText(awaiting)).toBeVisible();
  // (Next keeps the edit page hidden for the Back button, so look in the thread.)
  await expect(page.locator('#comments').getByText(typo)).toHaveCount(0);
  const [stored] = await db.select().from(comments).where(eq(comments.id, comment.id));
  expect(stored).toMatchObject({ body: fixed, status: 'pending', heldReason: { rule: 'manual-approval' } });
  expect(stored!.editedAt).toBeInstanceOf(Date);

  // Another browser gets no way in: no link, and the address says why.
  const stranger = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await stranger.goto(`/comments/${comment.id}/edit`);
  await expect(stranger.getByRole('alert').filter({ hasText: 'only from the browser that posted it' })).toBeVisible();
  await expect(stranger.getByRole('textbox', { name: 'Your comment' })).toHaveCount(0);
  await expect(stranger.getByText(fixed)).toHaveCount(0);
  await stranger.close();
});

test('the window closes: after it, and once someone has replied, the edit is refused beside the text, which is kept', async ({ page, article, db }) => {
  const body = unique('A thought I may revise');
  const comment = await post(page, db, article.path, body);
  await page.goto(`/comments/${comment.id}/edit`);
  const text = page.getByRole('textbox', { name: 'Your comment' });
  await expect(text).toHaveValue(body);

  // Someone replies while the form is open.
  await db.update(comments).set({ status: 'approved' }).where(eq(comments.id, comment.id));
  await addComment(db, article.id, { name: 'Quick Replier', body: unique('A reply'), status: 'approved', parentId: comment.id });
  await text.fill(`${body}, revised`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Someone has replied to this comment, so it can no longer be changed or deleted.')).toBeVisible();
  await expect(text).toHaveValue(`${body}, revised`);

  // Eleven minutes later (the window is ten), no reply in the way: refused for the time.
  await db.delete(comments).where(eq(comments.parentId, comment.id));
  await db.update(comments).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(comments.id, comment.id));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/can be changed only from the browser that posted it, for 10 minutes after posting/)).toBeVisible();
  await expect(text).toHaveValue(`${body}, revised`);
  expect((await commentsByBody(db, body))[0]).toMatchObject({ id: comment.id, editedAt: null });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your comment' })).toHaveCount(0);
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('its writer edits, then deletes, a comment by plain form posts', async ({ page, article, db }) => {
    const body = unique('Posted without scripts, to be changed');
    await page.goto(article.path);
    await page.getByRole('textbox', { name: 'Name' }).fill('Plain Poster');
    await page.getByRole('textbox', { name: 'Email' }).fill(`plain.${crypto.randomUUID().slice(0, 8)}@example.com`);
    await page.getByRole('textbox', { name: 'Comment' }).fill(body);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await mine(page, body).getByRole('link', { name: 'Edit or delete your comment' }).click();

    // A refusal (too short) comes back with the text kept.
    await page.getByRole('textbox', { name: 'Your comment' }).fill('x');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Please type a comment of at least 2 characters.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your comment' })).toHaveValue('x');

    const changed = `${body}, changed`;
    await page.getByRole('textbox', { name: 'Your comment' }).fill(changed);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(mine(page, changed)).toContainText('edited');

    await mine(page, changed).getByRole('link', { name: 'Edit or delete your comment' }).click();
    await page.getByRole('button', { name: 'Delete comment' }).click();
    await expect(page).toHaveURL(new RegExp(`${article.path}#comments$`));
    await expect(page.getByText(changed)).toHaveCount(0);
    expect((await commentsByBody(db, changed))[0]?.status).toBe('trash');
  });
});
