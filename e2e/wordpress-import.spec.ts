import { count, desc, eq } from 'drizzle-orm';
import { comments, wordpressComments, wordpressImports, wordpressPosts } from '../db/schema';
import { wordpressFixturePath } from '../test/wordpress-fixture';
import { signedInAs } from './desk';
import { e2ePort } from './env';
import { expect, randomIp, serverActionId, test } from './fixtures';

/**
 * Moving a WordPress site over from the desk: an admin uploads the export at /desk/import, the import
 * runs in a process of its own, and the site shows the story with its threads; the held comments
 * wait in the queue with why. The WordPress 6.1 export lives in ../shared (test/wordpress-fixture.ts).
 */

const storyPath = '/news/trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin';

test('an admin imports the WordPress export from the desk; readers get the story and its 20 approved comments in their threads, moderators the 5 held ones', async ({ adminPage, moderatorPage, browser, db }) => {
  test.slow();
  await adminPage.goto('/desk/stories');
  await adminPage.getByRole('navigation', { name: 'Newsroom desk' }).getByRole('link', { name: 'Import' }).click();
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Import from WordPress' })).toBeVisible();
  await adminPage.getByLabel('Export file').setInputFiles(wordpressFixturePath());
  await adminPage.getByRole('button', { name: 'Start import' }).click();
  await expect(adminPage).toHaveURL(/\/desk\/import\/\d+$/);
  // The page reloads itself while the import runs.
  await expect(adminPage.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible({ timeout: 60_000 });
  // A first import makes the story; a rerun of this suite against the same database finds it unchanged.
  await expect(adminPage.getByText(/Imported from http:\/\/127\.0\.0\.1:8081: (1 new story|0 new stories, 0 updated, 1 unchanged)/)).toBeVisible();
  const [job] = await db.select().from(wordpressImports).orderBy(desc(wordpressImports.id)).limit(1);
  expect(job!.status).toBe('done');

  const [mapping] = await db.select().from(wordpressPosts).where(eq(wordpressPosts.wpId, 4)).orderBy(wordpressPosts.siteId).limit(1);
  const imported = await db.select().from(comments).where(eq(comments.articleId, mapping!.articleId)).orderBy(comments.id);
  expect(imported.filter((c) => c.status === 'approved')).toHaveLength(20);
  expect(imported.filter((c) => c.status === 'pending')).toHaveLength(5);

  const reader = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const page = await reader.newPage();
  const response = await page.goto(storyPath);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trump');
  const thread = page.getByRole('region', { name: /comments/i });
  await expect(thread.getByRole('article')).toHaveCount(20);
  // Replies nest under their parents, as on WordPress.
  const replies = imported.filter((c) => c.status === 'approved' && c.parentId !== null);
  expect(replies.length).toBeGreaterThan(0);
  for (const reply of replies.slice(0, 3)) {
    await expect(page.locator(`#comment-${reply.parentId} #comment-${reply.id}`)).toHaveCount(1);
  }
  const html = await (await reader.request.get(storyPath)).text();
  for (const comment of imported) {
    expect(html).not.toContain(comment.authorEmail);
    expect(html).not.toContain(`>${comment.ip}<`);
  }
  for (const comment of imported.filter((c) => c.status === 'pending')) expect(html).not.toContain(comment.body.slice(0, 40));

  // Its old addresses lead to it: the permalink (Next first drops the trailing slash), `?p=`, and a
  // comment's WordPress anchor is on the page.
  const oldPath = '/2025/02/12/trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin';
  const slashed = await reader.request.get(`${oldPath}/`, { maxRedirects: 0 });
  expect(slashed.status()).toBe(308);
  for (const old of [oldPath, '/?p=4']) {
    const moved = await reader.request.get(old, { maxRedirects: 0 });
    expect(moved.status(), old).toBe(301);
    expect(new URL(moved.headers()['location']!, 'http://x.invalid').pathname, old).toBe(storyPath);
  }
  await page.goto(`${oldPath}/#comment-3`);
  await expect(page).toHaveURL(new RegExp(`${storyPath}#comment-3$`));
  const mappedTo3 = (await db.select({ commentId: wordpressComments.commentId }).from(wordpressComments).where(eq(wordpressComments.wpId, 3))).map((row) => row.commentId);
  const wordpress3 = imported.find((c) => c.body.length > 0 && mappedTo3.filter((id) => id === c.id).length === 1);
  expect(wordpress3?.status).toBe('approved');
  // The anchor sits at the top of the comment it names.
  await expect(page.locator('li.comment:has(> #comment-3)')).toContainText(wordpress3!.body.split('\n')[0]!.slice(0, 40));
  await reader.close();

  await moderatorPage.goto('/moderation');
  const held = imported.filter((c) => c.status === 'pending');
  for (const comment of held) {
    const row = moderatorPage.getByRole('row').filter({ hasText: comment.body.slice(0, 40) });
    await expect(row).toContainText('Held: Imported as pending from 127.0.0.1:8081');
    await expect(row).toContainText(comment.authorEmail);
  }
});

// The admin made at start-up, not a new one: site-settings.spec.ts counts the active admins meanwhile.
test('without JavaScript, a file that is not an export is refused beside the field and nothing starts', async ({ browser, db }) => {
  const context = await browser.newContext({ storageState: 'e2e/.auth/admin.json', javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  const admin = { page: await context.newPage() };
  // Counted by this test's own file name: the first test here may be importing meanwhile on another worker.
  const fileName = `not-an-export-${crypto.randomUUID()}.xml`;
  const started = async () => (await db.select({ n: count() }).from(wordpressImports).where(eq(wordpressImports.fileName, fileName)))[0]!.n;
  await admin.page.goto('/desk/import');
  await admin.page.getByLabel('Images from (optional)').fill('/no/such/folder');
  await admin.page.getByLabel('Export file').setInputFiles({ name: fileName, mimeType: 'text/xml', buffer: Buffer.from('# not XML at all\n') });
  await admin.page.getByRole('button', { name: 'Start import' }).click();
  await expect(admin.page.getByRole('alert')).toContainText('Nothing was imported');
  await expect(admin.page.getByText('this one is not XML')).toBeVisible();
  await expect(admin.page.getByText(/Images cannot be read from \/no\/such\/folder/)).toBeVisible();
  await expect(admin.page.getByLabel('Images from (optional)')).toHaveValue('/no/such/folder');
  expect(await started()).toBe(0);
  await admin.page.context().close();
});

test('only an admin may import: an editor gets 403, and the action posted by an editor, a moderator or no one starts nothing', async ({ browser, request, moderatorPage, db }) => {
  const editor = await signedInAs(browser, db, 'editor');
  for (const path of ['/desk/import', '/desk/import/1']) {
    expect((await editor.page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    expect((await moderatorPage.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
  await editor.page.goto('/desk/stories');
  await expect(editor.page.getByRole('navigation', { name: 'Newsroom desk' }).getByRole('link', { name: 'Import' })).toHaveCount(0);
  const actionId = serverActionId('app/desk/import/actions.ts', 'startImport');
  const fileName = `unauthorised-${crypto.randomUUID()}.xml`;
  const started = async () => (await db.select({ n: count() }).from(wordpressImports).where(eq(wordpressImports.fileName, fileName)))[0]!.n;
  for (const [who, caller] of [
    ['an editor', editor.page.request],
    ['a moderator', moderatorPage.request],
    ['no one', request],
  ] as const) {
    const response = await caller.post('/desk/import', {
      headers: { Origin: `http://127.0.0.1:${e2ePort}`, 'X-Forwarded-For': randomIp() },
      multipart: { [`$ACTION_ID_${actionId}`]: '', file: { name: fileName, mimeType: 'text/xml', buffer: Buffer.from('<?xml version="1.0"?><rss/>') } },
      maxRedirects: 0,
    });
    expect(response.status(), who).toBeLessThan(500);
  }
  expect(await started()).toBe(0);
  await editor.page.context().close();
});
