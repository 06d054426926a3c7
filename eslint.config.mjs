import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  // Playwright fixtures call their continuation `use`, which is not React's hook.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // The data layer is async (db/ awaits its queries so that another engine can serve them): a query
  // whose promise nobody awaits is a write that may not have happened, or an error nobody sees.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // better-sqlite3's synchronous `.all()`, `.get()` and `.run()` exist on SQLite's query builders
  // only: in the data layer a query is awaited, or run as a step of a db/transact.ts body. Exempt:
  // SQLite's own modules, and the files whose SQLite half is synchronous on purpose (the lease locks
  // and the cache-tag store the handlers read synchronously; the online backup, which PostgreSQL
  // refuses; db:copy's reading of the SQLite file).
  // The same in the end-to-end specs, which run on both engines, except those about SQLite's file
  // itself (playwright.config.ts leaves them out of the PostgreSQL run).
  {
    files: ['db/**/*.ts', 'e2e/**/*.ts', 'test/story.ts'],
    ignores: [
      'db/**/*.test.ts',
      'db/**/*.cases.ts',
      'db/transact.ts',
      'db/sqlite/**',
      'db/locks.ts',
      'db/cache-tags.ts',
      'db/backup.ts',
      'db/pg/copy.ts',
      'e2e/crash.spec.ts',
      'e2e/backup.spec.ts',
      'e2e/shared-cache.spec.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(all|get|run)$/]',
          message: 'SQLite only: await the query, or yield* all/get/run(query) inside transact() (db/transact.ts).',
        },
      ],
    },
  },
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'] },
];

export default config;
