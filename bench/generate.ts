/**
 * `npm run bench:generate -- [--out bench/.data/bench.db] [--seed 1]`: writes the large benchmark site
 * (bench/bench-data.ts) into a fresh SQLite file, replacing whatever was there. The bench admin's
 * password is BENCH_ADMIN_PASSWORD, or the one bench/run.ts signs in with.
 */
import '../scripts/load-env';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_ADMIN_EMAIL, generateLargeSite } from './bench-data';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { databasePath } from '../lib/config';

const DEFAULT_PASSWORD = 'bench admin password';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'bench/.data/bench.db' }, seed: { type: 'string', default: '1' } },
});
const out = path.resolve(values.out);
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error('--seed must be an integer');
  process.exit(2);
}
// The file is deleted first: never let a typo take the site's own database with it.
if (out === databasePath()) {
  console.error(`${out} is the site's database (DATABASE_PATH); choose another --out.`);
  process.exit(2);
}

const started = performance.now();
for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(out + suffix, { force: true });
const database = openDatabase(out);
runMigrations(database);
const summary = await generateLargeSite(database, { seed, adminPassword: process.env.BENCH_ADMIN_PASSWORD || DEFAULT_PASSWORD });
database.$client.close();
const seconds = (performance.now() - started) / 1000;

const width = Math.max(...Object.keys(summary.counts).map((name) => name.length));
console.log(`Generated the benchmark site in ${out} (seed ${seed}) in ${seconds.toFixed(1)} s`);
for (const [name, n] of Object.entries(summary.counts)) console.log(`  ${name.padEnd(width)}  ${n.toLocaleString('en-GB').padStart(9)}`);
console.log(`  phases: ${Object.entries(summary.timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
console.log(`  file size: ${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MiB`);
console.log(`Lead story:  ${summary.leadPath}`);
console.log(`Long thread: ${summary.longThreadPath}`);
console.log(`Admin:       ${BENCH_ADMIN_EMAIL} (password ${process.env.BENCH_ADMIN_PASSWORD ? 'from BENCH_ADMIN_PASSWORD' : `"${DEFAULT_PASSWORD}"`})`);
