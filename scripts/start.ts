/**
 * `npm start`: builds when needed, migrates, seeds an empty database, then serves the production
 * build on PORT (default 3000).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { prepareDatabase } from './prepare-db';

buildIfNeeded();
prepareDatabase();
// Pages rendered at run time are stored beside the build. They describe whatever database the last
// server had, so each start begins with none: the database given now is the one the site shows.
fs.rmSync(path.join('.next', 'server', 'route-cache'), { recursive: true, force: true });

const port = process.env.PORT || '3000';
const server = spawn(
  process.execPath,
  [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', port],
  { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
