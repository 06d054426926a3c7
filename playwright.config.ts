import { defineConfig, devices } from '@playwright/test';
import { e2eDatabasePath, e2ePort, e2eServerMode } from './e2e/env';

const baseURL = `http://127.0.0.1:${e2ePort}`;
/** Under plain `next start` behind nginx (E2E_SERVER=next-start): the reader, comment and moderation specs. */
const behindNginx = e2eServerMode === 'next-start';

/**
 * End-to-end tests run against the production build (`npm test` builds it first) on a throwaway
 * database, in Debian's Chromium: Playwright's own browser download cannot work here.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
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
      ...(behindNginx ? { testMatch: /\/(reader|comments|moderation)\.spec\.ts$/ } : { testIgnore: [/auth\.setup\.ts/, /site-settings\.spec\.ts/, /sections\.spec\.ts/, /wordpress-import\.spec\.ts/, /cluster(-postgres)?\.spec\.ts/, /shared-cache\.spec\.ts/] }),
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'] },
    },
    // Tests that change site-wide settings, or the navigation every page carries, run last and alone,
    // so they cannot surprise the others (a section change or an import renders every page afresh);
    // with them, the specs that start servers of their own (cluster.spec.ts: three behind nginx;
    // shared-cache.spec.ts: two on one Redis), which would slow the others.
    ...(behindNginx ? [] : [{ name: 'site-settings', testMatch: /(site-settings|sections|wordpress-import|cluster|cluster-postgres|shared-cache)\.spec\.ts/, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'] } }]),
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
