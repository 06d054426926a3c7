import fs from 'node:fs';
import path from 'node:path';
import { upsertUser } from '../db/users';
import { e2eDatabasePath } from './env';
import { expect, postSignIn, staff, test as setup } from './fixtures';

/**
 * Signs in once as the initial admin (its password is in the data folder) and once as a moderator,
 * each in a test of its own so the two run side by side. The sign-in page itself is tested in
 * admin.spec.ts and moderation.spec.ts; here the form is posted without a page.
 */
for (const role of ['admin', 'moderator'] as const) {
  setup(`sign in as ${role}`, async ({ browser, db }) => {
    let password: string = staff.moderator.password;
    if (role === 'admin') {
      const initial = fs.readFileSync(path.join(path.dirname(e2eDatabasePath), 'initial-admin.txt'), 'utf8');
      password = /password: (\S+)/.exec(initial)![1]!;
    } else {
      await upsertUser(db, { ...staff.moderator, role: 'moderator' });
    }
    fs.mkdirSync('e2e/.auth', { recursive: true });

    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': `10.200.0.${role === 'admin' ? 1 : 2}` } });
    expect(await postSignIn(context.request, staff[role].email, password)).toBe('/moderation');
    // The desk's own heading: for a session that does not count, the desk also answers 200, redirecting inside the stream.
    expect(await (await context.request.get('/moderation')).text(), 'the desk opens with that session').toContain('<h1>Comments</h1>');
    await context.storageState({ path: `e2e/.auth/${role}.json` });
    await context.close();
  });
}
