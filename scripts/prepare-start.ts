/**
 * The first half of `npm start` (scripts/start.mjs runs it in a child process): resizes new photos
 * (scripts/photo-sizes.ts), builds when needed, migrates, seeds an empty database and compiles the server.
 */
import './load-env';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { compileServer } from './compile-server';
import { sizedPhotoFolder } from '../lib/photo-sizes';
import { writePhotoSizes } from './photo-sizes';
import { prepareDatabase } from './prepare-db';

(process.env as Record<string, string>).NODE_ENV = 'production';
const photoSizes = await writePhotoSizes();
if (photoSizes > 0) console.log(`${photoSizes} photo sizes written to public${sizedPhotoFolder}`);
buildIfNeeded();
await prepareDatabase();
// Pages rendered at run time are stored beside the build. They describe whatever database the last
// server had, so each start begins with none: the database given now is the one the site shows.
// Moved aside first, then removed: another server still running from this folder (the tests start
// a second one) may be writing pages into it, and removing it in place then fails with ENOTEMPTY.
const routeCache = path.join('.next', 'server', 'route-cache');
const discarded = `${routeCache}.discarded-${process.pid}`;
try {
  fs.renameSync(routeCache, discarded);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
fs.rmSync(discarded, { recursive: true, force: true });
await compileServer();
