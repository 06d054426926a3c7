import type { APIRequestContext, Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { authors, moderationLog, sections, storyRevisions } from '../db/schema';
import { publishAtFieldValue } from '../lib/story-form';
import { choice, field, fillStory, formAlert, signedInAs, storyRow } from './desk';
import { expect, locations, randomIp, test, uniqueSlug } from './fixtures';
import { insertStoryRow } from '../test/story';

/**
 * The newsroom's publishing day: a story scheduled by an editor appears everywhere at its minute with
 * no request to set it off, a correction shows on the page and in its JSON-LD, a changed address
 * answers with a permanent redirect, readers comment on it; unpublishing takes it off the site;
 * revisions compare and restore; autosave keeps what is typed and leaving asks first.
 */

/** A made-up photo: a sky and a sun, in the format asked for. */
async function photo(format: 'jpeg' | 'png', width = 1800, height = 1200) {
  const { default: sharp } = await import('sharp');
  const sun = Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height / 6}" fill="#f2c14e"/></svg>`);
  return sharp({ create: { width, height, channels: 3, background: { r: 70, g: 120, b: 170 } } }).composite([{ input: sun }])[format]().toBuffer();
}

/** The next whole minute at least `lead` ms away: what the form's minute-precise field can name. */
function nextMinute(lead: number) {
  const at = new Date(Date.now() + lead);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  return at;
}

/** Every place a published story is listed, as a reader's request gets it. */
async function listings(request: APIRequestContext, section: string, word: string, topic?: string) {
  const paths = ['/', `/${section}`, '/feed.xml', '/news-sitemap.xml', `/search?q=${word}`, ...(topic ? [`/tags/${topic}`] : [])];
  return Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await (await request.get(path)).text()] as const)));
}

const publishAt = (page: Page) => page.getByRole('textbox', { name: /^Publish at/ });
const commentsRegion = (page: Page) => page.getByRole('region', { name: /comments/i });

test('an author’s story, scheduled by an editor a minute ahead, is everywhere at that minute with no request in between; then corrected, moved and commented on', async ({ browser, db }) => {
  test.setTimeout(240_000);
  const author = await signedInAs(browser, db, 'author');
  const word = uniqueSlug('ferry').replace(/-/g, '');
  const headline = `Harbour ferry returns to service ${word}`;
  await author.page.goto('/desk/stories/new');
  await fillStory(author.page, { headline, standfirst: 'The crossing reopens after repairs.', body: 'The ferry sailed its frist crossing at dawn.', section: 'Business' });
  await author.page.getByLabel('Photo file').setInputFiles({ name: 'ferry.jpg', mimeType: 'image/jpeg', buffer: await photo('jpeg') });
  await field(author.page, 'Alt text').fill('The ferry leaving the harbour at dawn');
  await field(author.page, 'Caption').fill('First crossing since the spring');
  await field(author.page, 'Credit').fill('Harbour Authority');
  // One topic the site has, one it does not: made when the story is saved.
  await choice(author.page, 'Topics').fill(`Ferries ${word}, Business`);
  await author.page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  await author.page.context().close();

  // Readers' pages cached without it, so the schedule must refresh them.
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  for (const [path, text] of Object.entries(await listings(reader.request, 'business', word, `ferries-${word}`))) expect(text, path).not.toContain(headline);

  const editor = await signedInAs(browser, db, 'editor');
  const { id } = (await storyRow(db, headline))!;
  await editor.page.goto(`/desk/stories/${id}`);
  await field(editor.page, 'Body').fill('The ferry sailed its first crossing at dawn.');
  const at = nextMinute(30_000);
  await publishAt(editor.page).fill(publishAtFieldValue(at));
  await editor.page.getByRole('button', { name: 'Schedule' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Scheduled: it appears on the site at the time shown.' })).toBeVisible();
  expect(await storyRow(db, headline)).toMatchObject({ status: 'scheduled', publishedAt: at });
  await editor.page.goto('about:blank');

  // Nothing asks the site anything until the minute has come (and the schedule's few seconds).
  await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 7_000));
  expect(await storyRow(db, headline)).toMatchObject({ status: 'published', publishedAt: at });
  const story = (await storyRow(db, headline))!;
  const listed = await listings(reader.request, 'business', word, `ferries-${word}`);
  for (const [path, text] of Object.entries(listed)) expect(text, path).toContain(story.slug);
  const feed = new XMLParser().parse(listed['/feed.xml']!) as { rss: { channel: { item: { title: string }[] } } };
  expect(feed.rss.channel.item.map((item) => item.title)).toContain(headline);
  const log = await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'story'), eq(moderationLog.targetId, id)));
  expect(log.filter((row) => row.action === 'story.published'), 'published once').toHaveLength(1);

  // A correction: on the page under "Correction", in the JSON-LD, and the updated time moves.
  await editor.page.goto(`/desk/stories/${id}`);
  await editor.page.getByRole('textbox', { name: 'Add a correction' }).fill('An earlier version of this story gave the ferry’s first crossing as at noon; it was at dawn.');
  await editor.page.getByRole('button', { name: 'Add correction' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Correction added' })).toBeVisible();
  const page = await reader.newPage();
  await page.goto(`/business/${story.slug}`);
  const correction = page.getByRole('region', { name: 'Correction' });
  await expect(correction).toContainText('it was at dawn.');
  await expect(page.getByText(/^Updated/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Topics' }).getByRole('link')).toHaveText([`Ferries ${word}`, 'Business']);
  // The photo as uploaded, sized at upload: its srcset names the sized files, which are there.
  const img = page.getByRole('img', { name: 'The ferry leaving the harbour at dawn' });
  await expect(img).toHaveAttribute('srcset', /\/media\/[a-f0-9]{32}-640\.webp 640w/);
  await expect(page.locator('figcaption')).toContainText('First crossing since the spring');
  await expect(page.locator('figcaption')).toContainText('Harbour Authority');
  const sized = await reader.request.get((await img.getAttribute('srcset'))!.split(' ')[0]!);
  expect([sized.status(), sized.headers()['content-type']]).toEqual([200, 'image/webp']);
  const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
  const article = jsonLd.find((data) => data['@type'] === 'NewsArticle')!;
  expect(article.correction).toEqual([{ '@type': 'CorrectionComment', text: expect.stringContaining('it was at dawn.'), datePublished: expect.any(String) }]);
  expect(article.dateModified).not.toBe(article.datePublished);

  // A new address: the old one answers with a permanent redirect.
  await editor.page.goto(`/desk/stories/${id}`);
  await field(editor.page, 'Address').fill(`ferry-back-${word}`);
  await editor.page.getByRole('button', { name: 'Update' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Published: readers see it now.' })).toBeVisible();
  const moved = await reader.request.get(`/business/${story.slug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(locations(moved)).toEqual([`/business/ferry-back-${word}`]);

  // A reader follows the old link and comments.
  await page.goto(`/business/${story.slug}`);
  await expect(page).toHaveURL(`/business/ferry-back-${word}`);
  const body = `Good to have it back ${word}`;
  await page.getByRole('textbox', { name: 'Name' }).fill('Harbour Reader');
  await page.getByRole('textbox', { name: 'Email' }).fill(`reader.${word}@example.com`);
  await page.getByRole('textbox', { name: 'Comment' }).fill(body);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(commentsRegion(page).getByRole('listitem').filter({ hasText: body }).getByText('Your comment is awaiting moderation.')).toBeVisible();
  await reader.close();
  await editor.page.context().close();
});

test('unpublishing takes a story off its page, the lists and the feed; publishing again brings it back with its first date', async ({ browser, db }) => {
  const editor = await signedInAs(browser, db, 'editor');
  const word = uniqueSlug('withdrawn').replace(/-/g, '');
  const headline = `Withdrawn report ${word}`;
  await editor.page.goto('/desk/stories/new');
  await fillStory(editor.page, { headline, body: 'Text.', section: 'Business', byline: 'Maria Keller' });
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Published: readers see it now.' })).toBeVisible();
  const story = (await storyRow(db, headline))!;
  const path = `/business/${story.slug}`;
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  expect((await reader.request.get(path)).status()).toBe(200);
  for (const [list, text] of Object.entries(await listings(reader.request, 'business', word))) expect(text, list).toContain(story.slug);

  await editor.page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  expect((await reader.request.get(path)).status(), 'an unpublished story is not found').toBe(404);
  for (const [list, text] of Object.entries(await listings(reader.request, 'business', word))) expect(text, list).not.toContain(story.slug);

  await editor.page.getByRole('button', { name: 'Publish again' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Published: readers see it now.' })).toBeVisible();
  expect((await reader.request.get(path)).status()).toBe(200);
  expect((await storyRow(db, headline))!.publishedAt).toEqual(story.publishedAt);
  await reader.close();
  await editor.page.context().close();
});

test('a scheduled story can be published at once or its schedule cancelled; a time gone by is refused beside the field', async ({ browser, db }) => {
  const editor = await signedInAs(browser, db, 'editor');
  const headline = `Scheduled and changed ${uniqueSlug('s')}`;
  await editor.page.goto('/desk/stories/new');
  await fillStory(editor.page, { headline, body: 'Text.', section: 'World', byline: 'Maria Keller' });
  await publishAt(editor.page).fill(publishAtFieldValue(new Date(Date.now() - 120_000)));
  await editor.page.getByRole('button', { name: 'Schedule' }).click();
  await expect(publishAt(editor.page)).toHaveAccessibleDescription(/That time has passed/);
  await expect(field(editor.page, 'Headline')).toHaveValue(headline);
  expect(await storyRow(db, headline)).toBeUndefined();

  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCSeconds(0, 0);
  await publishAt(editor.page).fill(publishAtFieldValue(tomorrow));
  await editor.page.getByRole('button', { name: 'Schedule' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Scheduled' })).toBeVisible();
  expect(await storyRow(db, headline)).toMatchObject({ status: 'scheduled', publishedAt: tomorrow });
  await expect(publishAt(editor.page)).toHaveValue(publishAtFieldValue(tomorrow));

  await editor.page.getByRole('button', { name: 'Cancel the schedule' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  expect(await storyRow(db, headline)).toMatchObject({ status: 'draft', publishedAt: null });
  await editor.page.context().close();
});

test('every save keeps a revision; one compares word by word with the current text and is restored', async ({ browser, db }) => {
  const editor = await signedInAs(browser, db, 'editor');
  const headline = `Revised story ${uniqueSlug('r')}`;
  await editor.page.goto('/desk/stories/new');
  await fillStory(editor.page, { headline, body: 'The council voted 31 to 12.', section: 'Politics', byline: 'Maria Keller' });
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  await field(editor.page, 'Body').fill('The council voted 32 to 11.');
  await choice(editor.page, 'Section').selectOption({ label: 'World' });
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await expect.poll(async () => (await storyRow(db, headline))?.body).toBe('The council voted 32 to 11.');
  await expect(field(editor.page, 'Body')).toHaveValue('The council voted 32 to 11.');
  const { id } = (await storyRow(db, headline))!;
  expect((await db.select().from(storyRevisions).where(eq(storyRevisions.articleId, id)).orderBy(storyRevisions.id)).map((row) => row.fields.body)).toEqual([
    'The council voted 31 to 12.',
    'The council voted 32 to 11.',
  ]);

  const revisions = editor.page.getByRole('region', { name: 'Revisions' });
  await expect(revisions.getByRole('listitem')).toHaveCount(2);
  await revisions.getByRole('link', { name: 'Compare with the current version' }).last().click();
  await expect(editor.page.getByRole('heading', { level: 1 })).toContainText('Revision of');
  const diff = editor.page.locator('.revision-diff');
  await expect(diff.locator('del')).toHaveText(['31', '12']);
  await expect(diff.locator('ins')).toHaveText(['32', '11']);
  await expect(editor.page.getByRole('row', { name: /Section/ })).toContainText('Politics');
  await editor.page.getByRole('button', { name: 'Restore this revision' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Revision restored' })).toBeVisible();
  await expect(field(editor.page, 'Body')).toHaveValue('The council voted 31 to 12.');
  expect(await storyRow(db, headline)).toMatchObject({ body: 'The council voted 31 to 12.', status: 'draft' });
  await expect(revisions.getByRole('listitem').first()).toContainText('Restored by');
  await editor.page.context().close();
});

test('with JavaScript, typing autosaves the text as the writer’s own and leaving asks first; the text comes back after a reload', async ({ browser, db }) => {
  const author = await signedInAs(browser, db, 'author');
  const headline = `Autosaved story ${uniqueSlug('a')}`;
  await author.page.goto('/desk/stories/new');
  await fillStory(author.page, { headline, body: 'First words.', section: 'News' });
  await author.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  await field(author.page, 'Body').fill('First words, and more typed since.');
  await expect(author.page.getByText(/^Autosaved at/)).toBeVisible();
  const { id } = (await storyRow(db, headline))!;
  expect((await storyRow(db, headline))!.body, 'the story itself is unchanged').toBe('First words.');
  const [autosave] = await db.select().from(storyRevisions).where(and(eq(storyRevisions.articleId, id), eq(storyRevisions.kind, 'autosave'))).orderBy(storyRevisions.id);
  expect(autosave?.fields.body).toBe('First words, and more typed since.');

  // A link away asks first; staying keeps the text.
  const asked: string[] = [];
  author.page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await author.page.getByRole('link', { name: '← Stories' }).click();
  await expect.poll(() => asked).toEqual([expect.stringContaining('Changes you have not saved will be lost')]);
  await expect(field(author.page, 'Body')).toHaveValue('First words, and more typed since.');

  // Closing or reloading asks too (the browser's own question); after it, the text is offered back.
  author.page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await author.page.reload();
  expect(asked).toContain('beforeunload');
  await author.page.getByRole('link', { name: 'Put them back in the form' }).click();
  await expect(field(author.page, 'Body')).toHaveValue('First words, and more typed since.');
  author.page.once('dialog', (dialog) => void dialog.accept());
  await author.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  expect((await storyRow(db, headline))!.body).toBe('First words, and more typed since.');
  expect(await db.select().from(storyRevisions).where(and(eq(storyRevisions.articleId, id), eq(storyRevisions.kind, 'autosave'))), 'saved: no autosave left').toEqual([]);
  await author.page.context().close();
});

test('a photo that is too large, not a photo, an SVG, misnamed or cut short is refused beside its field, the text kept; a good one with no alt text too', async ({ browser, db }) => {
  const author = await signedInAs(browser, db, 'author');
  const headline = `Photo refusals ${uniqueSlug('p')}`;
  await author.page.goto('/desk/stories/new');
  await fillStory(author.page, { headline, body: 'Words that must survive.', section: 'News' });
  const jpeg = await photo('jpeg');
  const bad: [string, { name: string; mimeType: string; buffer: Buffer }, RegExp][] = [
    ['16 MB', { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(16 * 1024 * 1024, 1) }, /the most a photo can be is 15 MB/],
    ['an SVG', { name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }, /Please choose a JPEG, PNG or WebP photo/],
    ['a PNG named .jpg', { name: 'chart.jpg', mimeType: 'image/jpeg', buffer: await photo('png', 600, 400) }, /named \.jpg but is a PNG photo/],
    ['a truncated JPEG', { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: jpeg.subarray(0, Math.floor(jpeg.length / 2)) }, /damaged or cut short/],
  ];
  for (const [what, upload, message] of bad) {
    await author.page.getByLabel(/^(Photo file|Replace with another photo)$/).setInputFiles(upload);
    await author.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(author.page.getByLabel('Photo file'), what).toHaveAccessibleDescription(message);
    await expect(field(author.page, 'Headline'), what).toHaveValue(headline);
    await expect(field(author.page, 'Body'), what).toHaveValue('Words that must survive.');
  }
  expect(await storyRow(db, headline), 'nothing saved').toBeUndefined();
  // A good photo without alt text: the photo is kept (no need to choose it again), the alt text asked for.
  await author.page.getByLabel('Photo file').setInputFiles({ name: 'sun.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await author.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(field(author.page, 'Alt text')).toHaveAccessibleDescription(/Please describe the photo/);
  await expect(author.page.getByText(/1600 × 1067 pixels/)).toBeVisible();
  await field(author.page, 'Alt text').fill('A low sun over the sea');
  await author.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  expect(await storyRow(db, headline)).toMatchObject({ photoAlt: 'A low sun over the sea', photoWidth: 1600, photoHeight: 1067, photoSrc: expect.stringMatching(/^\/media\//) });

  // The preview: the page readers will get, drawn by the same components, for the newsroom only.
  await author.page.getByRole('link', { name: 'Preview' }).click();
  await expect(author.page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(author.page.getByRole('img', { name: 'A low sun over the sea' })).toBeVisible();
  await expect(author.page.getByText('not public; only the newsroom can open this address')).toBeVisible();
  const { id } = (await storyRow(db, headline))!;
  const stranger = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const asked = await stranger.request.get(`/desk/stories/${id}/preview`, { maxRedirects: 0 });
  expect(asked.status(), 'a reader is sent to sign in').toBe(307);
  expect(locations(asked)[0]).toContain('/login');
  await stranger.close();
  const other = await signedInAs(browser, db, 'author');
  expect((await other.page.request.get(`/desk/stories/${id}/preview`, { maxRedirects: 0 })).status(), 'another author').toBe(403);
  await other.page.context().close();
  await author.page.context().close();
});

test.describe('without JavaScript', () => {
  test('a correction and a schedule are refused beside their fields, the text kept', async ({ browser, db }) => {
    const editor = await signedInAs(browser, db, 'editor', { javaScript: false });
    const headline = `No-script desk ${uniqueSlug('n')}`;
    await editor.page.goto('/desk/stories/new');
    await fillStory(editor.page, { headline, body: 'Text.', section: 'News', byline: 'Maria Keller' });
    await editor.page.getByRole('button', { name: 'Schedule' }).click();
    await expect(publishAt(editor.page)).toHaveAccessibleDescription(/Please choose when to publish it/);
    await expect(field(editor.page, 'Headline')).toHaveValue(headline);
    await expect(formAlert(editor.page)).toContainText('Please correct the fields marked below.');
    // A photo goes up without JavaScript too; an SVG is refused beside its field.
    await editor.page.getByLabel('Photo file').setInputFiles({ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await editor.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor.page.getByLabel('Photo file')).toHaveAccessibleDescription(/Please choose a JPEG, PNG or WebP photo/);
    await editor.page.getByLabel('Photo file').setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: await photo('jpeg', 800, 500) });
    await field(editor.page, 'Alt text').fill('The harbour wall');
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await expect(editor.page.getByRole('status').filter({ hasText: 'Published: readers see it now.' })).toBeVisible();

    await editor.page.getByRole('textbox', { name: 'Add a correction' }).fill('   ');
    await editor.page.getByRole('button', { name: 'Add correction' }).click();
    await expect(editor.page.getByRole('textbox', { name: 'Add a correction' })).toHaveAccessibleDescription(/Please write the correction/);
    await editor.page.getByRole('textbox', { name: 'Add a correction' }).fill('The headline named the wrong harbour.');
    await editor.page.getByRole('button', { name: 'Add correction' }).click();
    await expect(editor.page.getByRole('status').filter({ hasText: 'Correction added' })).toBeVisible();
    const story = (await storyRow(db, headline))!;
    const html = await (await editor.page.request.get(`/news/${story.slug}`)).text();
    expect(html).toContain('The headline named the wrong harbour.');
    expect(html).toMatch(/<img[^>]+alt="The harbour wall"[^>]+\/media\/[a-f0-9]{32}-/);
    await editor.page.context().close();
  });
});

test('an editor renames a byline and changes its bio: its page and its stories show them at once; an author may not', async ({ browser, db }) => {
  const slug = uniqueSlug('byline');
  const [author] = await db.insert(authors).values({ slug, name: 'Jo Bloggs', bio: 'Writes about ferries.' }).returning({ id: authors.id });
  const [business] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'business'));
  const storySlug = uniqueSlug('bylined');
  await insertStoryRow(db, { slug: storySlug, sectionId: business!.id, authorId: author!.id, headline: `Bylined story ${storySlug}`, body: 'Text.', status: 'published', publishedAt: new Date(Date.now() - 60_000) });
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  for (const path of [`/authors/${slug}`, `/business/${storySlug}`]) {
    expect(await (await reader.request.get(path)).text(), path).toContain('Jo Bloggs');
  }

  const editor = await signedInAs(browser, db, 'editor');
  await editor.page.goto('/desk/stories');
  await editor.page.getByRole('link', { name: 'Bylines' }).click();
  await editor.page.getByRole('link', { name: 'Jo Bloggs' }).click();
  // Spaces get past the browser's own check of a required field; the desk refuses them beside it.
  await field(editor.page, 'Name').fill('   ');
  await field(editor.page, 'Short bio').fill('Kept after a refusal.');
  await editor.page.getByRole('button', { name: 'Save byline' }).click();
  await expect(field(editor.page, 'Name')).toHaveAccessibleDescription('Please give the byline a name.');
  await expect(field(editor.page, 'Short bio')).toHaveValue('Kept after a refusal.');
  await field(editor.page, 'Name').fill('Jo Bloggs-Smith');
  await field(editor.page, 'Short bio').fill('Writes about ferries and harbours. <script>alert(1)</script>');
  await editor.page.getByRole('button', { name: 'Save byline' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const authorPage = await (await reader.request.get(`/authors/${slug}`)).text();
  expect(authorPage).toContain('Jo Bloggs-Smith');
  expect(authorPage).toContain('Writes about ferries and harbours. &lt;script&gt;');
  expect(await (await reader.request.get(`/business/${storySlug}`)).text()).toContain('Jo Bloggs-Smith');
  expect(await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'byline'), eq(moderationLog.targetId, author!.id)))).toHaveLength(1);

  const writer = await signedInAs(browser, db, 'author');
  expect((await writer.page.request.get('/desk/bylines', { maxRedirects: 0 })).status()).toBe(403);
  expect((await writer.page.request.get(`/desk/bylines/${author!.id}`, { maxRedirects: 0 })).status()).toBe(403);
  await writer.page.context().close();
  await reader.close();
  await editor.page.context().close();
});
