import fs from 'node:fs';
import path from 'node:path';
import { upsertUser } from '../db/users';
import { e2eDatabasePath } from './env';
import { expect, staff, test as setup } from './fixtures';

/** Signs in once as the initial admin (its password is in the data folder) and once as a moderator. */
setup('sign in as admin and as moderator', async ({ browser, db }) => {
  const initial = fs.readFileSync(path.join(path.dirname(e2eDatabasePath), 'initial-admin.txt'), 'utf8');
  const adminPassword = /password: (\S+)/.exec(initial)![1]!;
  await upsertUser(db, { ...staff.moderator, role: 'moderator' });
  fs.mkdirSync('e2e/.auth', { recursive: true });

  for (const [role, email, password] of [
    ['admin', staff.admin.email, adminPassword],
    ['moderator', staff.moderator.email, staff.moderator.password],
  ] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': `10.200.0.${role === 'admin' ? 1 : 2}` } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/moderation$/);
    await context.storageState({ path: `e2e/.auth/${role}.json` });
    await context.close();
  }
});
