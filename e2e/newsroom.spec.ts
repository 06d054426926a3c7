import type { Browser } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authors, sections, users } from '../db/schema';
import { linkUserToAuthor, upsertUser } from '../db/users';
import type { UserRole } from '../lib/user-roles';
import { expect, postSignIn, randomIp, test, uniqueSlug } from './fixtures';
import { insertStoryRow } from '../test/story';

/**
 * The newsroom desk's roles and its story list: who reaches /desk/stories, what each role sees there,
 * and where each role lands after signing in.
 */

async function account(db: Db, role: UserRole, authorSlug?: string) {
  const person = { email: `${uniqueSlug(role)}@example.com`, name: `${role[0]!.toUpperCase()}${role.slice(1)} ${uniqueSlug('n')}`, password: 'a newsroom password of some length', role };
  const id = await upsertUser(db, person);
  if (authorSlug) expect(await linkUserToAuthor(db, id, authorSlug)).toBe(true);
  return { ...person, id };
}

/** A browser of its own, signed in by posting the form; returns it with where the sign-in sent it. */
async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await context.newPage();
  const landing = await postSignIn(page.request, email, password);
  return { page, landing };
}

/** A byline of its own with one draft and one published story, headlines unique to this test. */
async function bylineWithStories(db: Db) {
  const slug = uniqueSlug('writer');
  const [author] = await db.insert(authors).values({ slug, name: `Writer ${slug}` }).returning({ id: authors.id });
  const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'business'));
  const story = (status: 'draft' | 'published', headline: string) =>
    insertStoryRow(db, { slug: uniqueSlug('desk'), sectionId: section!.id, authorId: author!.id, headline, body: 'Text.', status, publishedAt: status === 'published' ? new Date() : null, updatedAt: new Date() });
  const draft = `Draft by ${slug}`;
  const published = `Published by ${slug}`;
  await story('draft', draft);
  await story('published', published);
  return { slug, id: author!.id, draft, published };
}

test('an editor lands on the comment desk, reaches every story, and filters them by status, section, author and words', async ({ browser, db }) => {
  const writer = await bylineWithStories(db);
  const editor = await account(db, 'editor');
  const { page, landing } = await signedIn(browser, editor.email, editor.password);
  expect(landing, 'an editor moderates comments too, and starts there').toBe('/moderation');

  await page.goto('/moderation');
  await page.getByRole('navigation', { name: 'Moderation desk' }).getByRole('link', { name: 'Stories' }).click();
  await expect(page).toHaveURL(/\/desk\/stories$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stories');
  // The sample site's draft is on the desk, never on the site.
  await page.getByLabel('Status', { exact: true }).selectOption('draft');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=draft/);
  const rows = page.locator('.stories-table tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const status of await rows.locator('.story-status').allTextContents()) expect(status).toBe('Draft');
  await expect(rows.filter({ hasText: writer.draft })).toHaveCount(1);
  await expect(rows.filter({ hasText: writer.published })).toHaveCount(0);

  // By author and words: this test's two stories, and a filter by section that keeps them.
  await page.goto('/desk/stories');
  await page.getByLabel('Author', { exact: true }).selectOption({ label: `Writer ${writer.slug}` });
  await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Business' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('status').filter({ hasText: /stor/ })).toHaveText('2 stories');
  // Each headline opens its form; only the published story has a View link to the site.
  await expect(rows.filter({ hasText: writer.published }).getByRole('link', { name: writer.published, exact: true })).toHaveAttribute('href', /^\/desk\/stories\/\d+$/);
  await expect(rows.filter({ hasText: writer.published }).getByRole('link', { name: /^View/ })).toHaveAttribute('href', /^\/business\//);
  await expect(rows.filter({ hasText: writer.draft }).getByRole('link', { name: /^View/ })).toHaveCount(0);
  await page.getByLabel('Search', { exact: true }).fill(`Published by ${writer.slug}`);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Published');
  await expect(rows.first()).toContainText('Business');
  await expect(rows.first()).toContainText(`Writer ${writer.slug}`);
  // A filter typed into the address that makes no sense is ignored, not a 500.
  const odd = await page.goto('/desk/stories?status=bogus&section=x&author=-1&page=0');
  expect(odd?.status()).toBe(200);
  await page.context().close();
});

test('an author lands on their own stories, sees no one else\'s, and cannot open the comment desk', async ({ browser, db }) => {
  const mine = await bylineWithStories(db);
  const theirs = await bylineWithStories(db);
  const author = await account(db, 'author', mine.slug);
  const { page, landing } = await signedIn(browser, author.email, author.password);
  expect(landing).toBe('/desk/stories');

  await page.goto('/desk/stories');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My stories');
  await expect(page.getByLabel('Author', { exact: true })).toHaveCount(0);
  const rows = page.locator('.stories-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: mine.draft })).toHaveCount(1);
  // Asking for another author's stories by address changes nothing.
  await page.goto(`/desk/stories?author=${theirs.id}`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByText(theirs.draft)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Newsroom desk' }).getByRole('link', { name: 'Comments' })).toHaveCount(0);

  for (const path of ['/moderation', '/moderation/log', '/moderation/users']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await page.context().close();
});

test('an author without a byline is told so and shown no stories', async ({ browser, db }) => {
  const author = await account(db, 'author');
  const { page } = await signedIn(browser, author.email, author.password);
  await page.goto('/desk/stories');
  await expect(page.getByText('Your account is not linked to a byline yet')).toBeVisible();
  await expect(page.getByText('No stories match these filters.')).toBeVisible();
  await page.context().close();
});

test('a moderator is refused the newsroom desk, and a stranger is sent to sign in', async ({ moderatorPage, request }) => {
  for (const path of ['/desk', '/desk/stories']) {
    const response = await moderatorPage.goto(path);
    expect(response?.status(), path).toBe(403);
    const stranger = await request.get(path, { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(stranger.status());
    expect(new URL(stranger.headers()['location'] ?? '', 'http://desk.invalid').pathname).toBe('/login');
  }
  await expect(moderatorPage.getByRole('navigation', { name: 'Moderation desk' })).toHaveCount(0);
});

test('an admin makes a moderator an editor on the People page, and the new role counts at once', async ({ adminPage, browser, db }) => {
  const person = await account(db, 'moderator');
  const { page } = await signedIn(browser, person.email, person.password);
  expect((await page.goto('/desk/stories'))?.status()).toBe(403);

  await adminPage.goto('/moderation/users');
  const row = adminPage.getByRole('row').filter({ hasText: person.email });
  await row.getByRole('combobox', { name: `Role for ${person.name}` }).selectOption('editor');
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row.getByRole('status')).toHaveText(`${person.name} is now an editor.`);
  expect((await db.select({ role: users.role }).from(users).where(eq(users.id, person.id)))[0]?.role).toBe('editor');

  // The same session, re-read at its next request (auth.ts): the desk opens.
  expect((await page.goto('/desk/stories'))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stories');
  await page.context().close();
});
