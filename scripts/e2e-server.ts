/**
 * Playwright's web server: a fresh throwaway database, then the same start-up as `npm start`. Tests
 * stand for many readers, so each sends its own X-Forwarded-For (TRUST_PROXY=1), and the minimum
 * fill time is off because a robot fills the form in milliseconds (a test turns it back on).
 *
 * With E2E_SERVER=next-start the same build is served by plain `next start` (no server of ours)
 * behind docs/nginx.conf, which listens on the test port: the site must be correct there too.
 * nginx appends the address it saw to each test's X-Forwarded-For, so two hops are trusted.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { writeCommentSettings } from '../db/seed';
import { e2eDatabasePath, e2ePort, e2eServerMode } from '../e2e/env';
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

await prepareDatabase();
const database = openDatabase();
await writeCommentSettings(database, { minFillSeconds: 0 });
database.$client.close();

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
  process.exit(code ?? (signal ? 1 : 0));
});
