import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { addComment, expect, test } from './fixtures';
import { nginxBinary, type RunningNginx, startNginx } from '../scripts/nginx-harness';
import { e2eDatabasePath, e2ePort } from './env';
import { liveCommentsPath } from '../lib/live-comments';

/** docs/nginx.conf, run for real in front of the test server (scripts/nginx-harness.ts). */
const nginxPort = e2ePort + 50;
const through = `http://127.0.0.1:${nginxPort}`;
let nginx: RunningNginx | undefined;

test.describe.configure({ mode: 'serial' });

test.skip(!fs.existsSync(nginxBinary), `needs nginx (apt-get install -y nginx-light, or NGINX_PATH; run by .ci/run)`);

test.beforeAll(async () => {
  nginx = await startNginx({ dir: path.resolve(path.dirname(e2eDatabasePath), 'nginx'), listenPort: nginxPort, upstreamPort: e2ePort });
});

test.afterAll(() => nginx?.stop());

test('nginx caches public pages and passes personal ones straight through', async ({ article }) => {
  const first = await fetch(`${through}${article.path}`);
  expect(first.status).toBe(200);
  const second = await fetch(`${through}${article.path}`);
  expect(second.headers.get('x-cache')).toBe('HIT');
  expect(await second.text()).toContain(article.headline);

  // The app sets bs_yours on a story's path when the reader has a comment there awaiting moderation or
  // still editable. This one names no comment, so the app itself answers: it drops the marker (303).
  const own = await fetch(`${through}${article.path}`, { headers: { Cookie: 'comment_author=Ada; bs_yours=1' }, redirect: 'manual' });
  expect(own.headers.get('x-cache')).toBe('BYPASS');
  expect(own.status).toBe(303);
  // bs_pending and bs_own travel with every request: a story without the marker is the cached page.
  const elsewhere = await fetch(`${through}${article.path}`, { headers: { Cookie: 'bs_pending=1.x; bs_own=1.x' } });
  expect(elsewhere.headers.get('x-cache')).not.toBe('BYPASS');
  const signedIn = await fetch(`${through}${article.path}`, { headers: { Cookie: 'authjs.session-token=x' } });
  expect(signedIn.headers.get('x-cache')).toBe('BYPASS');
  const desk = await fetch(`${through}/moderation`, { redirect: 'manual' });
  expect(desk.headers.get('x-cache')).toBe('BYPASS');
});

test('an approval is on the page through nginx within a second: the app refreshes the stored copy', async ({ article, db, moderatorPage }) => {
  const body = `Through the cache ${crypto.randomUUID()}`;
  await addComment(db, article.id, { name: 'Cached Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  expect(await (await fetch(`${through}${article.path}`)).text()).not.toContain(body);
  expect((await fetch(`${through}${article.path}`)).headers.get('x-cache')).toBe('HIT');

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  // The time measured starts at the approval's answer; on a loaded CI machine the answer itself may take longer.
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible({ timeout: 20_000 });
  const approvedAt = Date.now();

  let seenAfter = Infinity;
  while (Date.now() - approvedAt < 4000) {
    if ((await (await fetch(`${through}${article.path}`)).text()).includes(body)) {
      seenAfter = Date.now() - approvedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // nginx alone would keep the old copy up to 2 s (it counts lifetimes in whole seconds); the app's
  // refresh (EDGE_REFRESH_URL, set for the test server in playwright.config.ts) replaces it at once.
  expect(seenAfter, 'milliseconds from approval to the page through nginx').toBeLessThanOrEqual(1000);
  const after = await fetch(`${through}${article.path}`);
  expect(after.headers.get('x-cache')).toBe('HIT');
  expect(await after.text()).toContain(body);
});

test('only the app (an allowed address) can make nginx skip its stored copy', async ({ article }) => {
  // A key of its own, stored now, so it cannot expire between the asks. The same client for all
  // three, since nginx keeps a copy per Accept-Encoding (Next sends Vary).
  const path = `${article.path}?edge=${crypto.randomUUID()}`;
  const ask = (localAddress: string, refresh: boolean) =>
    new Promise<string | undefined>((resolve, reject) => {
      const headers: Record<string, string> = refresh ? { 'X-Broadsheet-Refresh': '1' } : {};
      const req = http.get(`${through}${path}`, { localAddress, headers }, (res) => {
        res.resume();
        resolve(res.headers['x-cache'] as string | undefined);
      });
      req.on('error', reject);
    });
  expect(await ask('127.0.0.1', false)).toBe('MISS');
  // 127.0.0.2 is this machine too, but not an address the config trusts: a reader's header is ignored.
  expect(await ask('127.0.0.2', true)).toBe('HIT');
  expect(await ask('127.0.0.1', true)).toBe('BYPASS');
});

test('nginx keeps a story’s live comment count a second and answers its pollers’ If-None-Match itself; an approval shows within 2 s', async ({ article, db, moderatorPage }) => {
  const body = `Counted through the cache ${crypto.randomUUID()}`;
  await addComment(db, article.id, { name: 'Counted Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  const url = `${through}${liveCommentsPath(article.id)}`;
  const first = await fetch(url);
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ count: 0, newestId: null });
  const etag = first.headers.get('etag')!;
  const again = await fetch(url, { headers: { 'If-None-Match': etag } });
  expect(again.status).toBe(304);
  expect(again.headers.get('x-cache')).toBe('HIT');

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible({ timeout: 20_000 });
  // nginx counts its 1 s lifetime in whole seconds: the stored count may be up to 2 s old.
  await expect(async () => {
    const polled = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(polled.status).toBe(200);
    expect(((await polled.json()) as { count: number }).count).toBe(1);
  }).toPass({ timeout: 3_000, intervals: [100] });
});
