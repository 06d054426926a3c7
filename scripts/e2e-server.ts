/**
 * Playwright's web server: a fresh throwaway database, then the same start-up as `npm start`. Tests
 * stand for many readers, so each sends its own X-Forwarded-For (TRUST_PROXY=1), and the minimum
 * fill time is off because a robot fills the form in milliseconds (a test turns it back on).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { writeCommentSettings } from '../db/seed';
import { e2eDatabasePath } from '../e2e/env';
import { prepareDatabase } from './prepare-db';

const dir = path.dirname(e2eDatabasePath);
// A fault test that was stopped half-way may have left an immutable file behind (chattr +i).
if (fs.existsSync(dir)) spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = e2eDatabasePath;
process.env.TRUST_PROXY = '1';

await prepareDatabase();
const database = openDatabase();
writeCommentSettings(database, { minFillSeconds: 0 });
database.$client.close();

// `npm start`'s own script, as a child with this environment; stopping this process stops it.
const server = spawn(process.execPath, ['scripts/start.mjs'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
