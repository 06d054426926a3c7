import 'server-only';
import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Starts a desk import in a process of its own (`scripts/import-wordpress.ts --job ID`), so that
 * reading a large export never holds up the server's answers to readers, and the import carries on
 * after the request that started it has been answered. It reports through the `wordpress_imports`
 * row (db/wordpress-jobs.ts). Detached: a server restart does not cut it short.
 */
export function runImportJob(id: number) {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), 'scripts', 'import-wordpress.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--job', String(id)], {
    cwd: process.cwd(),
    env: process.env,
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', (error) => console.error(`[import] could not start import ${id}: ${error.message}`));
  child.unref();
}
