import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { upsertUser } from '../db/users';
import { users } from '../db/schema';
import { expect, postSignIn, randomIp, staff, test } from './fixtures';

/**
 * Accounts on /moderation/users and the log. Runs alongside every other test, so it only ever
 * touches accounts it creates (never the comment settings, never the shared staff accounts).
 */

const newPerson = () => {
  const id = crypto.randomUUID().slice(0, 8);
  return { email: `desk.${id}@example.com`, name: `Desk Person ${id}`, password: `a long typed password ${id}` };
};

const accountRow = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });

async function createAccount(page: Page, person: { email: string; name: string; password?: string }, role: 'Moderator' | 'Admin' = 'Moderator') {
  await page.goto('/moderation/users');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(person.email);
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
  await form.getByRole('combobox', { name: 'Role' }).selectOption({ label: role });
  if (person.password) await form.getByLabel('Password', { exact: true }).fill(person.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByRole('status')).toContainText(`Account created for ${person.name}`);
  return form;
}

/** A browser of its own (its own address, so sign-in throttling and flood control see a new visitor). */
async function freshPage(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  // A page load of its own: once a session has ended, the desk redirects to /login inside the browser,
  // and a sign-in on that same page was seen to land on /login again.
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin creates a moderator with a typed password; it is listed and can sign in', async ({ adminPage, browser, db }) => {
  const person = newPerson();
  const form = await createAccount(adminPage, person);
  // A typed password is never echoed back.
  await expect(form.locator('code')).toHaveCount(0);
  expect(await adminPage.content()).not.toContain(person.password);

  const row = accountRow(adminPage, person.email);
  await expect(row).toBeVisible();
  await expect(row).toContainText(person.name);
  await expect(row).toContainText('Moderator');
  await expect(row).toContainText('Active');
  await expect(row.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  const [stored] = await db.select({ role: users.role, passwordHash: users.passwordHash }).from(users).where(eq(users.email, person.email));
  expect(stored?.role).toBe('moderator');
  expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);

  const them = await freshPage(browser);
  await signIn(them, person.email, person.password);
  await expect(them).toHaveURL(/\/moderation$/);
  await them.context().close();
});

/** A browser of its own already signed in (the sign-in page itself is another test's subject). */
async function signedInPage(browser: Browser, email: string, password: string) {
  const page = await freshPage(browser);
  expect(await postSignIn(page.request, email, password)).toBe('/moderation');
  // The desk's own heading: for a session that does not count, the desk also answers 200, redirecting inside the stream.
  expect(await (await page.request.get('/moderation')).text(), 'the desk opens with that session').toContain('<h1>Comments</h1>');
  return page;
}

test('a disabled account is signed out and cannot sign in; enabling lets it back', async ({ adminPage, browser, db }) => {
  const person = newPerson();
  await upsertUser(db, { ...person, role: 'moderator' });
  const them = await signedInPage(browser, person.email, person.password);

  await adminPage.goto('/moderation/users');
  const row = accountRow(adminPage, person.email);
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByRole('status')).toContainText('is disabled');
  await expect(row).toContainText('Disabled');
  await expect(row.getByRole('button', { name: 'Enable' })).toBeVisible();

  // The session they already had ends at their next request, and the right password is refused.
  await them.goto('/moderation');
  await expect(them).toHaveURL(/\/login/);
  await signIn(them, person.email, person.password);
  await expect(them.getByText('Incorrect email or password.')).toBeVisible();
  await expect(them).toHaveURL(/\/login/);

  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Active');
  await signIn(them, person.email, person.password);
  await expect(them).toHaveURL(/\/moderation$/);
  await them.context().close();
});

test('resetting a password shows a new one once and ends the old sessions', async ({ adminPage, browser, db }) => {
  const person = newPerson();
  await upsertUser(db, { ...person, role: 'moderator' });
  const them = await signedInPage(browser, person.email, person.password);

  await adminPage.goto('/moderation/users');
  const row = accountRow(adminPage, person.email);
  await row.getByRole('button', { name: 'Reset password' }).click();
  await expect(row.getByRole('status')).toContainText(`New password for ${person.name}`);
  const password = (await row.locator('code').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

  await adminPage.reload();
  await expect(accountRow(adminPage, person.email)).toBeVisible();
  expect(await adminPage.content()).not.toContain(password);

  await them.goto('/moderation');
  await expect(them).toHaveURL(/\/login/);
  await signIn(them, person.email, person.password);
  await expect(them.getByText('Incorrect email or password.')).toBeVisible();
  await signIn(them, person.email, password);
  await expect(them).toHaveURL(/\/moderation$/);
  await them.context().close();
});

test('the admin pages are for admins: 403 for a moderator, sign-in for a stranger', async ({ moderatorPage, page }) => {
  for (const path of ['/moderation/settings', '/moderation/users']) {
    const response = await moderatorPage.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(moderatorPage.getByRole('button', { name: /Save settings|Create account/ })).toHaveCount(0);
    expect(await moderatorPage.content()).not.toContain(staff.admin.email);

    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }
  await moderatorPage.goto('/moderation');
  await expect(moderatorPage.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(moderatorPage.getByRole('link', { name: 'People' })).toHaveCount(0);
});

test('the log shows who created an account, to any moderator, with nothing to edit', async ({ adminPage, moderatorPage }) => {
  const person = newPerson();
  await createAccount(adminPage, person);

  await moderatorPage.goto('/moderation/log');
  await expect(moderatorPage.getByRole('heading', { name: 'Log' })).toBeVisible();
  const entry = moderatorPage.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: person.email });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole('cell').nth(1)).toHaveText(staff.admin.name);
  await expect(entry).toContainText(/user #\d+/);
  await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  expect(await entry.textContent()).not.toMatch(/argon2|passwordHash/);
  await expect(moderatorPage.locator('table form')).toHaveCount(0);
  await expect(moderatorPage.getByRole('button', { name: /edit|delete|remove/i })).toHaveCount(0);

  // Desk pages stream, so a page past the end shows the 404 page (its status is already sent).
  await moderatorPage.goto('/moderation/log?page=9999');
  await expect(moderatorPage.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
});

test.describe('with JavaScript turned off', () => {
  test('an account is created with a generated password, shown once', async ({ browser }) => {
    const context = await browser.newContext({
      storageState: 'e2e/.auth/admin.json',
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'X-Forwarded-For': randomIp() },
    });
    const adminPage = await context.newPage();
    const person = newPerson();
    const form = await createAccount(adminPage, { email: person.email, name: person.name }, 'Moderator');
    const password = (await form.locator('code').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    await expect(accountRow(adminPage, person.email)).toContainText('Moderator');

    // Errors show beside the fields with what was typed kept.
    await adminPage.goto('/moderation/users');
    const again = adminPage.getByRole('form', { name: 'Create an account' });
    await again.getByRole('textbox', { name: 'Email', exact: true }).fill(person.email);
    await again.getByRole('textbox', { name: 'Name', exact: true }).fill('Someone Else');
    await again.getByRole('button', { name: 'Create account' }).click();
    await expect(adminPage.getByText('There is already an account with this email address.')).toBeVisible();
    await expect(adminPage.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Someone Else');
    await expect(adminPage.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute('aria-invalid', 'true');

    const row = accountRow(adminPage, person.email);
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(accountRow(adminPage, person.email)).toContainText('Disabled');
    await context.close();
  });
});

/** Whether a cookie, header or address carries the secret, as written or inside a base64url part. */
function carries(text: string, secret: string): boolean {
  const decoded = (() => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  })();
  const parts = decoded.split(/[^A-Za-z0-9_-]+/).filter((part) => part.length >= 16);
  return decoded.includes(secret) || parts.some((part) => Buffer.from(part, 'base64url').toString('utf8').includes(secret));
}

test.describe('a generated password without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is shown in the response that made it, and travels in no cookie and no address', async ({ browser }) => {
    const context = await browser.newContext({
      storageState: 'e2e/.auth/admin.json',
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'X-Forwarded-For': randomIp() },
    });
    const adminPage = await context.newPage();
    const setCookies: string[] = [];
    const addresses: string[] = [];
    const reading: Promise<void>[] = [];
    adminPage.on('response', (response) => {
      reading.push(
        response.headersArray().then((headers) => {
          for (const { name, value } of headers) {
            if (name.toLowerCase() === 'set-cookie') setCookies.push(value);
            if (name.toLowerCase() === 'location') addresses.push(value);
          }
        }),
      );
      addresses.push(response.url());
    });
    adminPage.on('request', (request) => addresses.push(request.url()));

    const person = newPerson();
    const form = await createAccount(adminPage, { email: person.email, name: person.name });
    const created = (await form.locator('code').textContent())?.trim() ?? '';
    expect(created).toMatch(/^[A-Za-z0-9]{20}$/);

    const row = accountRow(adminPage, person.email);
    await row.getByRole('button', { name: 'Reset password' }).click();
    const status = adminPage.getByRole('status').filter({ hasText: `New password for ${person.name}` });
    await expect(status).toBeVisible();
    const reset = (await status.locator('code').textContent())?.trim() ?? '';
    expect(reset).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(reset).not.toBe(created);

    await Promise.all(reading);
    expect(setCookies.length + addresses.length, 'the responses were watched').toBeGreaterThan(0);
    for (const password of [created, reset]) {
      expect(setCookies.filter((value) => carries(value, password)), 'Set-Cookie').toEqual([]);
      expect((await context.cookies()).filter((cookie) => carries(cookie.value, password)), 'cookies').toEqual([]);
      expect(addresses.filter((address) => carries(address, password)), 'addresses').toEqual([]);
    }
    // Shown once: the page asked for again does not have it.
    await adminPage.goto('/moderation/users');
    await expect(accountRow(adminPage, person.email)).toBeVisible();
    expect(await adminPage.content()).not.toContain(reset);
    await context.close();
  });
});
