/**
 * `npm run privacy:erase -- --email E`: anonymises the comments of the commenter with that email as
 * WordPress's eraser does (name "Anonymous"; email, website, IP address and browser blanked; the text
 * kept) and deletes failed sign-ins with the email, in one transaction (db/privacy.ts, the same code
 * as the desk's Privacy page).
 *
 * A running site is told through the database which cached pages showed the old name (the comments
 * tags of the stories changed, db/cache-tags.ts), so every app server renders them afresh at their
 * next request: no restart needed.
 */
import './load-env';
import { closeConnection, openConfiguredDatabase } from '../db/client';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { expireTags } from '../db/cache-tags';
import { eraseCommenterData, storyPaths } from '../db/privacy';

const { values } = parseArgs({ options: { email: { type: 'string' } } });
const email = z.string().trim().pipe(z.email()).safeParse(values.email);
if (!email.success) {
  console.error('Usage: npm run privacy:erase -- --email someone@example.com');
  process.exit(2);
}

const database = openConfiguredDatabase();
try {
  const result = await eraseCommenterData(database, email.data);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`Anonymised ${plural(result.comments, 'comment')} by ${email.data}; deleted ${plural(result.loginFailures, 'failed sign-in record')}${result.mailAddresses ? ' and the address’s email subscriptions' : ''}.`);
  const paths = await storyPaths(database, result.articleIds);
  if (paths.length) {
    try {
      await expireTags(result.tags, Date.now(), database);
      console.log('A running site renders these pages afresh at their next request:');
    } catch (error) {
      // The erasure itself is done and kept; only the cached pages are left to refresh.
      console.error(`Could not tell a running site (${error instanceof Error ? error.message : String(error)}).`);
      console.error('It may show the old name on these pages until it restarts or their comments change:');
      process.exitCode = 1;
    }
    for (const path of paths) console.log(`  ${path}`);
  }
} finally {
  await closeConnection(database);
}
