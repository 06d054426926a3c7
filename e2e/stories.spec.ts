import { and, eq } from 'drizzle-orm';
import { articles, authors, moderationLog, sections } from '../db/schema';
import { choice, field, fillStory, formAlert, signedInAs, storyRow } from './desk';
import { e2ePort } from './env';
import { expect, locations, makeArticle, randomIp, serverActionId, test, uniqueSlug } from './fixtures';
import { expectNothingRan, watch, xssPayloads } from './xss-payloads';
import { insertStoryRow, storyBylineIds } from '../test/story';

/**
 * The newsroom desk's story form: an author writes and submits, an editor corrects and publishes,
 * bad input is refused beside its field with the text kept, and two editors never overwrite each other.
 */

test('an author writes and submits a story; an editor corrects a word and publishes it; readers see it everywhere at once', async ({ browser, db }) => {
  const author = await signedInAs(browser, db, 'author');
  const headline = `Council delays the budget vote ${uniqueSlug('h')}`;
  await author.page.goto('/desk/stories');
  await author.page.getByRole('link', { name: 'New story' }).click();
  await expect(author.page.getByRole('heading', { level: 1 })).toHaveText('New story');
  // An author has no byline to choose and no Publish button.
  await expect(choice(author.page, 'Byline')).toHaveCount(0);
  await expect(author.page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await fillStory(author.page, { headline, standfirst: 'Councillors want more time.', body: '## Why\n\nThe councillors said the figures arived late.', section: 'Politics' });
  await author.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  const draft = (await storyRow(db, headline))!;
  expect(draft).toMatchObject({ status: 'draft', publishedAt: null, updatedBy: author.person.id });
  expect(await storyBylineIds(db, draft.id)).toEqual([author.byline!.id]);
  expect(draft.slug).toBe(headline.toLowerCase().replace(/ /g, '-').slice(0, 80).replace(/-+$/, ''));
  expect((await author.page.request.get(`/politics/${draft.slug}`)).status(), 'a draft is not on the site').toBe(404);

  await author.page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  expect((await storyRow(db, headline))?.status).toBe('review');

  const editor = await signedInAs(browser, db, 'editor');
  await editor.page.goto('/desk/stories?status=review');
  await editor.page.getByRole('link', { name: headline }).click();
  await expect(field(editor.page, 'Body')).toHaveValue(/arived late/);
  await field(editor.page, 'Body').fill('## Why\n\nThe councillors said the figures arrived late.');
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Published: readers see it now.' })).toBeVisible();
  const published = (await storyRow(db, headline))!;
  expect(published.status).toBe('published');
  expect(published.publishedAt).not.toBeNull();
  expect(await storyBylineIds(db, published.id), 'the byline stays the author’s').toEqual([author.byline!.id]);

  // Every list that shows it has it at the next request: its page, home, section, author, the feed.
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const story = await reader.newPage();
  await story.goto(`/politics/${published.slug}`);
  await expect(story.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(story.getByText('The councillors said the figures arrived late.')).toBeVisible();
  for (const path of ['/', '/politics', `/authors/${author.byline!.slug}`, '/feed.xml']) {
    expect(await (await reader.request.get(path)).text(), path).toContain(headline);
  }
  await reader.close();

  // The desk's log has each step, by whom.
  const logged = await db
    .select({ action: moderationLog.action, actorName: moderationLog.actorName })
    .from(moderationLog)
    .where(and(eq(moderationLog.targetType, 'story'), eq(moderationLog.targetId, published.id)))
    .orderBy(moderationLog.id);
  expect(logged).toEqual([
    { action: 'story.create', actorName: author.person.name },
    { action: 'story.review', actorName: author.person.name },
    { action: 'story.published', actorName: editor.person.name },
  ]);
  // Once an editor has it, the author can no longer change it.
  const refused = await author.page.goto(`/desk/stories/${published.id}`);
  expect(refused?.status()).toBe(403);
  await expect(author.page.getByRole('heading', { level: 1 })).toHaveText('Not your story');
  await expect(field(author.page, 'Headline')).toHaveCount(0);
  await author.page.context().close();
  await editor.page.context().close();
});

test('an edit to one published story refreshes its page and leaves an unrelated story cached; a new address keeps the old one answering with a permanent redirect', async ({ browser, request, db }) => {
  const other = await makeArticle(db);
  // Another section and byline, no topics: nothing on the other story's page shows this one.
  const slug = uniqueSlug('edited');
  const [writer] = await db.insert(authors).values({ slug: uniqueSlug('writer'), name: 'Edited Writer' }).returning({ id: authors.id });
  const [technology] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, 'technology'));
  const mine = await insertStoryRow(db, { slug, sectionId: technology!.id, authorId: writer!.id, headline: `A story to edit ${slug}`, body: 'The first words.', status: 'published', publishedAt: new Date(Date.now() - 3_600_000) });
  const renamed = `${slug}-renamed`;
  // Cached before the change: the story, the other story, and the "not found" of the address to come.
  for (const path of [other.path, `/technology/${slug}`]) {
    await request.get(path);
    expect((await request.get(path)).headers()['x-nextjs-cache'], path).toBe('HIT');
  }
  expect((await request.get(`/technology/${renamed}`)).status()).toBe(404);
  const editor = await signedInAs(browser, db, 'editor');
  await editor.page.goto(`/desk/stories/${mine!.id}`);
  await field(editor.page, 'Address').fill(renamed);
  await field(editor.page, 'Body').fill('The corrected words.');
  await editor.page.getByRole('button', { name: 'Update' }).click();
  await expect(editor.page.getByRole('status').filter({ hasText: 'Published: readers see it now.' })).toBeVisible();

  expect((await request.get(other.path)).headers()['x-nextjs-cache'], 'the other story').toBe('HIT');
  expect(await (await request.get(`/technology/${renamed}`)).text()).toContain('The corrected words.');
  // The old address, under any section, is a permanent redirect to the new one.
  for (const old of [`/technology/${slug}`, `/news/${slug}`]) {
    const moved = await request.get(old, { maxRedirects: 0 });
    expect(moved.status(), old).toBe(308);
    expect(locations(moved), old).toEqual([`/technology/${renamed}`]);
  }
  // Another story cannot take the old address while it leads here.
  await editor.page.goto('/desk/stories/new');
  await fillStory(editor.page, { headline: `Another story ${slug}`, body: 'Text.', section: 'Technology', byline: 'Edited Writer', slug });
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(/was another story’s address and still leads to it/);
  await editor.page.context().close();
});

test('bad input is refused beside its field with everything typed kept, and nothing is saved', async ({ browser, db }) => {
  const editor = await signedInAs(browser, db, 'editor');
  const [someStory] = await db.select({ headline: articles.headline }).from(articles).where(eq(articles.status, 'published')).orderBy(articles.id).limit(1);
  const taken = (await storyRow(db, someStory!.headline))!;
  await editor.page.goto('/desk/stories/new');
  const body = 'Some <script>alert(1)</script> text that must survive a refusal.';
  await fillStory(editor.page, { headline: 'H'.repeat(201), body, section: 'World', byline: 'Maria Keller' });
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(field(editor.page, 'Headline')).toHaveAccessibleDescription('A headline has at most 200 characters.');
  await expect(field(editor.page, 'Headline')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(editor.page, 'Body')).toHaveValue(body);
  await expect(choice(editor.page, 'Section')).toHaveValue(/\d+/);

  const headline = `A story with a taken address ${uniqueSlug('h')}`;
  await fillStory(editor.page, { headline, slug: taken.slug });
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(new RegExp(`Another story already has the address "${taken.slug}"\\. Please choose another\\.$`));
  await fillStory(editor.page, { headline, slug: 'page' });
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(field(editor.page, 'Address')).toHaveAccessibleDescription(/"page" is one of the site's own addresses\. Please choose another\.$/);
  await fillStory(editor.page, { headline, slug: '', body: '' });
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(field(editor.page, 'Body')).toHaveAccessibleDescription(/A story needs a body before it goes to an editor or is published\.$/);
  await expect(field(editor.page, 'Headline')).toHaveValue(headline);
  expect(await storyRow(db, headline), 'nothing was written').toBeUndefined();
  await editor.page.context().close();
});

test('two editors at once: the second save is refused with who saved and when, and its text is kept', async ({ browser, db }) => {
  const first = await signedInAs(browser, db, 'editor');
  const second = await signedInAs(browser, db, 'editor');
  const headline = `A story two editors open ${uniqueSlug('h')}`;
  await first.page.goto('/desk/stories/new');
  await fillStory(first.page, { headline, body: 'The first text.', section: 'News', byline: 'Maria Keller' });
  await first.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  const id = (await storyRow(db, headline))!.id;

  await second.page.goto(`/desk/stories/${id}`);
  await field(first.page, 'Body').fill('The first editor’s change.');
  await first.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();

  await field(second.page, 'Body').fill('The second editor’s change, made on the old version.');
  await second.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(formAlert(second.page)).toContainText(`${first.person.name} saved this story at `);
  await expect(formAlert(second.page)).toContainText('after you opened it. Nothing was saved');
  await expect(field(second.page, 'Body')).toHaveValue('The second editor’s change, made on the old version.');
  expect((await storyRow(db, headline))?.body).toBe('The first editor’s change.');
  await first.page.context().close();
  await second.page.context().close();
});

test.describe('with JavaScript turned off', () => {
  test('an author saves a draft and is refused beside the field, the text kept', async ({ browser, db }) => {
    const author = await signedInAs(browser, db, 'author', { javaScript: false });
    await author.page.goto('/desk/stories/new');
    const body = 'Written without scripts.';
    await fillStory(author.page, { headline: '', body, section: 'Business' });
    // The browser's own check would stop an empty required field: send it as a script-less form would.
    await field(author.page, 'Headline').evaluate((input) => input.removeAttribute('required'));
    await author.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(field(author.page, 'Headline')).toHaveAccessibleDescription('Please write a headline.');
    await expect(field(author.page, 'Body')).toHaveValue(body);

    const headline = `Written without scripts ${uniqueSlug('h')}`;
    await field(author.page, 'Headline').fill(headline);
    await author.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(author.page).toHaveURL(/\/desk\/stories\/\d+\?saved=draft$/);
    await expect(author.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
    expect(await storyRow(db, headline)).toMatchObject({ status: 'draft', body });
    await author.page.context().close();
  });
});

test('an author cannot publish, nor save under another byline, even by hand-made posts', async ({ browser, db }) => {
  const author = await signedInAs(browser, db, 'author');
  const headline = `An author tries to publish ${uniqueSlug('h')}`;
  await author.page.goto('/desk/stories/new');
  await fillStory(author.page, { headline, body: 'Text.', section: 'News' });
  // The form offers no Publish: add one to the page as a hand-made post would.
  await author.page.locator('form.story-editor').evaluate((form) => {
    const button = document.createElement('button');
    button.type = 'submit';
    button.name = 'intent';
    button.value = 'publish';
    button.textContent = 'Forged publish';
    form.append(button);
    (form.querySelector('input[name="authorIds"]') as HTMLInputElement).value = '1';
  });
  await author.page.getByRole('button', { name: 'Forged publish' }).click();
  await expect(formAlert(author.page)).toHaveText('Only an editor can publish. Nothing was saved.');
  expect(await storyRow(db, headline)).toBeUndefined();
  await author.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(author.page.getByRole('status').filter({ hasText: 'Saved as a draft.' })).toBeVisible();
  expect(await storyBylineIds(db, (await storyRow(db, headline))!.id), 'the author’s own byline, whatever the form said').toEqual([author.byline!.id]);
  await author.page.context().close();
});

test('hostile headlines, standfirsts, bodies, photo words, topics and corrections are published as inert text', async ({ browser, db }) => {
  test.setTimeout(120_000);
  const editor = await signedInAs(browser, db, 'editor');
  const actionId = serverActionId('app/desk/stories/actions.ts', 'saveStoryForm');
  const correctionId = serverActionId('app/desk/stories/actions.ts', 'addCorrectionForm');
  // Published in Business, where no other spec reads a page it expects to stay cached.
  const [business] = await db.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.slug, 'business'));
  // A story for every eighth payload, in its headline and standfirst; all of them in every body.
  // (Markup and script are the danger here; printable ASCII keeps the headline comparable as text.)
  const printable = xssPayloads.filter((payload) => /^[\x20-\x7e]+$/.test(payload) && payload.trim() !== '' && payload.length < 150);
  const sample = printable.filter((_, i) => i % 8 === 0);
  const body = xssPayloads.filter((payload) => payload.length < 1000).join('\n\n');
  const published: { headline: string; path: string }[] = [];
  for (const payload of sample) {
    const headline = `${payload} ${uniqueSlug('x')}`;
    const response = await editor.page.request.post('/desk/stories/new', {
      headers: { Origin: `http://127.0.0.1:${e2ePort}` },
      multipart: {
        [`$ACTION_ID_${actionId}`]: '',
        storyId: '',
        version: '0',
        headline,
        standfirst: payload,
        body,
        sectionId: String(business!.id),
        authorIds: '1',
        slug: '',
        intent: 'publish',
        commentsOpen: 'on',
        // A photo of the site's own, with the payload in every word about it, and as a topic.
        photo: '/images/baltic-states-leave-russian-power-grid.jpg|1600|900',
        photoAlt: payload,
        photoCaption: payload,
        photoCredit: payload,
        topics: `${payload.slice(0, 30).replace(/,/g, ' ')} x`,
      },
      maxRedirects: 0,
    });
    expect(response.status(), payload).toBeLessThan(400);
    const [row] = await db.select({ id: articles.id, slug: articles.slug, status: articles.status, headline: articles.headline }).from(articles).where(eq(articles.headline, headline.trim()));
    expect(row?.status, `published: ${payload}`).toBe('published');
    const correction = await editor.page.request.post(`/desk/stories/${row!.id}`, {
      headers: { Origin: `http://127.0.0.1:${e2ePort}` },
      multipart: { [`$ACTION_ID_${correctionId}`]: '', storyId: String(row!.id), text: payload },
      maxRedirects: 0,
    });
    expect(correction.status(), `corrected: ${payload}`).toBeLessThan(400);
    published.push({ headline: row!.headline, path: `/${business!.slug}/${row!.slug}` });
  }
  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await reader.newPage();
  const seen = watch(page);
  for (const story of published) {
    await page.goto(story.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.headline.replace(/\s+/g, ' ').trim());
    await expect(page.getByRole('region', { name: 'Correction' })).toBeVisible();
  }
  await page.goto('/');
  await expectNothingRan(page, seen);
  await reader.close();
  await editor.page.context().close();
});
