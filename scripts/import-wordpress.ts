/**
 * `npm run import:wordpress -- FILE.xml [--dry-run] [--media-from URL_OR_FOLDER]`: brings a WordPress
 * site's export (Tools → Export → All content) over, with its comments and old addresses
 * (server/wordpress-import.ts; docs/wordpress.md). On a terminal it shows its progress on one line; when
 * not, it prints one summary line. Exit code 0 when done, 1 when the file could not be read to the
 * end (everything before the fault is imported, each story whole; a rerun picks up from there),
 * 2 for a wrong command line.
 *
 * The desk's Import page runs the same with `--job ID`, which reads the file, options and actor
 * from that `wordpress_imports` row and writes the progress there (db/wordpress-jobs.ts).
 */
import './load-env';
import { closeConnection, openConfiguredDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { claimedJob, finishJob, writeJobProgress } from '../db/wordpress-jobs';
import { importWordpress, type ImageImporter, type ImportProgress } from '../server/wordpress-import';
import { importImage, mediaSource } from '../lib/wordpress/media';
import { progressLine, skippedLines, summaryLine } from '../lib/wordpress/progress-text';
import { WxrError } from '../lib/wordpress/wxr';

const usage = 'Usage: npm run import:wordpress -- FILE.xml [--dry-run] [--media-from URL_OR_FOLDER]';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, 'media-from': { type: 'string' }, job: { type: 'string' } } });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(usage);
  process.exit(2);
}

const database = openConfiguredDatabase();
await migrateDatabase(database);

const jobId = parsed.values.job === undefined ? null : Number(parsed.values.job);
const job = jobId === null ? null : await claimedJob(database, jobId);
if (jobId !== null && !job) {
  console.error(`There is no import ${parsed.values.job} waiting to run.`);
  process.exit(2);
}
const file = job?.filePath ?? parsed.positionals[0];
const dryRun = job?.dryRun ?? parsed.values['dry-run'];
const mediaFrom = job ? job.mediaFrom || undefined : parsed.values['media-from'];
if (!file || parsed.positionals.length > (job ? 0 : 1)) {
  console.error(usage);
  process.exit(2);
}
let size: number;
try {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error(`${file} is not a file`);
  size = stat.size;
} catch (error) {
  const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `There is no file ${file}.` : error instanceof Error ? error.message : String(error);
  if (job) await finishJob(database, job.id, { status: 'failed', error: message });
  console.error(message);
  process.exit(job ? 1 : 2);
}

const images = mediaFrom
  ? (site: string): ImageImporter => {
      const source = mediaSource(mediaFrom, site);
      if ('error' in source) throw new MediaFromError(source.error);
      return (url) => importImage(source, url);
    }
  : null;

class MediaFromError extends Error {}

const onTerminal = !job && process.stdout.isTTY === true;
let lastShown = 0;
let latest: ImportProgress | null = null;
const show = async (progress: ImportProgress) => {
  latest = progress;
  const now = Date.now();
  if (now - lastShown < 250) return;
  lastShown = now;
  if (onTerminal) process.stdout.write(`\r\u001b[2K${progressLine(progress)}`);
  if (job) await writeJobProgress(database, job.id, progress);
};

let exitCode = 0;
let result: ImportProgress | null = null;
let failure = '';
try {
  result = await importWordpress(database, fs.createReadStream(file, { highWaterMark: 64 * 1024 }), {
    dryRun,
    images,
    actor: job ? { id: job.createdBy, name: job.actorName } : { id: null, name: 'npm run import:wordpress' },
    totalBytes: size,
    onProgress: show,
  });
} catch (error) {
  exitCode = 1;
  const seen = latest as ImportProgress | null; // set by show(), which TypeScript cannot follow
  const before = seen && seen.stories.new + seen.stories.updated > 0 ? ' Nothing of the story being read was kept; the stories before it are imported, and running the import again on the mended file picks up from there.' : ' Nothing was imported.';
  if (error instanceof WxrError) failure = `${job?.fileName ?? file}: ${error.message}.${before}`;
  else if (error instanceof MediaFromError) failure = `--media-from ${mediaFrom}: ${error.message} Nothing was imported.`;
  else failure = `The import stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
} finally {
  if (onTerminal) process.stdout.write('\r\u001b[2K');
}
// Stopped part-way: what was imported before the fault is counted all the same.
result ??= latest as ImportProgress | null;

if (result && result.itemsRead > 0) {
  // The peak memory of this process, for the bench and for anyone sizing a machine for a large import.
  const peak = process.env.IMPORT_REPORT_RSS ? ` (peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)` : '';
  console.log(`${summaryLine(result, dryRun)}${peak}`);
  for (const line of skippedLines(result)) console.log(`  skipped: ${line}`);
  for (const warning of result.warnings) console.error(`  ${warning}`);
}
if (failure) console.error(failure);
if (job) {
  await finishJob(database, job.id, { status: failure ? 'failed' : 'done', summary: result && result.itemsRead > 0 ? summaryLine(result, dryRun) : '', error: failure, progress: result });
  // The upload was kept only for this run.
  fs.rmSync(job.filePath, { force: true });
}
await closeConnection(database);
process.exitCode = exitCode;
