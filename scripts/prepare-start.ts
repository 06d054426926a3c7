/**
 * The first half of `npm start` (scripts/start.mjs runs it in a child process): resizes new photos
 * (scripts/photo-sizes.ts), builds when needed, migrates, seeds an empty database and compiles the server.
 */
import './load-env';
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
await compileServer();
