/**
 * Migrates the database, seeds the sample site when it is empty, and makes sure there is an admin:
 * when there is none, one is created with a random password that is printed once and written to
 * `initial-admin.txt` (mode 600) in the data folder. `--no-seed` only migrates.
 */
import './load-env';
import fs from 'node:fs';
import path from 'node:path';
import { hasActiveAdmin, upsertUser } from '../db/users';
import { closeConnection, type Db, openConfiguredDatabase } from '../db/client';
import { databaseUrl } from '../db/engine';
import { withDatabaseLock } from '../db/locks';
import { describeConfiguredDatabase, migrateDatabase } from '../db/migrate';
import { isEmpty, seed } from '../db/seed';
import { ensureAuthSecret } from '../lib/auth-secret';
import { dataDir } from '../lib/config';
import { generatePassword } from '../lib/passwords';

export const INITIAL_ADMIN_EMAIL = process.env.INITIAL_ADMIN_EMAIL || 'admin@example.com';

export async function prepareDatabase({ seedWhenEmpty = true } = {}) {
  // PostgreSQL at DATABASE_URL, else the SQLite file at DATABASE_PATH.
  const database = openConfiguredDatabase();
  try {
    // Several servers starting at once on one database: one migrates, seeds and creates the admin;
    // the others wait, then find it done.
    await withDatabaseLock(database, 'start-up', () => prepareLocked(database, seedWhenEmpty));
  } finally {
    await closeConnection(database);
  }
  if (!process.env.AUTH_SECRET && databaseUrl()) {
    // The generated secret lives in this machine's data folder. SQLite's servers share that folder
    // with the database; PostgreSQL's may each have their own, and would then reject one another's sessions.
    console.warn(
      `AUTH_SECRET is not set: this server signs sessions with a secret kept in ${dataDir()}. If servers on other machines share this PostgreSQL database, give them all the same AUTH_SECRET.`,
    );
  }
  ensureAuthSecret();
}

async function prepareLocked(database: Db, seedWhenEmpty: boolean) {
  await migrateDatabase(database);
  if (seedWhenEmpty && (await isEmpty(database))) {
    await seed(database);
    console.log(`Seeded sample content into ${describeConfiguredDatabase()}`);
  }
  if (!(await hasActiveAdmin(database))) {
    const password = generatePassword();
    await upsertUser(database, { email: INITIAL_ADMIN_EMAIL, name: 'Site admin', role: 'admin', password });
    // On PostgreSQL nothing else has made the data folder yet.
    fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    const file = path.join(dataDir(), 'initial-admin.txt');
    fs.writeFileSync(file, `email: ${INITIAL_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    console.log(
      `\nNo admin account existed, so one was created:\n  email:    ${INITIAL_ADMIN_EMAIL}\n  password: ${password}\n` +
        `This is shown once (also saved to ${file}, readable only by you). Sign in at /login; to choose\n` +
        `your own password: npm run user:create -- --email ${INITIAL_ADMIN_EMAIL} --name "Site admin" --role admin\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareDatabase({ seedWhenEmpty: !process.argv.includes('--no-seed') });
  console.log(`Database ready: ${describeConfiguredDatabase()}`);
}
