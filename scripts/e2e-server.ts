/**
 * Playwright's web server: a fresh throwaway database, then the same start-up as `npm start`. Tests
 * stand for many readers, so each sends its own X-Forwarded-For (TRUST_PROXY=1), and the minimum
 * fill time is off because a robot fills the form in milliseconds (a test turns it back on).
 *
 * With E2E_SERVER=next-start the same build is served by plain `next start` (no server of ours)
 * behind docs/nginx.conf, which listens on the test port: the site must be correct there too.
 * nginx appends the address it saw to each test's X-Forwarded-For, so two hops are trusted.
 *
 * With E2E_DATABASE_URL (e2e/env.ts) the site runs on that PostgreSQL database, dropped and made
 * afresh here as the SQLite file is; the data folder still holds the auth secret and photos.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { e2eDatabasePath, e2eDatabaseUrl, e2ePort, e2eServerMode } from '../e2e/env';
import { e2eSmtpPort, startMailCatcher } from '../e2e/mail';
import pg from 'pg';
import { closeConnection, openConfiguredDatabase } from '../db/client';
import { writeCommentSettings } from '../db/seed';
import { type RunningNginx, startNginx } from './nginx-harness';
import { prepareDatabase } from './prepare-db';

const dir = path.dirname(e2eDatabasePath);
// A fault test that was stopped half-way may have left an immutable file behind (chattr +i).
if (fs.existsSync(dir)) spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = e2eDatabasePath;
const behindNginx = e2eServerMode === 'next-start';
process.env.TRUST_PROXY = behindNginx ? '2' : '1';

if (e2eDatabaseUrl) await recreatePostgresDatabase(e2eDatabaseUrl);
await prepareDatabase();
const database = openConfiguredDatabase();
await writeCommentSettings(database, { minFillSeconds: 0 });
await closeConnection(database);

// Mail goes to a real SMTP server of the run's own (e2e/mail.ts), which the tests read.
const mail = await startMailCatcher();
process.env.SMTP_URL = `smtp://127.0.0.1:${e2eSmtpPort}`;
process.env.MAIL_FROM = 'Broadsheet <news@broadsheet.example>';
process.env.MAIL_POLL_MS = '250';

let server: ChildProcess;
let nginx: RunningNginx | undefined;
if (behindNginx) {
  // npm start's preparation (photo sizes, build if needed), then Next's own server.
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-start.ts'], { stdio: 'inherit' });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  const appPort = e2ePort + 1;
  process.env.EDGE_REFRESH_URL = `http://127.0.0.1:${e2ePort}`;
  server = spawn(process.execPath, ['node_modules/.bin/next', 'start', '-H', '127.0.0.1', '-p', String(appPort)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  nginx = await startNginx({ dir: path.join(dir, 'front-nginx'), listenPort: e2ePort, upstreamPort: appPort });
} else {
  // `npm start`'s own script, as a child with this environment; stopping this process stops it.
  server = spawn(process.execPath, ['scripts/start.mjs'], { stdio: 'inherit', env: process.env });
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    nginx?.stop();
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  nginx?.stop();
  void mail.stop();
  process.exit(code ?? (signal ? 1 : 0));
});

/** Drops the run's PostgreSQL database, with whatever an earlier run left connected to it, and makes it empty. */
async function recreatePostgresDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}
