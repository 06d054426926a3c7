import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { actionIdAt } from '../bench/page-actions';
import { openDatabase } from '../db/client';
import { writeCommentSettings } from '../db/seed';
import { loadSampleContent } from '../db/seed-content';
import { type Cluster, startCluster } from '../scripts/cluster-harness';
import { nginxBinary } from '../scripts/nginx-harness';
import { postComment, type PostOutcome } from './load';

/**
 * Three app servers on one database behind docs/nginx.conf (round-robin, no sticky sessions), as
 * docs/deployment.md describes them: what one server does, every other shows at the next request.
 * The servers are called A, B and C; each test names which one it talks to.
 */
test.skip(!fs.existsSync(nginxBinary), `needs nginx (apt-get install -y nginx-light, or NGINX_PATH; run by .ci/run)`);
test.describe.configure({ mode: 'serial' });

const ports = { firstServer: Number(process.env.CLUSTER_PORT || 3700), nginx: Number(process.env.CLUSTER_PORT || 3700) + 50 };
let cluster: Cluster;
let story: { id: number; path: string };
let admin: { email: string; password: string };

function openDb() {
  return new Database(cluster.databasePath);
}

const unique = (text: string) => `${text} ${crypto.randomUUID().slice(0, 8)}`;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster({ dir: path.resolve('e2e/.data/cluster'), firstPort: ports.firstServer, nginxPort: ports.nginx });
  // Posts from these tests come faster than a person types; everything else is the default rules.
  const connection = openDatabase(cluster.databasePath);
  try {
    await writeCommentSettings(connection, { minFillSeconds: 0 });
  } finally {
    connection.$client.close();
  }
  const database = openDb();
  try {
    const row = database
      .prepare("select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published' and a.featured = 1 limit 1")
      .get() as { id: number; slug: string; section: string };
    story = { id: row.id, path: `/${row.section}/${row.slug}` };
  } finally {
    database.close();
  }
  const initial = fs.readFileSync(path.join(cluster.dataDir, 'initial-admin.txt'), 'utf8');
  admin = { email: /email: (\S+)/.exec(initial)![1]!, password: /password: (\S+)/.exec(initial)![1]! };
});

test.afterAll(async () => {
  await cluster?.stop();
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

test('three servers started at once on an empty database: one migrated, seeded and made the admin', async () => {
  const database = openDb();
  try {
    const sections = database.prepare('select count(*) as n from sections').get() as { n: number };
    const admins = database.prepare("select count(*) as n from users where role = 'admin'").get() as { n: number };
    expect(sections.n).toBe(loadSampleContent().sections.length);
    expect(admins.n).toBe(1);
  } finally {
    database.close();
  }
  const logs = cluster.servers.map((_, index) => fs.readFileSync(path.join(cluster.dataDir, '..', `server-${index + 1}.log`), 'utf8')).join('\n');
  expect(logs.match(/Seeded sample content/g)).toHaveLength(1);
  expect(logs.match(/No admin account existed/g)).toHaveLength(1);
});

test('a comment posted on A, approved on B, is on the page C serves at the next request; its author sees it held on every server until then', async ({ browser }) => {
  const text = unique('A comment that travels between servers');
  const commenter = await browser.newPage();
  // Warm every server's cache of the story first: the approval must reach pages already stored.
  for (const server of [A, B, C]) expect((await fetch(at(server, story.path))).status).toBe(200);

  await commenter.goto(at(A, story.path));
  await commenter.getByRole('textbox', { name: 'Name' }).fill('Travelling Reader');
  await commenter.getByRole('textbox', { name: 'Email' }).fill(`${crypto.randomUUID()}@example.com`);
  await commenter.getByRole('textbox', { name: 'Comment' }).fill(text);
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
  const database = openDb();
  try {
    for (const outcome of refused) expect(database.prepare('select id from comments where author_email = ?').get(outcome.email)).toBeUndefined();
  } finally {
    database.close();
  }
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
  const database = openDb();
  let stored: Map<string, number>;
  try {
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = database.prepare("select author_email as email from comments where author_email like 'load.1%'").all() as { email: string }[];
    stored = new Map();
    for (const { email } of rows) stored.set(email, (stored.get(email) ?? 0) + 1);
  } finally {
    database.close();
  }
  const lost = acknowledged.filter((outcome) => stored.get(outcome.email) !== 1);
  expect(lost, 'acknowledged but not stored exactly once').toEqual([]);
  // nginx hands the rest to the servers still running: most posts are acknowledged despite the kill.
  expect(acknowledged.length).toBeGreaterThan(total * 0.9);
  const failures = outcomes.filter((outcome) => !outcome.acknowledged).map((outcome) => `${outcome.status} ${outcome.body.slice(0, 80)}`);
  console.log(`cluster: ${acknowledged.length} of ${total} posts acknowledged across the kill; not: ${failures.slice(0, 5).join(' | ') || 'none'}`);

  await victim.start();
  expect((await fetch(at(B, story.path))).status).toBe(200);
});
