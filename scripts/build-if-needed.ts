/** Runs `next build` when there is no production build or a source file is newer than it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sizedPhotoFolder } from '../lib/photo-sizes';

const sources = ['app', 'components', 'db', 'lib', 'server', 'cache-handlers', 'public', 'auth.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];
/** Made from the sources at start-up (scripts/photo-sizes.ts), not one of them. */
const made = new Set([path.join('public', ...sizedPhotoFolder.split('/').filter(Boolean))]);

/** The newest file's time: a folder's own time changes when start-up writes the photo sizes into it. */
function newestMtime(entry: string): number {
  if (!fs.existsSync(entry) || made.has(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIfNeeded() {
  const buildId = path.join('.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...sources.map(newestMtime));
  if (built > changed) return;
  console.log(built ? 'Sources changed since the last build: building…' : 'No production build yet: building…');
  const result = spawnSync(process.execPath, [path.join('node_modules', '.bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
