import type { Page } from '@playwright/test';
import { eq, inArray } from 'drizzle-orm';
import { comments } from '../db/schema';
import { e2ePort } from './env';
import { expect, leadStory, pageSettled, test } from './fixtures';
import { postComment, postCommentActionId } from './load';

const origin = `http://127.0.0.1:${e2ePort}`;

test('50 readers posting at once while 50 read: every post answered, every accepted one stored once', async ({ article, db }) => {
  test.setTimeout(60_000);
  const actionId = postCommentActionId();
  const [posts, reads] = await Promise.all([
    Promise.all(Array.from({ length: 50 }, (_, i) => postComment(origin, article.path, article.id, actionId, i + 1))),
    Promise.all(Array.from({ length: 50 }, () => fetch(`${origin}${article.path}`).then((r) => r.status))),
  ]);

  expect(reads.filter((status) => status !== 200), 'failed reads').toEqual([]);
  const troubled = posts.filter((p) => p.status === 0 || p.status >= 500 || /SQLITE_BUSY|database is locked/i.test(p.body));
  expect(troubled.map((p) => `${p.n}: ${p.status}`), 'posts answered with an error').toEqual([]);
  // Each post is its own reader, so nothing deliberate refuses them: all 50 are acknowledged.
  const acknowledged = posts.filter((p) => p.acknowledged);
  expect(acknowledged).toHaveLength(50);

  const stored = await db
    .select({ id: comments.id, email: comments.authorEmail })
    .from(comments)
    .where(inArray(comments.authorEmail, posts.map((p) => p.email)));
  expect(stored).toHaveLength(50);
  const ids = acknowledged.map((p) => Number(/(\d+)$/.exec(p.location)![1]));
  expect(new Set(ids).size).toBe(50);
  expect(stored.map((row) => row.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  expect(await db.select({ n: comments.id }).from(comments).where(eq(comments.articleId, article.id))).toHaveLength(50);
});

test('no page breaks its Content-Security-Policy', async ({ page, moderatorPage, article }) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  const watch = async (p: Page) => {
    p.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${p.url()}: ${message.text()}`);
    });
    // The browser also tells the page of each violation, as it happens: collected there, they are
    // all known once the page has settled, without waiting on the console's timing.
    await p.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: seen });
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
  };
  const collect = async (p: Page) => {
    await pageSettled(p);
    const seen = await p.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.splice(0));
    violations.push(...seen.map((violation) => `${p.url()}: ${violation}`));
  };
  const visit = async (p: Page, path: string) => {
    await p.goto(path);
    await collect(p);
  };
  await watch(page);
  await watch(moderatorPage);
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');

  for (const path of ['/', '/news', leadStory.path, article.path, '/authors/maria-keller', '/tags/ukraine', '/search?q=ukraine', '/login', '/no-such-page']) {
    await visit(page, path);
  }
  await page.goto(article.path);
  await page.getByRole('textbox', { name: 'Comment' }).fill('Checking the policy.');
  await collect(page);
  for (const path of ['/moderation', '/moderation/log']) await visit(moderatorPage, path);
  expect(violations).toEqual([]);
});
