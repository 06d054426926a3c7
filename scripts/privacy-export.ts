/**
 * `npm run privacy:export -- --email E`: prints as JSON everything stored about the commenter with
 * that email (an answer to a subject access request): their comments with every column, IP address
 * and browser included, the moderation log entries about them, and failed sign-ins with the email.
 */
import './load-env';
import { closeConnection, openConfiguredDatabase } from '../db/client';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { exportCommenterData } from '../db/privacy';

const { values } = parseArgs({ options: { email: { type: 'string' } } });
const email = z.string().trim().pipe(z.email()).safeParse(values.email);
if (!email.success) {
  console.error('Usage: npm run privacy:export -- --email someone@example.com');
  process.exit(2);
}

const database = openConfiguredDatabase();
try {
  console.log(JSON.stringify(await exportCommenterData(database, email.data), null, 2));
} finally {
  await closeConnection(database);
}
