import type { Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { moderationLog, sections } from '../db/schema';
import { insertStoryRow } from '../test/story';
import { field, signedInAs } from './desk';
import { e2ePort } from './env';
import { expect, makeArticle, randomIp, serverActionId, test, uniqueSlug } from './fixtures';
import { expectNothingRan, watch, xssPayloads } from './xss-payloads';

/**
 * Sections from the desk. Every page carries the masthead's navigation, so a section change renders
 * every page afresh: the Playwright project runs this file after the others (with the site-wide
 * settings), where no test counts on a page staying cached.
 */

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
test.describe.configure({ mode: 'serial' });

/** The version a section's form carries now, read as a browser would get the form. */
async function formVersion(page: Page, id: number) {
  const html = await (await page.request.get(`/desk/sections/${id}`)).text();
  return /name="version" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

const sectionRow = async (db: Db, slug: string) => (await db.select().from(sections).where(eq(sections.slug, slug)))[0];
const sectionLog = (db: Db, id: number) =>
  db.select({ action: moderationLog.action, before: moderationLog.before, after: moderationLog.after }).from(moderationLog).where(and(eq(moderationLog.targetType, 'section'), eq(moderationLog.targetId, id))).orderBy(moderationLog.id);

test('an editor adds a section: the navigation, its front, its feed and the story form have it; renamed, the navigation and its stories follow', async ({ browser, db }) => {
  // A section change renders every page afresh, and this walks a dozen of them twice: on CI's two
  // cores that is more than the default 30 s.
  test.slow();
  const name = `Climate ${crypto.randomUUID().slice(0, 6)}`;
  const slug = name.toLowerCase().replace(' ', '-');
  const story = await makeArticle(db);
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await reader.newPage();
  // Cached before the change: both must be rendered afresh.
  await page.goto('/');
  await page.goto(story.path);
  await expect(navigation(page).getByRole('link', { name })).toHaveCount(0);
  // An address no route has: Next's not-found page, which the build prerendered with lib/site.ts's default.
  const nowhere = `/no/such/${slug}/page/here`;
  expect(await (await reader.request.get(nowhere)).text()).not.toContain(name);

  const editor = await signedInAs(browser, db, 'editor');
  await editor.page.goto('/desk/stories');
  await editor.page.getByRole('navigation', { name: 'Newsroom desk' }).getByRole('link', { name: 'Sections' }).click();
  await editor.page.getByRole('link', { name: 'New section' }).click();
  await field(editor.page, 'Name').fill(name);
  await field(editor.page, 'Description').fill('The planet, reported.');
  await field(editor.page, 'Place in the navigation').fill('2');
  await editor.page.getByRole('button', { name: 'Add section' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  const added = (await sectionRow(db, slug))!;
  expect(added).toMatchObject({ name, description: 'The planet, reported.', position: 2 });

  for (const path of ['/', story.path]) {
    await page.goto(path);
    const links = navigation(page).getByRole('link');
    await expect(links.nth(2), path).toHaveText(name);
    await expect(links.nth(2)).toHaveAttribute('href', `/${slug}`);
  }
  const missing = await reader.request.get(nowhere);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain(name);
  await navigation(page).getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('The planet, reported.')).toBeVisible();
  const feed = await reader.request.get(`/${slug}/feed.xml`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(name);

  await editor.page.goto('/desk/stories/new');
  await expect(editor.page.getByRole('combobox', { name: 'Section', exact: true }).getByRole('option', { name })).toHaveCount(1);

  // A story in it: the address is fixed from now on, and the name shows on the story.
  const storySlug = uniqueSlug('climate-story');
  await insertStoryRow(db, { slug: storySlug, sectionId: added.id, authorId: 1, headline: `A climate story ${storySlug}`, body: 'Text.', status: 'published', publishedAt: new Date(Date.now() - 60_000) });
  await page.goto(`/${slug}/${storySlug}`);
  await expect(page.getByRole('article').getByRole('link', { name, exact: true })).toBeVisible();

  await editor.page.goto('/desk/sections');
  const row = editor.page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('1 story');
  await row.getByRole('link', { name }).click();
  await expect(field(editor.page, 'Address')).toHaveJSProperty('readOnly', true);
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(new RegExp(`so its address stays /${slug}`));
  const renamed = `${name} and Science`;
  await field(editor.page, 'Name').fill(renamed);
  await editor.page.getByRole('button', { name: 'Save section' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(editor.page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  for (const path of ['/', story.path, `/${slug}/${storySlug}`]) {
    await page.goto(path);
    await expect(navigation(page).getByRole('link', { name: renamed }), path).toHaveAttribute('href', `/${slug}`);
  }
  await expect(page.getByRole('article').getByRole('link', { name: renamed, exact: true })).toBeVisible();
  await page.goto(`/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  // A hand-made post cannot move a section that holds a story.
  const actionId = serverActionId('app/desk/sections/actions.ts', 'saveSectionForm');
  const section = (await sectionRow(db, slug))!;
  const version = await formVersion(editor.page, section.id);
  const moved = await editor.page.request.post(`/desk/sections/${section.id}`, {
    headers: { Origin: `http://127.0.0.1:${e2ePort}` },
    multipart: { [`$ACTION_ID_${actionId}`]: '', id: String(section.id), version, name: renamed, description: '', slug: uniqueSlug('moved'), position: '2' },
    maxRedirects: 0,
  });
  expect(moved.status()).toBeLessThan(500);
  expect(await sectionRow(db, slug)).toEqual(section);

  expect(await sectionLog(db, added.id)).toEqual([
    { action: 'section.create', before: null, after: { name, slug, description: 'The planet, reported.', position: 2 } },
    { action: 'section.save', before: { name, slug, description: 'The planet, reported.', position: 2 }, after: { name: renamed, slug, description: 'The planet, reported.', position: 2 } },
  ]);
  await reader.close();
  await editor.page.context().close();
});

test('without JavaScript: an empty, too long, reserved or taken name or address is refused beside its field with the text kept; a stale form is refused', async ({ browser, db }) => {
  const editor = await signedInAs(browser, db, 'editor', { javaScript: false });
  const page = editor.page;
  const description = `Kept after a refusal ${crypto.randomUUID()}`;
  const refusals: { name: string; slug: string; field: string; says: RegExp }[] = [
    { name: '   ', slug: '', field: 'Name', says: /Please give the section a name\./ },
    { name: 'N'.repeat(61), slug: '', field: 'Name', says: /at most 60 characters/ },
    { name: 'Search', slug: '', field: 'Address', says: /"\/search" is one of the site's own addresses/ },
    { name: 'Desk news', slug: 'moderation', field: 'Address', says: /"\/moderation" is one of the site's own addresses/ },
    { name: 'More news', slug: 'news', field: 'Address', says: /The section “News” already has the address \/news/ },
    { name: 'Odd', slug: 'Odd Address', field: 'Address', says: /lower-case letters, digits and single hyphens/ },
  ];
  for (const refusal of refusals) {
    await page.goto('/desk/sections/new');
    await field(page, 'Name').fill(refusal.name);
    await field(page, 'Description').fill(description);
    await field(page, 'Address').fill(refusal.slug);
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect(page).toHaveURL(/\/desk\/sections\/answer\/new$/);
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();
    await expect(field(page, refusal.field), refusal.name).toHaveAccessibleDescription(refusal.says);
    await expect(field(page, 'Name')).toHaveValue(refusal.name);
    await expect(field(page, 'Description')).toHaveValue(description);
    await expect(field(page, 'Address')).toHaveValue(refusal.slug);
  }
  expect(await db.select().from(sections).where(eq(sections.description, description))).toEqual([]);

  // Added without JavaScript; then two editors open it, and the second save is refused.
  const name = `Weather ${crypto.randomUUID().slice(0, 6)}`;
  await page.goto('/desk/sections/new');
  await field(page, 'Name').fill(name);
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  const added = (await sectionRow(db, name.toLowerCase().replace(' ', '-')))!;
  expect(added.position, 'last by default').toBe((await db.select().from(sections)).length);
  const other = await signedInAs(browser, db, 'editor', { javaScript: false });
  await other.page.goto(`/desk/sections/${added.id}`);
  await page.goto(`/desk/sections/${added.id}`);
  await field(page, 'Name').fill(`${name} first`);
  await page.getByRole('button', { name: 'Save section' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await field(other.page, 'Name').fill(`${name} second`);
  await other.page.getByRole('button', { name: 'Save section' }).click();
  await expect(other.page.getByRole('alert').filter({ hasText: `${editor.person.name} changed this section at` })).toBeVisible();
  await expect(field(other.page, 'Name')).toHaveValue(`${name} second`);
  expect((await sectionRow(db, added.slug))?.name).toBe(`${name} first`);
  await other.page.context().close();
  await page.context().close();
});

test('an author and a moderator may not open the sections desk', async ({ browser, db, moderatorPage }) => {
  const writer = await signedInAs(browser, db, 'author');
  for (const path of ['/desk/sections', '/desk/sections/new', '/desk/sections/1']) {
    expect((await writer.page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    expect((await moderatorPage.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
  await writer.page.goto('/desk/stories');
  await expect(writer.page.getByRole('navigation', { name: 'Newsroom desk' }).getByRole('link', { name: 'Sections' })).toHaveCount(0);
  await writer.page.context().close();
});

test('hostile section names and descriptions are shown as inert text in the navigation and on the front', async ({ browser, db }) => {
  test.setTimeout(120_000);
  const editor = await signedInAs(browser, db, 'editor');
  const actionId = serverActionId('app/desk/sections/actions.ts', 'saveSectionForm');
  const slug = uniqueSlug('hostile');
  const post = (fields: Record<string, string>) =>
    editor.page.request.post('/desk/sections/new', {
      headers: { Origin: `http://127.0.0.1:${e2ePort}` },
      multipart: { [`$ACTION_ID_${actionId}`]: '', id: '', version: '', description: '', slug, position: '99', ...fields },
      maxRedirects: 0,
    });
  expect((await post({ name: 'Hostile' })).status()).toBeLessThan(400);
  const section = (await sectionRow(db, slug))!;
  // One section, renamed to each payload in turn, so the navigation does not grow by dozens.
  const printable = xssPayloads.filter((payload) => /^[\x20-\x7e]+$/.test(payload) && payload.trim() !== '' && payload.length <= 60);
  const sample = printable.filter((_, i) => i % 6 === 0);
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await reader.newPage();
  const seen = watch(page);
  for (const payload of sample) {
    const version = await formVersion(editor.page, section.id);
    const response = await editor.page.request.post(`/desk/sections/${section.id}`, {
      headers: { Origin: `http://127.0.0.1:${e2ePort}` },
      multipart: { [`$ACTION_ID_${actionId}`]: '', id: String(section.id), version, name: payload, description: payload, slug, position: '99' },
      maxRedirects: 0,
    });
    expect(response.status(), payload).toBeLessThan(400);
    expect((await sectionRow(db, slug))?.name, payload).toBe(payload.trim());
    await page.goto(`/${slug}`);
    await expect(navigation(page).locator(`a[href="/${slug}"]`), payload).toHaveText(payload.trim().replace(/\s+/g, ' '));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(payload.trim().replace(/\s+/g, ' '));
  }
  await page.goto('/');
  await expectNothingRan(page, seen);
  await reader.close();
  await editor.page.context().close();
});
