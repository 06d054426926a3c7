import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { e2eDatabasePath, e2eEngine, e2ePort, e2eServerMode } from './e2e/env';

const baseURL = `http://127.0.0.1:${e2ePort}`;
/** Under plain `next start` behind nginx (E2E_SERVER=next-start): the reader, comment and moderation specs. */
const behindNginx = e2eServerMode === 'next-start';

/**
 * Specs about one engine's own machinery, left out of the other engine's run (e2e/env.ts): on
 * SQLite, the file itself (kill -9 and a full or read-only disk under it, the online backup) and
 * servers sharing one file (three behind nginx; two on one Redis); on PostgreSQL, the three servers
 * on PostgreSQL and Redis, which take PostgreSQL and Redis down mid-run.
 */
const otherEngineSpecs =
  e2eEngine === 'postgres' ? [/\/crash\.spec\.ts$/, /\/backup\.spec\.ts$/, /\/cluster\.spec\.ts$/, /\/shared-cache\.spec\.ts$/] : [/\/cluster-postgres\.spec\.ts$/];

/**
 * A pass of chosen specs (E2E_SQLITE_SPECS / E2E_POSTGRES_SPECS in scripts/test.ts, which sets this):
 * Playwright's file filters do not apply to a dependency, so with `site-settings` depending on
 * `chromium` a chosen cluster spec would run the whole of `chromium` first. In such a pass the last
 * project waits for the sign-ins alone, and the pass runs on one worker, which keeps them apart.
 */
const subsetPass = process.env.E2E_SUBSET === '1';

/**
 * End-to-end tests run against the production build (`npm test` builds it first) on a throwaway
 * database, in Debian's Chromium: Playwright's own browser download cannot work here.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  // Playwright's default, half the cores, but at least two: on a 2-core machine one worker took the
  // whole suite 10.6 minutes, two take it 7 to 8 (docs/testing.md).
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'chromium',
      ...(behindNginx
        ? { testMatch: /\/(reader|comments|moderation)\.spec\.ts$/ }
        : { testIgnore: [/auth\.setup\.ts/, /site-settings\.spec\.ts/, /sections\.spec\.ts/, /wordpress-import\.spec\.ts/, /cluster(-postgres)?\.spec\.ts/, /shared-cache\.spec\.ts/, ...otherEngineSpecs] }),
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'] },
    },
    // Tests that change site-wide settings, or the navigation every page carries, run last and alone,
    // one at a time, so they cannot surprise the others or each other (a section change or an import
    // renders every page afresh; manual approval turned off lets through a comment another test
    // expects held); with them, the specs that start servers of their own (cluster.spec.ts: three
    // behind nginx; shared-cache.spec.ts: two on one Redis), which would slow the others. One worker
    // costs this project about 12 seconds a pass (1.5 minutes against 1.3 on two).
    ...(behindNginx
      ? []
      : [
          {
            name: 'site-settings',
            testMatch: /(site-settings|sections|wordpress-import|cluster|cluster-postgres|shared-cache)\.spec\.ts/,
            testIgnore: otherEngineSpecs,
            dependencies: [subsetPass ? 'setup' : 'chromium'],
            workers: 1,
            use: { ...devices['Desktop Chrome'] },
          },
        ]),
  ],
  webServer: {
    command: 'node --import tsx scripts/e2e-server.ts',
    url: `${baseURL}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_PATH: e2eDatabasePath,
      PORT: String(e2ePort),
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // Where e2e/nginx.spec.ts runs docs/nginx.conf; other tests run without it (refreshes then fail quietly).
      EDGE_REFRESH_URL: `http://127.0.0.1:${e2ePort + 50}`,
    },
  },
});
