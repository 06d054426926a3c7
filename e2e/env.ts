import path from 'node:path';

/** The throwaway database and port the end-to-end server uses; tests open the same file to make data. */
export const e2ePort = Number(process.env.E2E_PORT || 3100);
export const e2eDatabasePath = path.resolve(process.env.E2E_DATABASE_PATH || 'e2e/.data/broadsheet-e2e.db');
