import { and, eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { authors, moderationLog, sections } from '../db/schema';
import { insertStoryRow, storyBylineIds } from '../test/story';
import { choice, field, fillStory, signedInAs, storyRow } from './desk';
import { expect, locations, randomIp, test, uniqueSlug } from './fixtures';

/** Several bylines on one story, as an editor gives them and readers see them. */

test('an editor gives a story two bylines, without JavaScript: every page, feed and search shows both; taking one off takes the story off its page', async ({ browser, db }) => {
  test.setTimeout(90_000);
  const tag = uniqueSlug('co');
  const made = await db
    .insert(authors)
    .values([
      { slug: `${tag}-first`, name: `Ann Ferrywright ${tag.slice(-6)}` },
      { slug: `${tag}-second`, name: `Ben Quaysmith ${tag.slice(-6)}` },
    ])
    .returning();
  // By slug: the order of RETURNING's rows is not promised on PostgreSQL.
  const [first, second] = [made.find((row) => row.slug === `${tag}-first`), made.find((row) => row.slug === `${tag}-second`)];
  const headline = `Two reporters on the harbour deal ${tag}`;

  const editor = await signedInAs(browser, db, 'editor', { javaScript: false });
  await editor.page.goto('/desk/stories/new');
  await fillStory(editor.page, { headline, standfirst: 'Written together.', body: 'Both of them were there.', section: 'Business', byline: first!.name });
  // The same byline twice is refused beside the bylines, with everything typed kept.
  await choice(editor.page, 'Byline 2').selectOption({ label: first!.name });
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.page.getByRole('group', { name: 'Bylines' })).toHaveAccessibleDescription(/The same byline is chosen twice/);
  await expect(field(editor.page, 'Headline')).toHaveValue(headline);
  expect(await storyRow(db, headline)).toBeUndefined();
  await choice(editor.page, 'Byline 2').selectOption({ label: second!.name });
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const story = (await storyRow(db, headline))!;
  expect(await storyBylineIds(db, story.id)).toEqual([first!.id, second!.id]);
  // The form shows both, in order, and a place for a third.
  await expect(choice(editor.page, 'Byline')).toHaveValue(String(first!.id));
  await expect(choice(editor.page, 'Byline 2')).toHaveValue(String(second!.id));
  await expect(choice(editor.page, 'Byline 3')).toHaveValue('');

  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await reader.newPage();
  await page.goto(`/business/${story.slug}`);
  const byline = page.locator('.article-meta .byline');
  await expect(byline).toHaveText(`By ${first!.name} and ${second!.name}`);
  await expect(byline.getByRole('link')).toHaveCount(2);
  await expect(byline.getByRole('link', { name: second!.name })).toHaveAttribute('href', `/authors/${second!.slug}`);
  const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as { '@type': string; author?: { name: string }[] });
  expect(jsonLd.find((block) => block['@type'] === 'NewsArticle')?.author?.map((person) => person.name)).toEqual([first!.name, second!.name]);

  // Both authors' pages and feeds, the section, and search.
  for (const author of [first!, second!]) {
    await page.goto(`/authors/${author.slug}`);
    await expect(page.getByRole('link', { name: headline })).toBeVisible();
    const feed = new XMLParser().parse(await (await reader.request.get(`/authors/${author.slug}/feed.xml`)).text()) as { rss: { channel: { item: { title: string; author: string[] } | { title: string; author: string[] }[] } } };
    const items = [feed.rss.channel.item].flat();
    expect(items.find((item) => item.title === headline)?.author).toEqual([first!.name, second!.name]);
  }
  await page.goto('/business');
  await expect(page.locator('article', { has: page.getByRole('link', { name: headline }) }).locator('.byline')).toHaveText(`By ${first!.name} and ${second!.name}`);
  await page.goto(`/search?q=${encodeURIComponent(second!.name.split(' ')[1]!)}`);
  await expect(page.getByRole('link', { name: headline })).toBeVisible();

  // The desk's list names both, and its byline filter finds the story under either.
  await editor.page.goto(`/desk/stories?author=${second!.id}`);
  await expect(editor.page.getByRole('row', { name: new RegExp(headline) })).toContainText(`${first!.name} and ${second!.name}`);

  // The first byline taken off: the story leaves that author's page at once, and stays on the other's.
  await editor.page.getByRole('link', { name: headline, exact: true }).click();
  await choice(editor.page, 'Byline').selectOption({ label: second!.name });
  await choice(editor.page, 'Byline 2').selectOption({ label: 'None' });
  await editor.page.getByRole('button', { name: 'Update' }).click();
  await expect.poll(() => storyBylineIds(db, story.id)).toEqual([second!.id]);
  await expect(choice(editor.page, 'Byline 2')).toHaveValue('');
  await page.goto(`/authors/${first!.slug}`);
  await expect(page.getByRole('link', { name: headline })).toHaveCount(0);
  await page.goto(`/business/${story.slug}`);
  await expect(page.locator('.article-meta .byline')).toHaveText(`By ${second!.name}`);
  expect(await db.select().from(authors).where(eq(authors.id, first!.id))).toHaveLength(1);
  await reader.close();
  await editor.page.context().close();
});

/** A made-up head-and-shoulders photo, wider than tall. */
async function portrait() {
  const { default: sharp } = await import('sharp');
  const head = Buffer.from('<svg width="900" height="600"><circle cx="450" cy="240" r="120" fill="#e0b090"/><rect x="290" y="380" width="320" height="220" fill="#334"/></svg>');
  return sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 210, b: 220 } } }).composite([{ input: head }]).jpeg().toBuffer();
}

test('an editor creates a byline, gives it a photo and a new address: the old address and feed lead to the new; clashes and bad files are refused', async ({ browser, db }) => {
  test.setTimeout(90_000);
  const tag = uniqueSlug('by');
  const name = `Petra Quillon ${tag.slice(-6)}`;
  const editor = await signedInAs(browser, db, 'editor');
  await editor.page.goto('/desk/bylines');
  await editor.page.getByRole('link', { name: 'New byline' }).click();
  await field(editor.page, 'Name').fill(name);
  await field(editor.page, 'Short bio').fill('Covers ports. <img src=x onerror=alert(1)>');
  await editor.page.getByRole('button', { name: 'Create byline' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const [created] = await db.select().from(authors).where(eq(authors.name, name)).orderBy(authors.id).limit(1);
  expect(created!.slug).toBe(name.toLowerCase().replace(/ /g, '-'));
  const oldSlug = created!.slug;
  const [business] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'business'));
  const story = await insertStoryRow(db, { slug: uniqueSlug('ports'), sectionId: business!.id, authorId: created!.id, headline: `Ports story ${tag}`, body: 'Text.', status: 'published', publishedAt: new Date(Date.now() - 60_000) });

  // Another byline's address, a bad one, and an SVG: each refused beside its field, the rest kept.
  await field(editor.page, 'Address').fill('maria-keller');
  await field(editor.page, 'Short bio').fill('Kept after a refusal.');
  await editor.page.getByRole('button', { name: 'Save byline' }).click();
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(/Another byline already has the address \/authors\/maria-keller/);
  await expect(field(editor.page, 'Short bio')).toHaveValue('Kept after a refusal.');
  await field(editor.page, 'Address').fill('Not An Address');
  await editor.page.getByLabel('Upload a photo').filter({ visible: true }).setInputFiles({ name: 'face.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await editor.page.getByRole('button', { name: 'Save byline' }).click();
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(/lower-case letters, digits and single hyphens/);
  await expect(editor.page.getByLabel('Upload a photo').filter({ visible: true })).toHaveAccessibleDescription(/whatever its name says/);
  expect((await db.select().from(authors).where(eq(authors.id, created!.id)))[0]).toMatchObject({ slug: oldSlug, photoSrc: null });

  const newSlug = `${oldSlug}-ports`;
  await field(editor.page, 'Address').fill(newSlug);
  await editor.page.getByLabel('Upload a photo').filter({ visible: true }).setInputFiles({ name: 'face.jpg', mimeType: 'image/jpeg', buffer: await portrait() });
  await editor.page.getByRole('button', { name: 'Save byline' }).click();
  await expect.poll(async () => (await db.select().from(authors).where(eq(authors.id, created!.id)))[0]?.slug).toBe(newSlug);
  await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(editor.page.locator('img.byline-photo')).toBeVisible();
  const [saved] = await db.select().from(authors).where(eq(authors.id, created!.id));
  expect(saved).toMatchObject({ slug: newSlug, bio: 'Kept after a refusal.', photoSrc: expect.stringMatching(/^\/media\/[a-f0-9]{32}\.webp$/) });
  expect(
    (await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'byline'), eq(moderationLog.targetId, created!.id))).orderBy(moderationLog.id)).map((row) => row.action),
  ).toEqual(['byline.create', 'byline.save']);

  // Readers: the new page with its round photo, the story's byline linking there, the old addresses redirecting.
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await reader.newPage();
  await page.goto(`/authors/${newSlug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const photo = page.locator('img.byline-photo');
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth === img.naturalHeight && img.naturalWidth > 0)).toBe(true);
  await page.goto(`/business/${story.slug}`);
  await expect(page.locator('.article-meta .byline').getByRole('link', { name })).toHaveAttribute('href', `/authors/${newSlug}`);
  for (const [from, to] of [
    [`/authors/${oldSlug}`, `/authors/${newSlug}`],
    [`/authors/${oldSlug}/feed.xml`, `/authors/${newSlug}/feed.xml`],
  ] as const) {
    const response = await reader.request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(locations(response).map((location) => new URL(location, 'http://x').pathname)).toEqual([to]);
  }
  // Another byline cannot take the old address while it still leads somewhere.
  await editor.page.goto('/desk/bylines/new');
  await field(editor.page, 'Name').fill(`Someone Else ${tag}`);
  await field(editor.page, 'Address').fill(oldSlug);
  await editor.page.getByRole('button', { name: 'Create byline' }).click();
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(/was another byline’s address and still leads to it/);
  await reader.close();
  await editor.page.context().close();
});
