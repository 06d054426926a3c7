import path from 'node:path';

/** The throwaway database and port the end-to-end server uses; tests open the same database to make data. */
export const e2ePort = Number(process.env.E2E_PORT || 3100);
export const e2eDatabasePath = path.resolve(process.env.E2E_DATABASE_PATH || 'e2e/.data/broadsheet-e2e.db');

/**
 * A PostgreSQL database the end-to-end run may wipe and use instead of the SQLite file
 * (E2E_DATABASE_URL; `npm test` starts a throwaway server for its PostgreSQL pass). The app chooses
 * its engine by DATABASE_URL, so it is set from this (empty for SQLite, whatever was inherited) for every
 * process of the run: the server Playwright starts and the workers that make test data. This module
 * is imported by playwright.config.ts, which Playwright loads before it starts either.
 */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL || '';
// Empty rather than unset on SQLite: Next and scripts/load-env.ts fill only unset variables from
// .env files, and a developer's .env must never point the tests at their own database.
process.env.DATABASE_URL = e2eDatabaseUrl;
export const e2eEngine: 'sqlite' | 'postgres' = e2eDatabaseUrl ? 'postgres' : 'sqlite';

/**
 * What serves the tests: `npm start`'s server (the default), or `next-start`, plain `next start`
 * behind docs/nginx.conf (`.ci/run` runs the reader, comment and moderation specs that way too).
 */
export const e2eServerMode: 'npm-start' | 'next-start' = process.env.E2E_SERVER === 'next-start' ? 'next-start' : 'npm-start';
