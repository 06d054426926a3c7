import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { articles, authors } from '../db/schema';
import { linkUserToAuthor, upsertUser } from '../db/users';
import type { UserRole } from '../lib/user-roles';
import { expect, postSignIn, randomIp, uniqueSlug } from './fixtures';

/** The newsroom desk as its specs use it: staff of each role signed in, and the story form's fields. */

export async function signedInAs(browser: Browser, db: Db, role: UserRole, { javaScript = true } = {}) {
  const slug = uniqueSlug(role);
  const person = { email: `${slug}@example.com`, name: `${role === 'author' ? 'Reporter' : 'Editor'} ${slug.slice(-6)}`, password: 'a newsroom password of some length', role };
  const id = await upsertUser(db, person);
  let byline: { id: number; slug: string; name: string } | null = null;
  if (role === 'author') {
    const [author] = await db.insert(authors).values({ slug, name: person.name }).returning({ id: authors.id });
    expect(await linkUserToAuthor(db, id, slug)).toBe(true);
    byline = { id: author!.id, slug, name: person.name };
  }
  const context = await browser.newContext({ javaScriptEnabled: javaScript, extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await context.newPage();
  await postSignIn(page.request, person.email, person.password);
  return { page, person: { ...person, id }, byline };
}

/** The story with this headline (the first made, if several), or undefined. */
export const storyRow = async (db: Db, headline: string) =>
  (await db.select().from(articles).where(eq(articles.headline, headline)).orderBy(articles.id).limit(1))[0];

// By role, which leaves out the hidden copies of pages Next keeps for going back.
export const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
export const choice = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

export async function fillStory(page: Page, story: { headline: string; standfirst?: string; body?: string; section?: string; byline?: string; slug?: string }) {
  await field(page, 'Headline').fill(story.headline);
  if (story.standfirst !== undefined) await field(page, 'Standfirst').fill(story.standfirst);
  if (story.body !== undefined) await field(page, 'Body').fill(story.body);
  if (story.section) await choice(page, 'Section').selectOption({ label: story.section });
  if (story.byline) await choice(page, 'Byline').selectOption({ label: story.byline });
  if (story.slug !== undefined) await field(page, 'Address').fill(story.slug);
}

/** The form's own message (Next's route announcer is an alert too). */
export const formAlert = (page: Page) => page.locator('form.story-editor').getByRole('alert');
