/**
 * The deployment rows of `npm run bench`: the same generated site on PostgreSQL against SQLite (one
 * server), and one against three app servers behind docs/nginx.conf (SQLite). Each configuration is
 * started as docs/deployment.md describes it (scripts/cluster-harness.ts: `npm start`'s script, nginx
 * round-robin) and measured the same way:
 * - the lead article straight from the first app server (its own cache; what one server gives);
 * - the lead article through nginx past its page cache, as a reader with a held comment asks for it
 *   on that story (the cookies its post set: `bs_yours` on its path, `bs_pending`), so every request
 *   reaches an app server and is rendered for that reader;
 * - comment posting through nginx: no-JavaScript form posts, each reader with their own address.
 * On this 2-core machine, three servers share the cores one server already keeps busy: the rows
 * show what the extra processes cost, not the speed-up several machines would give.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { type Cluster, startCluster } from '../scripts/cluster-harness';
import { nginxBinary } from '../scripts/nginx-harness';
import { postgresMissingReason, startPostgres } from '../scripts/postgres-harness';
import { actionIdAt } from './page-actions';
import { heldCommentCookies, postComments } from './posting';

type Row = { deployment: string; 'lead req/s': number; 'lead p99 ms': number; 'past nginx req/s': number; 'past nginx p99 ms': number; 'posts/s': number; 'posting p99 ms': number; errors: number };

const readerHeaders = { 'accept-encoding': 'gzip, deflate, br, zstd' };

async function load(url: string, seconds: number, headers: Record<string, string>) {
  const options = { url, connections: 50, headers };
  await autocannon({ ...options, duration: 2 });
  return autocannon({ ...options, duration: seconds });
}

async function measure(name: string, cluster: Cluster, story: { id: number; path: string }, seconds: number): Promise<Row> {
  const server = cluster.servers[0]!.origin;
  await fetch(`${server}${story.path}`, { headers: readerHeaders });
  const lead = await load(`${server}${story.path}`, seconds, readerHeaders);
  const actionId = await actionIdAt(`${cluster.origin}${story.path}`, 'comment');
  const reader = await heldCommentCookies({ origin: cluster.origin, path: story.path, articleId: story.id, actionId });
  const past = await load(`${cluster.origin}${story.path}`, seconds, { ...readerHeaders, cookie: reader });
  await postComments({ origin: cluster.origin, path: story.path, articleId: story.id, actionId, duration: 2 });
  const posting = await postComments({ origin: cluster.origin, path: story.path, articleId: story.id, actionId, duration: seconds });
  return {
    deployment: name,
    'lead req/s': Math.round(lead.requests.average),
    'lead p99 ms': lead.latency.p99,
    'past nginx req/s': Math.round(past.requests.average),
    'past nginx p99 ms': past.latency.p99,
    'posts/s': Math.round(posting['3xx'] / seconds),
    'posting p99 ms': posting.latency.p99,
    errors: lead.errors + lead.non2xx + past.errors + past.non2xx + posting.errors,
  };
}

/** The lead story of the generated site, and its address. */
function leadStory(file: string) {
  const database = new Database(file, { readonly: true });
  try {
    return database
      .prepare("select a.id, '/' || s.slug || '/' || a.slug as path from articles a join sections s on s.id = a.section_id where a.slug = 'bench-lead-story'")
      .get() as { id: number; path: string };
  } finally {
    database.close();
  }
}

/** Each configuration's rows, or why they were not measured. */
export async function benchDeployments({ generatedDb, seconds, firstPort }: { generatedDb: string; seconds: number; firstPort: number }): Promise<Row[] | string> {
  if (!fs.existsSync(nginxBinary)) return `not measured (${nginxBinary} not found; apt-get install -y nginx-light)`;
  const dir = path.resolve('bench/.data/deployments');
  const siteCopy = path.join(path.dirname(generatedDb), 'deployments.db');
  const story = leadStory(generatedDb);
  const freshSqlite = async () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(siteCopy + suffix, { force: true });
    const source = new Database(generatedDb, { readonly: true });
    await source.backup(siteCopy);
    source.close();
    const database = new Database(siteCopy);
    database.prepare("insert into settings (key, value, updated_at) values ('comments', ?, ?) on conflict(key) do update set value = excluded.value").run(JSON.stringify({ minFillSeconds: 0 }), Date.now());
    database.close();
  };
  const rows: Row[] = [];
  const run = async (name: string, servers: number, env: Record<string, string>) => {
    const cluster = await startCluster({ dir, servers, firstPort, nginxPort: firstPort + 50, env: { DATABASE_PATH: siteCopy, ...env } });
    try {
      rows.push(await measure(name, cluster, story, seconds));
    } finally {
      await cluster.stop();
    }
  };

  await freshSqlite();
  await run('1 server, SQLite', 1, {});
  await freshSqlite();
  await run('3 servers, SQLite', 3, {});

  const missing = postgresMissingReason();
  if (missing) {
    console.log(`PostgreSQL rows: not measured (${missing})`);
    return rows;
  }
  const postgres = await startPostgres();
  try {
    await freshSqlite();
    const copied = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', '--from', siteCopy, '--to', postgres.url], { encoding: 'utf8' });
    if (copied.status !== 0) throw new Error(`db:copy failed: ${copied.stderr || copied.stdout}`);
    await run('1 server, PostgreSQL', 1, { DATABASE_URL: postgres.url });
  } finally {
    await postgres.stop();
  }
  return rows;
}

/** For the bench's report: the rows, with what they mean on this machine. */
export function printDeployments(result: Row[] | string) {
  if (typeof result === 'string') {
    console.log(`Deployments: ${result}`);
    return;
  }
  console.log('\nDeployments (docs/deployment.md; lead article 50 connections, posting 10, through nginx unless "lead"):');
  console.table(result);
  console.log('Three servers on these 2 cores share what one already uses: the difference is their overhead, not a speed-up.');
}

// `tsx bench/deployments.ts`: these rows alone, on the site `npm run bench` generated.
if (import.meta.url === `file://${process.argv[1]}`) {
  const generated = path.resolve('bench/.data/bench.db');
  if (!fs.existsSync(generated)) throw new Error('Run `npm run bench` once first: it generates the site these rows use.');
  printDeployments(await benchDeployments({ generatedDb: generated, seconds: Number(process.env.BENCH_SECONDS || 10), firstPort: 3600 }));
}
