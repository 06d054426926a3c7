/**
 * `npm test`: unit tests (Vitest), then end-to-end tests (Playwright) against the production build,
 * ending with one line `N passed, N failed` for the whole run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { postgresMissingReason, startPostgres } from './postgres-harness';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. The end-to-end tests use Debian's Chromium:\n` +
      '  apt-get update && apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at another Chromium binary.',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-tests-'));
const bin = (name: string) => path.join('node_modules', '.bin', name);
const extraArgs = process.argv.slice(2);

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** A runner that exits non-zero without a failed test (it crashed, or found none) counts as one failure. */
function atLeastOneIfFailed(failed: number, status: number | null) {
  return status === 0 || failed > 0 ? failed : 1;
}

const unitReport = path.join(reports, 'vitest.json');
const unit = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`], {
  stdio: 'inherit',
});
type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};
const unitCounts = readJson<VitestReport>(unitReport);
const unitPassed = unitCounts?.numPassedTests ?? 0;
const unitFailed = atLeastOneIfFailed(unitCounts?.numFailedTests ?? 0, unit.status);

/** Each failed test and the first line of its error, repeated at the end so that a long log's tail names them. */
const failures: string[] = [];
const firstLine = (text = '') => text.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n')[0]!.slice(0, 300);
for (const file of unitCounts?.testResults ?? []) {
  for (const test of file.assertionResults) {
    if (test.status === 'failed') failures.push(`unit: ${path.relative(process.cwd(), file.name)} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
  }
}

buildIfNeeded();

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[];
};
type PlaywrightStats = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] };

function playwrightFailures(name: string, suites: PlaywrightSuite[], titles: string[] = []) {
  for (const suite of suites) {
    const path = suite.file === suite.title ? titles : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'unexpected') continue;
        const error = test.results.find((result) => result.error)?.error?.message;
        failures.push(`e2e (${name}): [${test.projectName}] ${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}: ${firstLine(error)}`);
      }
    }
    playwrightFailures(name, suite.suites ?? [], path);
  }
}

/** One Playwright run; `E2E_SERVER` picks what serves the site, `E2E_DATABASE_URL` its engine (e2e/env.ts). */
function playwright(name: string, env: Record<string, string>, specs: string[] = []) {
  const report = path.join(reports, `playwright-${name}.json`);
  // Each pass keeps its own traces (a failed test's, test-results/node20-next-start-sqlite/…): Playwright
  // empties its output folder as a run starts, and the passes after a failure would take it with them.
  const output = path.join('test-results', `node${process.versions.node.split('.')[0]}-${name}`);
  const run = spawnSync(bin('playwright'), ['test', '--output', output, ...extraArgs, ...specs], {
    stdio: 'inherit',
    env: { ...process.env, ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  const counts = readJson<PlaywrightStats>(report);
  playwrightFailures(name, counts?.suites ?? []);
  return {
    passed: counts ? counts.stats.expected + counts.stats.flaky : 0,
    failed: atLeastOneIfFailed(counts?.stats.unexpected ?? 0, run.status),
    skipped: counts?.stats.skipped ?? 0,
  };
}

type Counts = { passed: number; failed: number; skipped: number };
const add = (a: Counts, b: Counts): Counts => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped });

// The end-to-end suite runs on each engine of E2E_ENGINES (default both): on SQLite, and on a
// throwaway PostgreSQL server.
const engines = (process.env.E2E_ENGINES || 'sqlite,postgres').split(',').map((engine) => engine.trim());
const unknownEngine = engines.find((engine) => engine !== 'sqlite' && engine !== 'postgres');
if (unknownEngine) {
  console.error(`E2E_ENGINES: unknown engine "${unknownEngine}" (sqlite, postgres)`);
  process.exit(1);
}
/**
 * E2E_SQLITE_SPECS, E2E_POSTGRES_SPECS: spec names (`crash` for e2e/crash.spec.ts), separated by
 * spaces or commas. When set, that engine's pass runs only those specs (with the sign-in setup, on
 * one worker: playwright.config.ts's `subsetPass`), and not again under plain `next start`: a quick
 * run of a few specs, and `.ci/run`'s short pass on PostgreSQL under Node 20.
 */
function specsFor(engine: string): { names: string[]; filters: string[] } | null {
  const variable = `E2E_${engine.toUpperCase()}_SPECS`;
  const names = (process.env[variable] ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return null;
  const unknown = names.filter((name) => !/^[a-z0-9-]+$/.test(name) || !fs.existsSync(path.join('e2e', `${name}.spec.ts`)));
  if (unknown.length) {
    console.error(`${variable}: no spec e2e/${unknown[0]}.spec.ts`);
    process.exit(1);
  }
  // Playwright takes each as a regular expression over the file's path; the setup project's file too.
  return { names, filters: ['e2e/auth\\.setup\\.ts$', ...names.map((name) => `e2e/${name}\\.spec\\.ts$`)] };
}
const subsets = new Map(engines.map((engine) => [engine, specsFor(engine)]));

const nginx = process.env.NGINX_PATH || '/usr/sbin/nginx';
// E2E_PLAIN_NEXT_START=off leaves out the pass under plain `next start` (it is about the server, not
// the engine: `.ci/run` runs it in one of its two passes).
const plainNextStart = process.env.E2E_PLAIN_NEXT_START !== 'off';
const notRun: string[] = [];
let e2e: Counts = { passed: 0, failed: 0, skipped: 0 };
const plainRuns: Counts[] = [];

/** The whole suite on one engine, then the reader, comment and moderation specs again under plain `next start` behind docs/nginx.conf. */
function e2eOn(engine: string, env: Record<string, string>) {
  const subset = subsets.get(engine);
  console.log(`\n=== End-to-end tests on ${engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}${subset ? `: ${subset.names.join(', ')}` : ''} ===`);
  const chosen = subset ? { ...env, E2E_SUBSET: '1' } : env;
  e2e = add(e2e, playwright(`npm-start-${engine}`, chosen, subset ? ['--workers=1', ...subset.filters] : []));
  // The site must not depend on our own server. Needs nginx (CI installs it).
  if (!subset && plainNextStart && fs.existsSync(nginx)) plainRuns.push(playwright(`next-start-${engine}`, { ...env, E2E_SERVER: 'next-start' }));
}

for (const engine of engines) {
  if (engine === 'sqlite') {
    e2eOn('sqlite', { E2E_DATABASE_URL: '' });
    continue;
  }
  const missing = postgresMissingReason();
  if (missing) {
    notRun.push(`the end-to-end tests on PostgreSQL (${missing}; .ci/run installs it)`);
    continue;
  }
  const server = await startPostgres({ database: 'broadsheet_e2e' });
  try {
    e2eOn('postgres', { E2E_DATABASE_URL: server.url });
  } finally {
    await server.stop();
  }
}
const plain = plainRuns.length ? plainRuns.reduce(add) : null;
if (!plainNextStart) notRun.push('the specs under plain next start behind nginx (E2E_PLAIN_NEXT_START=off)');
else if (!fs.existsSync(nginx)) notRun.push(`the specs under plain next start behind nginx (${nginx} not found; apt-get install -y nginx-light, as .ci/run does)`);
for (const what of notRun) console.log(`\nNot run: ${what}.`);
const e2ePassed = e2e.passed + (plain?.passed ?? 0);
const e2eFailed = e2e.failed + (plain?.failed ?? 0);
const e2eSkipped = e2e.skipped + (plain?.skipped ?? 0);

if (failures.length) console.log(`\nFailed:\n${failures.map((failure) => `FAILED ${failure}`).join('\n')}`);
console.log(`\nUnit tests: ${unitPassed} passed, ${unitFailed} failed`);
const engineNames = engines.map((engine) => (subsets.get(engine) ? `${engine} (${subsets.get(engine)!.names.join(', ')})` : engine));
console.log(
  `End-to-end tests on ${engineNames.join(' and ')}: ${e2ePassed} passed, ${e2eFailed} failed, ${e2eSkipped} skipped` +
    (plain ? ` (of them under plain next start behind nginx: ${plain.passed} passed, ${plain.failed} failed)` : ''),
);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed, ${e2eSkipped} skipped`);
process.exit(unitFailed + e2eFailed === 0 ? 0 : 1);
