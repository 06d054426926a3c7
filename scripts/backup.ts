/**
 * `npm run backup -- FILE`: a consistent copy of the database (DATABASE_PATH) taken with SQLite's
 * online backup API while the site keeps serving and taking comments. The copy is checked
 * (`PRAGMA integrity_check`) before it gets its name; an existing file is never overwritten.
 */
import './load-env';
import { backupDatabase, BackupError, postgresRefusal } from '../db/backup';
import { databasePath } from '../lib/config';

const refusal = postgresRefusal('backup');
if (refusal) {
  console.error(refusal);
  process.exit(2);
}

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length || file.startsWith('-')) {
  console.error('Usage: npm run backup -- FILE   (FILE must not exist yet)');
  process.exit(2);
}

try {
  const started = Date.now();
  const report = await backupDatabase(databasePath(), file);
  console.log(`Backed up ${databasePath()} to ${report.file} (${formatBytes(report.bytes)}, ${Date.now() - started} ms).`);
  console.log(`integrity_check: ${report.integrity.join('; ')}`);
  console.log(`articles: ${report.counts.articles}, comments: ${report.counts.comments}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}

function formatBytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
