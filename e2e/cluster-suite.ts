import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createClient } from 'redis';
import { actionIdAt } from '../bench/page-actions';
import { loadSampleContent } from '../db/seed-content';
import { liveCommentsPath } from '../lib/live-comments';
import { type Cluster, startCluster } from '../scripts/cluster-harness';
import { nginxBinary } from '../scripts/nginx-harness';
import { postgresMissingReason, type RunningPostgres, startPostgres } from '../scripts/postgres-harness';
import { redisMissingReason, type RunningRedis, startRedis } from '../scripts/redis-harness';
import { startSmtpServer, type TestSmtpServer } from '../test/smtp';
import { postComment, type PostOutcome } from './load';

/**
 * Three app servers on one database behind docs/nginx.conf (round-robin, no sticky sessions), as
 * docs/deployment.md describes them: what one server does, every other shows at the next request.
 * The servers are called A, B and C; each test names which one it talks to.
 *
 * Defined once, run twice: on SQLite (e2e/cluster.spec.ts) and on PostgreSQL with Redis
 * (e2e/cluster-postgres.spec.ts), which adds Redis and PostgreSQL going down and coming back mid-run.
 */
export type ClusterEngine = 'sqlite' | 'postgres';

/** The tests' own look into the site's database, in SQL both engines take (`?` placeholders). */
type SiteDatabase = { rows<T>(text: string, ...params: unknown[]): Promise<T[]>; close(): Promise<void> };

function sqliteDatabase(file: string): SiteDatabase {
  const database = new Database(file);
  return {
    rows<T>(text: string, ...params: unknown[]) {
      const statement = database.prepare(text);
      return Promise.resolve((statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[]);
    },
    close: async () => {
      database.close();
    },
  };
}

function postgresDatabase(url: string): SiteDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {}); // a connection cut by the outage test; the next query opens another
  return {
    async rows<T>(text: string, ...params: unknown[]) {
      let n = 0;
      return (await pool.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    },
    close: () => pool.end(),
  };
}

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;

export function defineClusterTests(engine: ClusterEngine) {
  const missing =
    (fs.existsSync(nginxBinary) ? null : 'needs nginx (apt-get install -y nginx-light, or NGINX_PATH; run by .ci/run)') ??
    (engine === 'postgres' ? (postgresMissingReason() ?? redisMissingReason()) : null);
  test.skip(missing !== null, missing ?? '');
  test.describe.configure({ mode: 'serial' });

  const base = Number(process.env.CLUSTER_PORT || 3700) + (engine === 'postgres' ? 100 : 0);
  const ports = { firstServer: base, nginx: base + 50, redis: base + 60 };
  let cluster: Cluster;
  let postgres: RunningPostgres | undefined;
  let redis: RunningRedis | undefined;
  let smtp: TestSmtpServer | undefined;
  let database: SiteDatabase;
  let story: { id: number; path: string };
  let admin: { email: string; password: string };

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // Mail on, to a real SMTP server in this process: every server runs a mail worker, racing for letters.
    smtp = await startSmtpServer();
    const env: Record<string, string> = { SMTP_URL: smtp.url, MAIL_FROM: 'Broadsheet <news@cluster.example>', MAIL_POLL_MS: '200' };
    if (engine === 'postgres') {
      [postgres, redis] = await Promise.all([startPostgres(), startRedis(ports.redis)]);
      Object.assign(env, { DATABASE_URL: postgres.url, REDIS_URL: redis.url });
    }
    cluster = await startCluster({ dir: path.resolve(`e2e/.data/cluster-${engine}`), firstPort: ports.firstServer, nginxPort: ports.nginx, env });
    database = engine === 'postgres' ? postgresDatabase(postgres!.url) : sqliteDatabase(cluster.databasePath);
    // Posts from these tests come faster than a person types; everything else is the default rules.
    await database.rows("insert into settings (key, value) values ('comments', ?) on conflict (key) do update set value = excluded.value", JSON.stringify({ minFillSeconds: 0 }));
    const [row] = await database.rows<{ id: number; slug: string; section: string }>(
      "select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published' and a.featured = true limit 1",
    );
    story = { id: row!.id, path: `/${row!.section}/${row!.slug}` };
    const initial = fs.readFileSync(path.join(cluster.dataDir, 'initial-admin.txt'), 'utf8');
    admin = { email: /email: (\S+)/.exec(initial)![1]!, password: /password: (\S+)/.exec(initial)![1]! };
  });

  test.afterAll(async () => {
    await cluster?.stop();
    await database?.close();
    await redis?.stop();
    await postgres?.stop();
    await smtp?.stop();
  });

  const [A, B, C] = [0, 1, 2];
  const at = (server: number, address: string) => `${cluster.servers[server]!.origin}${address}`;

  async function signIn(browser: Browser, server: number): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(at(server, '/login'));
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Comments' })).toBeVisible();
    return page;
  }

  /** A reader of their own address, so that the flood rule sees each test's reader apart. */
  const newReader = (browser: Browser) =>
    browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': `10.99.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` } });

  async function fillComment(page: Page, text: string) {
    await page.getByRole('textbox', { name: 'Name' }).fill('Travelling Reader');
    await page.getByRole('textbox', { name: 'Email' }).fill(`${crypto.randomUUID()}@example.com`);
    await page.getByRole('textbox', { name: 'Comment' }).fill(text);
  }

  /** A new reader's comment posted on A (held), then approved by the admin signed in on B. */
  async function postOnAApproveOnB(browser: Browser, text: string) {
    const commenter = await newReader(browser);
    await commenter.goto(at(A, story.path));
    await fillComment(commenter, text);
    await commenter.getByRole('button', { name: 'Post Comment' }).click();
    await expect(commenter.getByText('Your comment is awaiting moderation.')).toBeVisible();
    const moderator = await signIn(browser, B);
    await moderator.goto(at(B, `/moderation?q=${encodeURIComponent(text)}`));
    await moderator.getByRole('row').filter({ hasText: text }).getByRole('button', { name: 'Approve' }).click();
    await expect(moderator.getByText('1 comment approved.')).toBeVisible();
    return { commenter, moderator };
  }

  test('three servers started at once on an empty database: one migrated, seeded and made the admin', async () => {
    const [sections] = await database.rows<{ n: number | string }>('select count(*) as n from sections');
    const [admins] = await database.rows<{ n: number | string }>("select count(*) as n from users where role = 'admin'");
    expect(Number(sections!.n)).toBe(loadSampleContent().sections.length);
    expect(Number(admins!.n)).toBe(1);
    const logs = cluster.servers.map((_, index) => fs.readFileSync(path.join(cluster.dataDir, '..', `server-${index + 1}.log`), 'utf8')).join('\n');
    expect(logs.match(/Seeded sample content/g)).toHaveLength(1);
    expect(logs.match(/No admin account existed/g)).toHaveLength(1);
  });

  test('a comment posted on A, approved on B, is on the page C serves at the next request; its author sees it held on every server until then', async ({ browser }) => {
    const text = unique('A comment that travels between servers');
    const commenter = await newReader(browser);
    // Warm every server's cache of the story first: the approval must reach pages already stored.
    for (const server of [A, B, C]) expect((await fetch(at(server, story.path))).status).toBe(200);
    // And the story's live count (the "new comments" poll), which each server caches under the same tag.
    const liveCount = async (server: number) => ((await (await fetch(at(server, liveCommentsPath(story.id)))).json()) as { count: number }).count;
    const counted = await liveCount(A);
    for (const server of [B, C]) expect(await liveCount(server)).toBe(counted);

    await commenter.goto(at(A, story.path));
    await fillComment(commenter, text);
    await commenter.getByRole('button', { name: 'Post Comment' }).click();
    await expect(commenter.getByText('Your comment is awaiting moderation.')).toBeVisible();

    // The held comment follows its author (a signed cookie every server can read); nobody else sees it.
    for (const server of [B, C]) {
      await commenter.goto(at(server, story.path));
      await expect(commenter.getByText(text)).toBeVisible();
      await expect(commenter.getByText('Your comment is awaiting moderation.')).toBeVisible();
      expect(await (await fetch(at(server, story.path))).text()).not.toContain(text);
    }

    const moderator = await signIn(browser, B);
    await moderator.goto(at(B, `/moderation?q=${encodeURIComponent(text)}`));
    const item = moderator.getByRole('row').filter({ hasText: text });
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(moderator.getByText('1 comment approved.')).toBeVisible();

    // The very next request to C, and to A where it was posted, shows it to everyone.
    for (const server of [C, A]) expect(await (await fetch(at(server, story.path))).text()).toContain(text);
    for (const server of [C, A]) expect(await liveCount(server)).toBe(counted + 1);
    await commenter.close();
    await moderator.close();
  });

  test('an approval on B notifies each of 40 subscribers exactly once, while the three servers’ mail workers race for the letters', async ({ browser }) => {
    const tag = crypto.randomUUID().slice(0, 8);
    const stamp = engine === 'postgres' ? new Date() : Date.now();
    const subscribers = Array.from({ length: 40 }, (_, i) => `follower-${i}-${tag}@mail.example`);
    for (const [i, email] of subscribers.entries()) {
      const [address] = await database.rows<{ id: number }>(
        'insert into mail_addresses (email, token, confirmed_at, created_at) values (?, ?, ?, ?) returning id',
        email,
        `cluster-token-${tag}-${i}-${crypto.randomUUID()}`,
        stamp,
        stamp,
      );
      await database.rows('insert into mail_subscriptions (address_id, article_id, comment_id, created_at) values (?, ?, null, ?)', address!.id, story.id, stamp);
    }
    const text = unique('A comment forty followers hear of');
    const { commenter, moderator } = await postOnAApproveOnB(browser, text);

    const ours = () => smtp!.received.filter((mail) => mail.envelope.to.some((to) => subscribers.includes(to)));
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(subscribers.length);
    // Every letter is out of the queue: none waiting, none leased; then nothing more arrives.
    await expect
      .poll(async () => (await database.rows<{ n: number | string }>("select count(*) as n from mail_outbox where status in ('queued', 'sending') and recipient like ?", `%-${tag}@mail.example`))[0]!.n, { timeout: 15_000 })
      .toBe(engine === 'postgres' ? '0' : 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const recipients = ours().flatMap((mail) => mail.envelope.to);
    expect(recipients.sort()).toEqual([...subscribers].sort());
    expect(new Set(ours().map((mail) => mail.parsed.messageId)).size).toBe(subscribers.length);
    expect(ours()[0]!.parsed.subject).toMatch(/^New comment on "/);
    await commenter.close();
    await moderator.close();
  });

  test('a desk session from one server works on every server', async ({ browser }) => {
    const moderator = await signIn(browser, C);
    for (const server of [A, B, C]) {
      const response = await moderator.goto(at(server, '/moderation'));
      expect(response?.status()).toBe(200);
      await expect(moderator.getByRole('heading', { name: 'Comments' })).toBeVisible();
    }
    // And through nginx, which hands each request to the next server.
    for (let i = 0; i < 3; i++) {
      await moderator.goto(`${cluster.origin}/moderation`);
      await expect(moderator.getByRole('heading', { name: 'Comments' })).toBeVisible();
    }
    await moderator.close();
  });

  test('flood control holds across servers: a second comment from one reader within 15 s is refused on another server', async () => {
    const actionId = await actionIdAt(at(A, story.path), 'comment');
    const reader = 40_000 + Math.floor(Math.random() * 10_000);
    const post = (server: number, n: number) => postComment(cluster.servers[server]!.origin, story.path, story.id, actionId, n);
    const first = await post(A, reader);
    expect(first.acknowledged, `first post: ${first.status}`).toBe(true);
    const refused: PostOutcome[] = [];
    for (const server of [B, C]) {
      // Another reader is let through on that server, so what stops the first reader is the flood rule.
      expect((await post(server, reader + 20_000 + server)).acknowledged).toBe(true);
      refused.push(await post(server, reader));
    }
    expect(refused.map((outcome) => outcome.acknowledged)).toEqual([false, false]);
    for (const outcome of refused) expect(await database.rows('select id from comments where author_email = ?', outcome.email)).toEqual([]);
  });

  test('flood control holds when one reader posts on every server at the same moment: one comment is stored', async () => {
    const actionId = await actionIdAt(at(A, story.path), 'comment');
    const reader = 60_000 + Math.floor(Math.random() * 10_000);
    // The same reader (one address) on all three servers at once, three times over.
    const outcomes = await Promise.all(
      [A, B, C, A, B, C, A, B, C].map((server) => postComment(cluster.servers[server]!.origin, story.path, story.id, actionId, reader)),
    );
    expect(outcomes.filter((outcome) => outcome.acknowledged)).toHaveLength(1);
    const [stored] = await database.rows<{ n: number | string }>("select count(*) as n from comments where ip = ?", `10.77.${(reader >> 8) & 255}.${reader & 255}`);
    expect(Number(stored!.n)).toBe(1);
  });

  test('kill -9 of one server in the middle of 500 comment posts through nginx loses no acknowledged comment', async () => {
    test.setTimeout(240_000);
    const actionId = await actionIdAt(`${cluster.origin}${story.path}`, 'comment');
    const total = 500;
    const outcomes: PostOutcome[] = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    const victim = cluster.servers[B]!;
    const writer = async () => {
      while (next < total) {
        const n = 100_000 + next++;
        outcomes.push(await postComment(cluster.origin, story.path, story.id, actionId, n));
        if (!killed && outcomes.filter((outcome) => outcome.acknowledged).length >= 100) killed = victim.stop('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 10 }, writer));
    await killed;
    expect(victim.running).toBe(false);

    const acknowledged = outcomes.filter((outcome) => outcome.acknowledged);
    if (engine === 'sqlite') {
      const [check] = await database.rows<{ integrity_check: string }>('pragma integrity_check');
      expect(check!.integrity_check).toBe('ok');
    }
    const stored = new Map<string, number>();
    for (const { email } of await database.rows<{ email: string }>("select author_email as email from comments where author_email like 'load.1%'")) {
      stored.set(email, (stored.get(email) ?? 0) + 1);
    }
    const lost = acknowledged.filter((outcome) => stored.get(outcome.email) !== 1);
    expect(lost, 'acknowledged but not stored exactly once').toEqual([]);
    // nginx hands the rest to the servers still running: most posts are acknowledged despite the kill.
    expect(acknowledged.length).toBeGreaterThan(total * 0.9);
    const failures = outcomes.filter((outcome) => !outcome.acknowledged).map((outcome) => `${outcome.status} ${outcome.body.slice(0, 80)}`);
    console.log(`cluster (${engine}): ${acknowledged.length} of ${total} posts acknowledged across the kill; not: ${failures.slice(0, 5).join(' | ') || 'none'}`);

    await victim.start();
    expect((await fetch(at(B, story.path))).status).toBe(200);
  });

  if (engine !== 'postgres') return;

  test('Redis stopped mid-run: every server serves right pages and an approval on one shows on the others; started again, caching resumes without a restart', async ({ browser }) => {
    const client = await createClient({ url: redis!.url }).on('error', () => {}).connect();
    const pageKeys = async () => {
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: 'broadsheet:*:page:*', COUNT: 1000 })) keys.push(...batch);
      return keys;
    };
    await redis!.stop();
    const text = unique('Posted while Redis was down');
    const { commenter, moderator } = await postOnAApproveOnB(browser, text);
    for (const server of [A, B, C]) expect(await (await fetch(at(server, story.path))).text()).toContain(text);

    await redis!.start();
    // The servers reconnect by themselves; the next page rendered is stored in Redis again.
    await expect
      .poll(
        async () => {
          await fetch(at(C, `/search?q=${encodeURIComponent(unique('redis'))}`));
          for (const server of [A, B, C]) await fetch(at(server, `/?page=${2 + Math.floor(Math.random() * 3)}`));
          return (await pageKeys()).length;
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toBeGreaterThan(0);
    await client.close();
    await commenter.close();
    await moderator.close();
  });

  test('PostgreSQL restarted mid-run: a comment posted or approved while it is down is refused with a clear message and the text kept; afterwards the same servers take it', async ({ browser }) => {
    // A held comment, and a moderator on another server with it in the queue, before the outage.
    const held = unique('Held before the database outage');
    const earlier = await newReader(browser);
    await earlier.goto(at(A, story.path));
    await fillComment(earlier, held);
    await earlier.getByRole('button', { name: 'Post Comment' }).click();
    await expect(earlier.getByText('Your comment is awaiting moderation.')).toBeVisible();
    await earlier.close();
    const moderator = await signIn(browser, C);
    await moderator.goto(at(C, `/moderation?q=${encodeURIComponent(held)}`));
    const heldRow = moderator.getByRole('row').filter({ hasText: held });
    await expect(heldRow).toBeVisible();
    await expect(moderator.locator('form input[name="js"]').first()).toBeAttached();

    const commenter = await newReader(browser);
    await commenter.goto(at(A, story.path));
    const text = unique('Written during the database outage');
    await fillComment(commenter, text);
    await postgres!.pause();
    try {
      await commenter.getByRole('button', { name: 'Post Comment' }).click();
      await expect(commenter.getByText('We could not save that just now')).toBeVisible({ timeout: 15_000 });
      await expect(commenter.getByRole('textbox', { name: 'Comment' })).toHaveValue(text);
      // The desk says so in place, beside its buttons, rather than ending on an error page.
      await heldRow.getByRole('button', { name: 'Approve' }).click();
      await expect(moderator.getByText('We could not save that just now')).toBeVisible({ timeout: 15_000 });
      await expect(heldRow).toBeVisible();
      // A page no server has cached cannot be made without the database: a plain error, not a hang.
      const uncached = await fetch(at(B, `/search?q=${encodeURIComponent(unique('outage'))}`), { signal: AbortSignal.timeout(20_000) });
      expect(uncached.status).toBeGreaterThanOrEqual(500);
      // A route handler says it in a sentence, and when to come back (app/storage-unavailable.ts).
      const permalink = await fetch(at(C, '/comments/1'), { redirect: 'manual', signal: AbortSignal.timeout(20_000) });
      expect(permalink.status).toBe(503);
      expect(permalink.headers.get('retry-after')).toBe('30');
      expect(await permalink.text()).toContain('cannot reach its database just now');
    } finally {
      await postgres!.resume();
    }
    // No server is restarted: each opens new connections at its next query.
    await expect
      .poll(async () => (await fetch(at(B, `/search?q=${encodeURIComponent(unique('recovered'))}`))).status, { timeout: 30_000, intervals: [500] })
      .toBe(200);
    await commenter.getByRole('button', { name: 'Post Comment' }).click();
    await expect(commenter.getByText('Your comment is awaiting moderation.')).toBeVisible({ timeout: 15_000 });
    expect(await database.rows('select id from comments where body = ?', text)).toHaveLength(1);
    await heldRow.getByRole('button', { name: 'Approve' }).click();
    await expect(moderator.getByText('1 comment approved.')).toBeVisible({ timeout: 15_000 });
    expect(await database.rows("select id from comments where body = ? and status = 'approved'", held)).toHaveLength(1);
    for (const server of cluster.servers) expect(server.running).toBe(true);
    await commenter.close();
    await moderator.close();
  });
}
