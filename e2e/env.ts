import path from 'node:path';

/** The throwaway database and port the end-to-end server uses; tests open the same file to make data. */
export const e2ePort = Number(process.env.E2E_PORT || 3100);
export const e2eDatabasePath = path.resolve(process.env.E2E_DATABASE_PATH || 'e2e/.data/broadsheet-e2e.db');

/**
 * What serves the tests: `npm start`'s server (the default), or `next-start`, plain `next start`
 * behind docs/nginx.conf (`.ci/run` runs the reader, comment and moderation specs that way too).
 */
export const e2eServerMode: 'npm-start' | 'next-start' = process.env.E2E_SERVER === 'next-start' ? 'next-start' : 'npm-start';
