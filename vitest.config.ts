import path from 'node:path';
import { defineConfig } from 'vitest/config';

const include = ['lib/**/*.test.ts', 'db/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts', 'cache-handlers/**/*.test.ts'];

/**
 * Two projects: `unit`, on SQLite as the app runs by default; and `postgres`, the `*.pg.test.ts`
 * files, which test the data layer on PostgreSQL. test/postgres-global-setup.ts starts one throwaway
 * server for the run and sets DATABASE_URL before any test file is loaded, so db/schema.ts picks the
 * PostgreSQL tables; each file takes a database of its own (test/postgres.ts).
 */
/**
 * On Node 22 and 24, Node's own loader reads a package's package.json again for each of its modules
 * (nodejs/node#58126, #60397), and drizzle-orm's is 178 KB: importing it took 200–350 ms per test
 * file against 30 on Node 20. Loaded through Vite instead, it costs the unit tests on Node 24 about
 * 12 seconds less (80 s against 92), and on Node 20, where it would cost 5 more, it is left alone.
 */
const nodeMajor = Number(process.versions.node.split('.')[0]);
const inlineDeps = nodeMajor >= 22 ? ['drizzle-orm'] : [];

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    server: { deps: { inline: inlineDeps } },
    projects: [
      // DATABASE_URL emptied: the postgres project's global setup sets it for the whole run.
      { extends: true, test: { name: 'unit', include, exclude: ['**/*.pg.test.ts', '**/node_modules/**'], env: { DATABASE_URL: '' } } },
      {
        extends: true,
        test: { name: 'postgres', include: include.map((glob) => glob.replace(/\.test\.ts$/, '.pg.test.ts')), globalSetup: ['test/postgres-global-setup.ts'] },
      },
    ],
  },
});
