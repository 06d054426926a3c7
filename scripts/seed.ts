/** `npm run db:seed`: seeds the sample site into an empty database; `-- --force` replaces existing content. */
import './load-env';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { clearContent, isEmpty, seed } from '../db/seed';
import { databasePath } from '../lib/config';

const database = openDatabase();
runMigrations(database);
if (!(await isEmpty(database))) {
  if (!process.argv.includes('--force')) {
    console.error(`${databasePath()} already has content. Run \`npm run db:seed -- --force\` to replace it with the sample site.`);
    process.exit(1);
  }
  await clearContent(database);
}
await seed(database);
database.$client.close();
console.log(`Seeded the sample site into ${databasePath()}. Restart a running server so its cache starts afresh.`);
