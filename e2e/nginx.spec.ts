import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addComment, expect, test } from './fixtures';
import { e2eDatabasePath, e2ePort } from './env';

/**
 * docs/nginx.conf, run for real in front of the test server: the file is used as written, with only
 * its upstream, port and cache folder replaced.
 */
const nginxBinary = process.env.NGINX_PATH || '/usr/sbin/nginx';
const nginxPort = e2ePort + 50;
const through = `http://127.0.0.1:${nginxPort}`;
const dir = path.resolve(path.dirname(e2eDatabasePath), 'nginx');
let nginx: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  expect(fs.existsSync(nginxBinary), `nginx is needed for this test: apt-get install -y nginx-light (or set NGINX_PATH)`).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'cache'), { recursive: true });
  const site = fs
    .readFileSync('docs/nginx.conf', 'utf8')
    .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${e2ePort};`)
    .replace('listen 80;', `listen 127.0.0.1:${nginxPort};`)
    .replace('/var/cache/nginx/broadsheet', path.join(dir, 'cache'));
  fs.writeFileSync(path.join(dir, 'broadsheet.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      process.getuid?.() === 0 ? 'user root;' : '',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      `http { access_log off; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')} include ${path.join(dir, 'broadsheet.conf')}; }`,
    ].join('\n'),
  );
  nginx = spawn(nginxBinary, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${through}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('nginx did not start');
});

test.afterAll(() => {
  nginx?.kill('SIGQUIT');
});

test('nginx caches public pages and passes personal ones straight through', async ({ article }) => {
  const first = await fetch(`${through}${article.path}`);
  expect(first.status).toBe(200);
  const second = await fetch(`${through}${article.path}`);
  expect(second.headers.get('x-cache')).toBe('HIT');
  expect(await second.text()).toContain(article.headline);

  const pending = await fetch(`${through}${article.path}`, { headers: { Cookie: 'bs_pending=1.x' } });
  expect(pending.headers.get('x-cache')).toBe('BYPASS');
  const signedIn = await fetch(`${through}${article.path}`, { headers: { Cookie: 'authjs.session-token=x' } });
  expect(signedIn.headers.get('x-cache')).toBe('BYPASS');
  const desk = await fetch(`${through}/moderation`, { redirect: 'manual' });
  expect(desk.headers.get('x-cache')).toBe('BYPASS');
});

test('an approval is on the page through nginx within two seconds (nginx keeps time in whole seconds)', async ({ article, db, moderatorPage }) => {
  const body = `Through the cache ${crypto.randomUUID()}`;
  addComment(db, article.id, { name: 'Cached Reader', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  expect(await (await fetch(`${through}${article.path}`)).text()).not.toContain(body);
  expect((await fetch(`${through}${article.path}`)).headers.get('x-cache')).toBe('HIT');

  await moderatorPage.goto(`/moderation?q=${encodeURIComponent(body)}`);
  await moderatorPage.getByRole('row').filter({ hasText: body }).getByRole('button', { name: 'Approve' }).click();
  await expect(moderatorPage.getByText('1 comment approved.')).toBeVisible();
  const approvedAt = Date.now();

  let seenAfter = Infinity;
  while (Date.now() - approvedAt < 4000) {
    if ((await (await fetch(`${through}${article.path}`)).text()).includes(body)) {
      seenAfter = Date.now() - approvedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // nginx counts cache lifetimes in whole seconds: a "1s" entry lives between 1 and 2 seconds.
  expect(seenAfter, 'milliseconds from approval to the page through nginx').toBeLessThanOrEqual(2100);
});
