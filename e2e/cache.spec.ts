import { addComment, expect, makeArticle, test } from './fixtures';

test('approving a comment refreshes its own story and leaves the others cached', async ({ request, moderatorPage, db }) => {
  const [mine, other] = [await makeArticle(db), await makeArticle(db)];
  const body = `Exactly one page ${crypto.randomUUID()}`;
  await addComment(db, mine.id, { name: 'Exact Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  for (const story of [mine, other]) {
    await request.get(story.path);
    const again = await request.get(story.path);
    expect(again.headers()['x-nextjs-cache'], story.path).toBe('HIT');
    expect(again.headers()['cache-control']).toMatch(/s-maxage=\d+.*stale-while-revalidate/);
  }

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();

  const otherAfter = await request.get(other.path);
  expect(otherAfter.headers()['x-nextjs-cache']).toBe('HIT');
  const mineAfter = await request.get(mine.path);
  expect(await mineAfter.text()).toContain(body);
  expect((await request.get(mine.path)).headers()['x-nextjs-cache']).toBe('HIT');
});

test('personal pages are never cached; public ones tell a CDN how long it may keep them', async ({ request, moderatorPage }) => {
  for (const path of ['/', '/news']) {
    const response = await request.get(path);
    expect(response.headers()['cache-control'], path).toMatch(/s-maxage=\d+/);
  }
  const login = await request.get('/login');
  expect(login.headers()['cache-control']).toMatch(/private.*no-store|no-store.*private/);
  const desk = await moderatorPage.goto('/moderation');
  expect(desk?.headers()['cache-control']).toMatch(/private/);
  expect(desk?.headers()['cache-control']).toMatch(/no-store/);
});

test('a cached page reaches the browser compressed (by Next), and client-side navigation still reads', async ({ page, request }) => {
  await request.get('/'); // cached before the reader comes
  const home = await page.goto('/');
  const headers = await home!.allHeaders();
  expect(headers['content-encoding']).toBe('gzip');
  expect(headers['vary']).toMatch(/Accept-Encoding/i);
  expect(headers['x-nextjs-cache']).toBe('HIT');
  await expect(page.locator('h1, h2').first()).toBeVisible();

  const navigation = page.waitForResponse((response) => response.request().headers()['rsc'] === '1');
  await page.getByRole('navigation', { name: /sections/i }).getByRole('link', { name: 'News', exact: true }).click();
  const payload = await navigation;
  expect(payload.status()).toBe(200);
  await expect(page).toHaveURL(/\/news$/);
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
});

test("Next's build files are sent compressed, immutable and with the site's security headers", async ({ request }) => {
  const home = await (await request.get('/')).text();
  const scripts = [...home.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!);
  expect(scripts.length).toBeGreaterThan(3);
  const response = await request.get(scripts[scripts.length - 1]!, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  expect(response.status()).toBe(200);
  const sent = response.headers();
  expect(sent['content-encoding']).toBe('gzip');
  expect(sent['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(sent['content-type']).toMatch(/javascript/);
  expect(sent['x-content-type-options']).toBe('nosniff');
  expect(sent['content-security-policy']).toContain("default-src 'self'");
});
