import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { upsertUser } from '../db/users';
import { loginFailures, users } from '../db/schema';
import { SIGN_IN_LIMIT } from '../lib/sign-in-throttle';
import { addComment, commentById, commentsByBody, expect, postSignIn, randomIp, reloadUntil, serverActionId, test } from './fixtures';

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;
const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the desk is for signed-in staff only, and is never cached', async ({ page, moderatorPage }) => {
  await page.goto('/moderation');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  const response = await moderatorPage.goto('/moderation');
  expect(response?.headers()['cache-control']).toMatch(/private/);
  expect(response?.headers()['cache-control']).toMatch(/no-store/);
  const login = await page.goto('/login');
  expect(login?.headers()['cache-control']).toMatch(/no-store/);
  await expect(moderatorPage.getByRole('heading', { name: 'Comments' })).toBeVisible();
});

test('approving a pending comment shows it to readers at once; trashing hides it again', async ({ moderatorPage, browser, article, db }) => {
  const body = unique('Worth reading');
  const id = await addComment(db, article.id, { name: 'Queue Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  const reader = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await reader.goto(article.path);
  await expect(reader.getByText(body)).toHaveCount(0);

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  const item = row(moderatorPage, body);
  await expect(item).toContainText('Queue Reader');
  await expect(item).toContainText('@example.com');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();
  await expect(row(moderatorPage, body)).toHaveCount(0);

  await reloadUntil(reader, () => expect(reader.getByRole('region', { name: /comments/i }).getByText(body)).toBeVisible({ timeout: 1_000 }));

  await moderatorPage.goto(`/moderation?queue=approved&q=${encodeURIComponent(body)}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Trash' }).click();
  await expect(moderatorPage.getByText('1 comment moved to the Trash.')).toBeVisible();
  await reloadUntil(reader, () => expect(reader.getByText(body)).toHaveCount(0, { timeout: 1_000 }));
  expect((await commentById(db, id))?.status).toBe('trash');
  await reader.close();
});

test('spam, not spam, trash, restore and delete permanently', async ({ moderatorPage, article, db }) => {
  const body = unique('Round trip');
  const id = await addComment(db, article.id, { name: 'Round Tripper', body, status: 'approved' });
  const q = `q=${encodeURIComponent(body)}`;

  await moderatorPage.goto(`/moderation?queue=approved&${q}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Spam', exact: true }).click();
  await expect(moderatorPage.getByText('1 comment marked as spam.')).toBeVisible();
  expect((await commentById(db, id))?.status).toBe('spam');

  await moderatorPage.goto(`/moderation?queue=spam&${q}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Not spam' }).click();
  await expect(moderatorPage.getByText('1 comment restored from spam.')).toBeVisible();
  expect((await commentById(db, id))?.status).toBe('approved');

  await moderatorPage.goto(`/moderation?queue=approved&${q}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Trash' }).click();
  await expect(moderatorPage.getByText('1 comment moved to the Trash.')).toBeVisible();
  await moderatorPage.goto(`/moderation?queue=trash&${q}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Restore' }).click();
  await expect(moderatorPage.getByText('1 comment restored from the Trash.')).toBeVisible();
  expect((await commentById(db, id))?.status).toBe('approved');

  await moderatorPage.goto(`/moderation?queue=approved&${q}`);
  await expect(row(moderatorPage, body).getByRole('button', { name: 'Delete permanently' })).toHaveCount(0);
  await row(moderatorPage, body).getByRole('button', { name: 'Trash' }).click();
  await expect(moderatorPage.getByText('1 comment moved to the Trash.')).toBeVisible();
  await moderatorPage.goto(`/moderation?queue=trash&${q}`);
  await row(moderatorPage, body).getByRole('button', { name: 'Delete permanently' }).click();
  await expect(moderatorPage.getByText('1 comment deleted permanently.')).toBeVisible();
  expect(await commentById(db, id)).toBeUndefined();
});

test('bulk approve the selected comments', async ({ moderatorPage, article, db }) => {
  const tag = unique('Bulk');
  const ids: number[] = [];
  for (const n of [1, 2, 3]) ids.push(await addComment(db, article.id, { name: `Bulk ${n}`, body: `${tag} number ${n}`, status: 'pending', email: `${crypto.randomUUID()}@example.com` }));
  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(tag)}`);
  await row(moderatorPage, `${tag} number 1`).getByRole('checkbox').check();
  await row(moderatorPage, `${tag} number 3`).getByRole('checkbox').check();
  await moderatorPage.getByLabel('Bulk action').selectOption('approve');
  await moderatorPage.getByRole('button', { name: 'Apply' }).click();
  await expect(moderatorPage.getByText('2 comments approved.')).toBeVisible();
  expect(await Promise.all(ids.map(async (id) => (await commentById(db, id))?.status))).toEqual(['approved', 'pending', 'approved']);

  await moderatorPage.getByRole('link', { name: 'Select all on this page' }).click();
  await expect(row(moderatorPage, `${tag} number 2`).getByRole('checkbox')).toBeChecked();
});

test('a staff reply is approved at once with a Staff badge, and an edit is in the log', async ({ moderatorPage, browser, article, db }) => {
  const body = unique('Question for the newsroom');
  const id = await addComment(db, article.id, { name: 'Curious Reader', body, status: 'approved' });
  const reply = unique('Thanks, we have corrected the figure');

  await moderatorPage.goto(`/moderation?queue=approved&q=${encodeURIComponent(body)}`);
  await row(moderatorPage, body).getByRole('link', { name: 'Reply' }).click();
  await moderatorPage.getByLabel('Your reply').fill(reply);
  await moderatorPage.getByRole('button', { name: 'Post staff reply' }).click();
  await expect(moderatorPage).toHaveURL(/\/moderation\?queue=approved$/);

  const reader = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await reader.goto(article.path);
  const staffReply = reader.locator(`#comment-${id} .children li`).filter({ hasText: reply });
  await expect(staffReply).toBeVisible();
  await expect(staffReply.getByText('Staff', { exact: true })).toBeVisible();
  await reader.close();

  const edited = `${body} (edited)`;
  await moderatorPage.goto(`/moderation/comments/${id}/edit`);
  // Typing while React hydrates the form can land the caret at the start of the old text: wait for
  // the form's hydration flag (components/js-flag.tsx) as a person waits for the page to settle.
  await expect(moderatorPage.locator('form.desk-text-form input[name="js"]')).toBeAttached();
  await moderatorPage.getByLabel('Comment text').fill(edited);
  await moderatorPage.getByRole('button', { name: 'Save changes' }).click();
  await expect(moderatorPage).toHaveURL(/\/moderation\?queue=approved$/);
  expect((await commentById(db, id))?.body).toBe(edited);
  await moderatorPage.goto('/moderation/log');
  const entry = moderatorPage.getByRole('row').filter({ hasText: 'comment.edit' }).filter({ hasText: edited }).first();
  await expect(entry).toContainText('Mo Derator');
});

test('keyboard: j moves, a approves, u undoes', async ({ moderatorPage, article, db }) => {
  const tag = unique('Keys');
  const first = await addComment(db, article.id, { name: 'Key One', body: `${tag} one`, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(tag)}`);
  await expect(row(moderatorPage, `${tag} one`)).toBeVisible();
  await moderatorPage.getByRole('heading', { name: 'Comments', exact: true }).click();
  await moderatorPage.keyboard.press('j');
  await expect(row(moderatorPage, `${tag} one`)).toBeFocused();
  await moderatorPage.keyboard.press('a');
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();
  await expect(row(moderatorPage, `${tag} one`)).toHaveCount(0);
  expect((await commentById(db, first))?.status).toBe('approved');

  await moderatorPage.keyboard.press('u');
  await expect(moderatorPage.getByText('Undone: 1 comment put back.')).toBeVisible();
  await expect(row(moderatorPage, `${tag} one`)).toBeVisible();
  expect((await commentById(db, first))?.status).toBe('pending');

  await moderatorPage.keyboard.press('?');
  await expect(moderatorPage.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('wrong passwords are throttled with the same answer whether or not the account exists', async ({ browser, db }) => {
  const email = `throttle.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const nobody = `nobody.${crypto.randomUUID().slice(0, 8)}@example.com`;
  await upsertUser(db, { email, name: 'Throttled Person', role: 'moderator', password: 'the right password here' });
  const answers: Record<string, string[]> = {};
  for (const target of [email, nobody]) {
    // A guesser of its own for each, from its own address (the throttle counts by email and by
    // address), posting the form as a script would.
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
    const seen: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMIT; i++) seen.push(await postSignIn(context.request, target, `wrong password ${i}`));
    seen.push(await postSignIn(context.request, target, target === email ? 'the right password here' : 'anything at all'));
    expect(seen.slice(0, SIGN_IN_LIMIT).every((answer) => answer.includes('error=invalid')), seen.join('\n')).toBe(true);
    expect(seen.at(-1)).toContain('error=throttled');
    answers[target] = seen;
    if (target === email) {
      // What the person sees at the door, the right password notwithstanding.
      const page = await context.newPage();
      await signIn(page, email, 'the right password here');
      await expect(page.getByText('Too many failed sign-ins. Please wait 15 minutes and try again.')).toBeVisible();
    }
    await context.close();
    expect(await db.select({ ip: loginFailures.ip }).from(loginFailures).where(eq(loginFailures.email, target))).toHaveLength(SIGN_IN_LIMIT);
  }
  expect(answers[nobody]).toEqual(answers[email]);
});

test("a disabled moderator's session stops working at the next request", async ({ browser, db }) => {
  const email = `leaver.${crypto.randomUUID().slice(0, 8)}@example.com`;
  await upsertUser(db, { email, name: 'Leaving Soon', role: 'moderator', password: 'a perfectly good password' });
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await context.newPage();
  await signIn(page, email, 'a perfectly good password');
  await expect(page).toHaveURL(/\/moderation$/);
  await db.update(users).set({ disabled: true }).where(eq(users.email, email));
  await page.goto('/moderation');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('a desk action replayed without a session changes nothing and says so', async ({ request, article, db }) => {
  const body = unique('Replay target');
  const id = await addComment(db, article.id, { name: 'Replayed', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  // The same post a browser without JavaScript makes, but with no session cookie.
  const response = await request.post('/moderation', {
    multipart: { [`$ACTION_ID_${serverActionId('app/moderation/actions.ts', 'moderateComments')}`]: '', intent: `approve:${id}` },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  expect((await commentById(db, id))?.status).toBe('pending');
  const landing = await request.get('/moderation');
  expect(landing.url()).toContain('/login');
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the desk still approves and signs in', async ({ moderatorPage, page, article, db }) => {
    const body = unique('No script needed');
    const id = await addComment(db, article.id, { name: 'Plain Form', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
    await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
    await row(moderatorPage, body).getByRole('button', { name: 'Approve' }).click();
    await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();
    expect((await commentById(db, id))?.status).toBe('approved');

    await signIn(page, 'nobody@example.com', 'wrong');
    await expect(page.getByText('Incorrect email or password.')).toBeVisible();
  });
});

test('commenter emails appear only to moderators', async ({ moderatorPage, request, article, db }) => {
  const email = `only.mods.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const body = unique('Email check');
  await addComment(db, article.id, { name: 'Email Owner', body, status: 'approved', email });
  expect(await (await request.get(article.path)).text()).not.toContain(email);
  await moderatorPage.goto(`/moderation?queue=approved&q=${encodeURIComponent(body)}`);
  await expect(row(moderatorPage, body)).toContainText(email);
  expect(await commentsByBody(db, body)).toHaveLength(1);
});
