/**
 * A process of its own for db/users.test.ts: on the SQLite file in DATABASE_PATH, fires ATTEMPTS
 * concurrent wrong sign-ins for EMAIL from IP once the clock reaches START_AT (so that two such
 * processes overlap), and prints what each got, as JSON.
 */
import { checkSignIn } from '../../db/users';

const { EMAIL = '', IP = '', ATTEMPTS = '1', START_AT = '0' } = process.env;

async function main() {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(START_AT) - Date.now())));
  const results = await Promise.all(Array.from({ length: Number(ATTEMPTS) }, () => checkSignIn(EMAIL, 'wrong', IP, new Date())));
  process.stdout.write(JSON.stringify(results.map((result) => result.kind)));
}

void main();
