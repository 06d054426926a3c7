/**
 * `npm run restore -- FILE`: puts a backup in place of the database (DATABASE_PATH). The file must be
 * a SQLite database that passes `PRAGMA integrity_check` and has Broadsheet's tables, and the site
 * must be stopped: the restore refuses while anything has the database open. The database it
 * replaces is kept beside it as `<name>.before-restore-<time>`.
 */
import './load-env';
import { BackupError, postgresRefusal, restoreDatabase } from '../db/backup';
import { cacheSettings } from '../cache-handlers/settings.mjs';
import { databasePath } from '../lib/config';

/** Pages in Redis (REDIS_URL) were rendered from the database just replaced: none may be served again. */
async function forgetCachedPages(url: string) {
  const { forgetSharedEntries } = await import('../cache-handlers/redis.mjs');
  try {
    console.log(`Removed ${await forgetSharedEntries(url)} cached pages and reads from Redis.`);
  } catch (error) {
    console.error(`Redis could not be emptied (${error instanceof Error ? error.message : error}). Before starting the site, run:`);
    console.error(`  redis-cli -u "$REDIS_URL" --scan --pattern 'broadsheet:*' | xargs -r redis-cli -u "$REDIS_URL" unlink`);
    process.exitCode = 1;
  }
}

const refusal = postgresRefusal('restore');
if (refusal) {
  console.error(refusal);
  process.exit(2);
}

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length || file.startsWith('-')) {
  console.error('Usage: npm run restore -- FILE   (stop the site first)');
  process.exit(2);
}

try {
  const result = await restoreDatabase(file, databasePath());
  const { counts, integrity } = result.report;
  console.log(`Restored ${file} over ${result.target} with SQLite's backup API.`);
  console.log(`integrity_check: ${integrity.join('; ')}`);
  console.log(`articles: ${counts.articles}, comments: ${counts.comments}`);
  console.log(result.previous ? `The database it replaced is kept at ${result.previous}.` : 'There was no database there before.');
  if (cacheSettings().redisUrl) await forgetCachedPages(cacheSettings().redisUrl!);
  console.log('Start the site again: npm start applies any newer migrations and begins with an empty page cache.');
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore refused: ${error.message}`);
  process.exit(1);
}
