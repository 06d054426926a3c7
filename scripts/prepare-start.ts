/**
 * The first half of `npm start` (scripts/start.mjs runs it in a child process): builds when needed,
 * migrates, seeds an empty database and compiles the server.
 */
import './load-env';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { compileServer } from './compile-server';
import { prepareDatabase } from './prepare-db';

(process.env as Record<string, string>).NODE_ENV = 'production';
buildIfNeeded();
await prepareDatabase();
// Pages rendered at run time are stored beside the build. They describe whatever database the last
// server had, so each start begins with none: the database given now is the one the site shows.
fs.rmSync(path.join('.next', 'server', 'route-cache'), { recursive: true, force: true });
await compileServer();
