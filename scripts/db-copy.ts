/**
 * `npm run db:copy -- --from FILE.db --to postgres://…`: moves a Broadsheet site from SQLite to an
 * empty PostgreSQL database (db/pg/copy.ts; docs/postgresql.md), then prints the row counts of both.
 * Exit code 0 when every table's counts match, 1 when one differs or the copy failed (nothing is
 * kept: it is one transaction), 2 for a wrong command line or a source that is not a Broadsheet
 * database at this version, 3 when the target already holds content (nothing was written).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { copySqliteToPostgres, formatCounts, SourceNotReadyError, TargetNotEmptyError } from '../db/pg/copy';

const usage = 'Usage: npm run db:copy -- --from FILE.db --to postgres://USER@HOST:PORT/DATABASE';

const Arguments = z.object({
  from: z.string({ error: '--from FILE.db is needed' }).refine((file) => fs.existsSync(file) && fs.statSync(file).isFile(), { error: 'there is no such file' }),
  to: z
    .string({ error: '--to postgres://… is needed' })
    .refine((url) => URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol), { error: 'must be a postgres:// or postgresql:// URL' }),
});

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

/** The URL without its password, to print. */
const shown = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

let values;
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 2);
}
const parsed = Arguments.safeParse(values);
if (!parsed.success) {
  fail(`${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}\n${usage}`, 2);
}
const { from, to } = parsed.data;

const pool = new pg.Pool({ connectionString: to, max: 2 });
let code = 1;
try {
  const report = await copySqliteToPostgres({ from, pool });
  console.log(formatCounts(report.counts));
  const rows = report.counts.reduce((sum, count) => sum + count.postgres, 0);
  if (report.matches) {
    console.log(`Copied ${from} to ${shown(to)}: ${rows} rows in ${report.counts.length} tables, every count matches.`);
    code = 0;
  } else {
    console.error('The row counts differ (marked above): was the site still writing to the SQLite file? Stop it, empty the target and copy again.');
  }
} catch (error) {
  if (error instanceof TargetNotEmptyError) code = 3;
  else if (error instanceof SourceNotReadyError) code = 2;
  console.error(error instanceof TargetNotEmptyError || error instanceof SourceNotReadyError ? error.message : error);
  if (code === 1) console.error('Nothing was copied.');
} finally {
  await pool.end();
}
process.exit(code);
