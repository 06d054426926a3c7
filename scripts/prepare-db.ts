/** Migrates the database and, when it is empty, seeds the sample site. `--no-seed` only migrates. */
import './load-env';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { isEmpty, seed } from '../db/seed';
import { ensureAuthSecret } from '../lib/auth-secret';
import { databasePath } from '../lib/config';

export function prepareDatabase({ seedWhenEmpty = true } = {}) {
  const database = openDatabase();
  try {
    runMigrations(database);
    if (seedWhenEmpty && isEmpty(database)) {
      seed(database);
      console.log(`Seeded sample content into ${databasePath()}`);
    }
  } finally {
    database.$client.close();
  }
  ensureAuthSecret();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase({ seedWhenEmpty: !process.argv.includes('--no-seed') });
  console.log(`Database ready: ${databasePath()}`);
}
