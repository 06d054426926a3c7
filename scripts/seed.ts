/** `npm run db:seed`: seeds the sample site into an empty database; `-- --force` replaces existing content. */
import './load-env';
import { clearContent, isEmpty, seed } from '../db/seed';
import { closeConnection, openConfiguredDatabase } from '../db/client';
import { describeConfiguredDatabase, migrateDatabase } from '../db/migrate';

const database = openConfiguredDatabase();
await migrateDatabase(database);
if (!(await isEmpty(database))) {
  if (!process.argv.includes('--force')) {
    console.error(`${describeConfiguredDatabase()} already has content. Run \`npm run db:seed -- --force\` to replace it with the sample site.`);
    process.exit(1);
  }
  await clearContent(database);
}
await seed(database);
await closeConnection(database);
console.log(`Seeded the sample site into ${describeConfiguredDatabase()}. Restart a running server so its cache starts afresh.`);
