import { eq } from 'drizzle-orm';
import { expireTags, readTagExpirationsSince } from '../db/cache-tags';
import { comments } from '../db/schema';
import { tags } from '../db/tags';
import { addApprovedComment, addComment, expect, makeArticle, test } from './fixtures';

test('a change made by another process shows at the next request once it expires the tag', async ({ page, request, db }) => {
  const story = await makeArticle(db);
  const name = `Named Reader ${crypto.randomUUID().slice(0, 8)}`;
  const commentId = await addApprovedComment(db, story.id, { name, body: 'A comment whose author asks to be forgotten.' });
  await request.get(story.path);
  const cached = await request.get(story.path);
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await cached.text()).toContain(name);

  // This test's own connection stands for `npm run privacy:erase`: a process other than the server.
  await db.update(comments).set({ authorName: 'Anonymous' }).where(eq(comments.id, commentId));
  const untold = await request.get(story.path);
  expect(untold.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await untold.text()).toContain(name);

  await expireTags([tags.comments(story.id)], Date.now(), db);
  await page.goto(story.path);
  const thread = page.getByRole('region', { name: /comments/i });
  await expect(thread.getByText('Anonymous', { exact: true })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  expect((await request.get(story.path)).headers()['x-nextjs-cache']).toBe('HIT');
});

test("an approval on the desk is written to the database, for the other servers' caches", async ({ moderatorPage, db }) => {
  const story = await makeArticle(db);
  const body = `Approved for every server ${crypto.randomUUID()}`;
  await addComment(db, story.id, { name: 'Shared Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  const before = Date.now() - 1;

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();

  const written = (await readTagExpirationsSince(before, db)).filter((row) => row.tag === tags.comments(story.id));
  expect(written).toHaveLength(1);
  expect(written[0]!.expiredAt).toBeLessThanOrEqual(Date.now());
});
