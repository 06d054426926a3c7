/** Playwright's web server: a fresh throwaway database, then the same start-up as `npm start`. */
import fs from 'node:fs';
import path from 'node:path';
import { e2eDatabasePath } from '../e2e/env';

const dir = path.dirname(e2eDatabasePath);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = e2eDatabasePath;

await import('./start');
