/**
 * `npm run privacy:erase -- --email E`: anonymises the comments of the commenter with that email as
 * WordPress's eraser does (name "Anonymous"; email, website, IP address and browser blanked; the text
 * kept) and deletes failed sign-ins with the email, in one transaction.
 *
 * A running site keeps serving pages it has already cached with the old name: they are refreshed at
 * the next restart (`npm start` begins with an empty page cache) or when that story's comments next
 * change. Nothing else is touched.
 */
import './load-env';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../db/client';
import { eraseCommenterData, storyPaths } from '../db/privacy';

const { values } = parseArgs({ options: { email: { type: 'string' } } });
const email = z.string().trim().pipe(z.email()).safeParse(values.email);
if (!email.success) {
  console.error('Usage: npm run privacy:erase -- --email someone@example.com');
  process.exit(2);
}

const database = openDatabase();
try {
  const result = eraseCommenterData(database, email.data);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`Anonymised ${plural(result.comments, 'comment')} by ${email.data}; deleted ${plural(result.loginFailures, 'failed sign-in record')}.`);
  const paths = storyPaths(database, result.articleIds);
  if (paths.length) {
    console.log('A running site may still show the old name on these pages until it restarts or their comments change:');
    for (const path of paths) console.log(`  ${path}`);
  }
} finally {
  database.$client.close();
}
