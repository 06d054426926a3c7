/**
 * `npm run user:create -- --email E --name N --role admin|editor|moderator|author [--author SLUG]`:
 * creates or updates a desk account, linked to the byline with that slug when `--author` is given.
 * The password comes from USER_PASSWORD, or is asked for (not echoed).
 */
import './load-env';
import { closeConnection, openConfiguredDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { linkUserToAuthor, upsertUser } from '../db/users';
import { roleNames, userRoles } from '../lib/user-roles';
import { MIN_PASSWORD_LENGTH } from '../lib/passwords';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'moderator' }, author: { type: 'string' } },
});
const Input = z.object({
  email: z.email('--email must be an email address'),
  name: z.string().trim().min(1, '--name is required').max(100),
  role: z.enum(userRoles, { message: `--role must be one of ${userRoles.join(', ')}` }),
  author: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, '--author must be an author\'s slug, such as jane-doe')
    .optional(),
});
const parsed = Input.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
  console.error('Usage: npm run user:create -- --email E --name N --role admin|editor|moderator|author [--author SLUG]');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) {
    console.error('Set USER_PASSWORD, or run this in a terminal to be asked for the password.');
    process.exit(2);
  }
  process.stdout.write('Password (not shown): ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    for (const char of chunk.toString('utf8')) {
      if (char === '\r' || char === '\n') {
        process.stdin.setRawMode(false);
        process.stdout.write('\n');
        process.stdin.pause();
        return password;
      }
      if (char === '\u0003') process.exit(130);
      password = char === '\u007f' ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}

const password = await readPassword();
if (password.length < MIN_PASSWORD_LENGTH) {
  console.error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  process.exit(2);
}
const database = openConfiguredDatabase();
await migrateDatabase(database);
const { author, ...account } = parsed.data;
const id = await upsertUser(database, { ...account, password });
if (author !== undefined && !(await linkUserToAuthor(database, id, author))) {
  await closeConnection(database);
  console.error(`There is no author with the slug "${author}": the account was saved, its byline left as it was.`);
  process.exit(2);
}
await closeConnection(database);
console.log(`${roleNames[account.role]} ${account.email} is ready to sign in at /login${author ? `, writing as ${author}` : ''}.`);
