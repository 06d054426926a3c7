import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { comments } from '../db/schema';
import { addComment, expect, reloadUntil, test } from './fixtures';

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;
const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
const picksOf = (page: Page) => page.getByRole('region', { name: 'Editors’ picks' });

test('a moderator features a comment: it leads the conversation as an editors’ pick, with and without JavaScript, until it is unfeatured', async ({
  moderatorPage,
  browser,
  article,
  db,
}) => {
  const ordinary = unique('An ordinary comment, posted first');
  const picked = unique('A comment worth putting first');
  const ordinaryId = await addComment(db, article.id, { name: 'Early Reader', body: ordinary, status: 'approved' });
  const pickedId = await addComment(db, article.id, { name: 'Picked Reader', body: picked, status: 'approved' });
  const reader = await browser.newPage({ javaScriptEnabled: false });
  await reader.goto(article.path);
  await expect(reader.getByText(picked)).toBeVisible();
  await expect(picksOf(reader)).toHaveCount(0);

  await moderatorPage.goto(`/moderation?queue=approved&q=${encodeURIComponent(picked)}`);
  await row(moderatorPage, picked).getByRole('button', { name: 'Feature', exact: true }).click();
  await expect(moderatorPage.getByText('1 comment featured in Editors’ picks.')).toBeVisible();
  await expect(row(moderatorPage, picked)).toContainText('Editors’ pick');
  await expect(row(moderatorPage, picked).getByRole('button', { name: 'Feature', exact: true })).toHaveCount(0);
  expect((await db.select({ at: comments.featuredAt }).from(comments).where(eq(comments.id, pickedId)))[0]?.at).toBeInstanceOf(Date);

  // Readers see it at their next request: first, in its own block, and in its place in the thread with a badge.
  await reloadUntil(reader, () => expect(picksOf(reader).getByText(picked)).toBeVisible({ timeout: 1_000 }));
  await expect(picksOf(reader).getByRole('article', { name: 'Editors’ pick: comment by Picked Reader' })).toContainText('Editors’ pick');
  await expect(picksOf(reader).getByText(ordinary)).toHaveCount(0);
  await expect(reader.locator(`#comment-${pickedId}`)).toContainText('Editors’ pick');
  await expect(reader.locator(`#comment-${ordinaryId}`)).not.toContainText('Editors’ pick');
  const top = async (selector: string) => (await reader.locator(selector).boundingBox())!.y;
  expect(await top('.editors-picks')).toBeLessThan(await top(`#comment-${ordinaryId}`));
  // The pick's time links to the comment in the thread.
  await picksOf(reader).getByRole('link').last().click();
  await expect(reader).toHaveURL(new RegExp(`#comment-${pickedId}$`));

  const scripted = await browser.newPage();
  await scripted.goto(article.path);
  await expect(picksOf(scripted).getByText(picked)).toBeVisible();
  await scripted.close();

  await moderatorPage.goto(`/moderation?queue=approved&q=${encodeURIComponent(picked)}`);
  await row(moderatorPage, picked).getByRole('button', { name: 'Unfeature' }).click();
  await expect(moderatorPage.getByText('1 comment taken out of Editors’ picks.')).toBeVisible();
  await reader.goto(article.path);
  await reloadUntil(reader, () => expect(picksOf(reader)).toHaveCount(0, { timeout: 1_000 }));
  await expect(reader.getByText(picked)).toBeVisible();
  await reader.close();
});
