/**
 * `npm test`: unit tests (Vitest), then end-to-end tests (Playwright) against the production build,
 * ending with one line `N passed, N failed` for the whole run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';

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
const unitCounts = readJson<{ numPassedTests: number; numFailedTests: number }>(unitReport);
const unitPassed = unitCounts?.numPassedTests ?? 0;
const unitFailed = atLeastOneIfFailed(unitCounts?.numFailedTests ?? 0, unit.status);

buildIfNeeded();

const e2eReport = path.join(reports, 'playwright.json');
const e2e = spawnSync(bin('playwright'), ['test', ...extraArgs], {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
});
const e2eCounts = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(e2eReport);
const e2ePassed = e2eCounts ? e2eCounts.stats.expected + e2eCounts.stats.flaky : 0;
const e2eFailed = atLeastOneIfFailed(e2eCounts?.stats.unexpected ?? 0, e2e.status);

console.log(`\nUnit tests: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`End-to-end tests: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(unitFailed + e2eFailed === 0 ? 0 : 1);
