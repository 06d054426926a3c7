import type { Browser, Page } from '@playwright/test';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { moderationLog, settings, users } from '../db/schema';
import { CommentSettings } from '../lib/comment-settings';
import { settingsFormValues } from '../lib/settings-form';
import { commentsByBody, expect, randomIp, staff, test } from './fixtures';
import { mailTo, rawHeader } from './mail';

/**
 * Changes to the site-wide comment rules. The Playwright project runs this file last and alone;
 * every test puts back what it changed, through the settings page (and the database as a backstop).
 */
test.describe.configure({ mode: 'serial' });

const awaiting = 'Your comment is awaiting moderation.';

const labels = {
  manualApproval: 'Comments must be manually approved',
  approvePreviouslyApproved: 'Approve at once a commenter who already has an approved comment',
  linkThreshold: 'Hold a comment with this many links or more',
  moderationWords: 'Hold comments containing any of these words',
  disallowedWords: 'Send comments containing any of these words to spam',
  minFillSeconds: 'Minimum seconds between showing the form and posting',
  floodIntervalSeconds: 'Minimum seconds between comments from one reader',
  closeAfterDays: 'Close comments on stories older than this many days',
  threadDepth: 'Nest replies this many levels deep',
  commentsPerPage: 'Top-level comments per page',
  reportThreshold: 'Reports that send a comment back to moderation',
  editWindowMinutes: 'Minutes a commenter may edit or delete their comment',
  emailOnHeld: 'A comment is held for moderation',
  emailOnReported: 'Readers’ reports send a comment back to moderation',
} as const;

const field = (page: Page, name: Exclude<keyof typeof labels, 'manualApproval' | 'approvePreviouslyApproved' | 'emailOnHeld' | 'emailOnReported'>) =>
  page.getByRole('textbox', { name: labels[name], exact: true });

/** The stored value as it is (it may hold only some keys), to put back exactly. */
async function storedSettings(db: Db): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'comments'));
  return row?.value;
}

async function saveSettings(page: Page) {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
}

/** Types every setting back in as it was and saves, so cached pages learn of it too; then makes sure in the database. */
async function restoreSettings(page: Page, db: Db, original: unknown) {
  try {
    const values = settingsFormValues(CommentSettings.parse(original ?? {}));
    await page.goto('/moderation/settings');
    await page.getByRole('checkbox', { name: labels.manualApproval }).setChecked(values.manualApproval);
    await page.getByRole('checkbox', { name: labels.approvePreviouslyApproved }).setChecked(values.approvePreviouslyApproved);
    await page.getByRole('checkbox', { name: labels.emailOnHeld }).setChecked(values.emailOnHeld);
    await page.getByRole('checkbox', { name: labels.emailOnReported }).setChecked(values.emailOnReported);
    for (const name of [
      'linkThreshold',
      'moderationWords',
      'disallowedWords',
      'minFillSeconds',
      'floodIntervalSeconds',
      'closeAfterDays',
      'threadDepth',
      'commentsPerPage',
      'reportThreshold',
      'editWindowMinutes',
    ] as const) {
      await field(page, name).fill(values[name]);
    }
    await saveSettings(page);
  } finally {
    if (original === undefined) await db.delete(settings).where(eq(settings.key, 'comments'));
    else {
      await db
        .insert(settings)
        .values({ key: 'comments', value: original })
        .onConflictDoUpdate({ target: settings.key, set: { value: original } });
    }
  }
}

async function postComment(page: Page, path: string, body: string) {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Name' }).fill('New Commenter');
  await page.getByRole('textbox', { name: 'Email' }).fill(`new.${crypto.randomUUID().slice(0, 8)}@example.com`);
  await page.getByRole('textbox', { name: 'Comment' }).fill(body);
  await page.getByRole('button', { name: 'Post Comment' }).click();
}

const thread = (page: Page) => page.getByRole('region', { name: /comments/i });

async function stranger(browser: Browser) {
  return browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
}

test('turning manual approval off lets a new commenter straight through, and is logged', async ({ adminPage, page, browser, article, db }) => {
  const original = await storedSettings(db);
  try {
    await adminPage.goto('/moderation/settings');
    const manual = adminPage.getByRole('checkbox', { name: labels.manualApproval });
    await expect(manual).toBeChecked();
    await manual.uncheck();
    await saveSettings(adminPage);
    await expect(manual).not.toBeChecked();
    await adminPage.reload();
    await expect(adminPage.getByRole('checkbox', { name: labels.manualApproval })).not.toBeChecked();

    const [entry] = await db.select().from(moderationLog).where(eq(moderationLog.action, 'settings.update')).orderBy(desc(moderationLog.id)).limit(1);
    expect(entry).toMatchObject({ actorName: 'Site admin', targetType: 'settings', before: { manualApproval: true }, after: { manualApproval: false } });

    const body = `Straight through ${crypto.randomUUID()}`;
    await postComment(page, article.path, body);
    const mine = thread(page).getByRole('listitem').filter({ hasText: body });
    await expect(mine).toBeVisible();
    await expect(mine.getByText(awaiting)).toHaveCount(0);
    expect((await commentsByBody(db, body))[0]?.status).toBe('approved');

    const reader = await stranger(browser);
    await reader.goto(article.path);
    const seen = thread(reader).getByRole('listitem').filter({ hasText: body });
    await expect(seen).toBeVisible();
    await expect(seen.getByText(awaiting)).toHaveCount(0);
    await reader.close();
  } finally {
    await restoreSettings(adminPage, db, original);
  }
  await adminPage.goto('/moderation/settings');
  await expect(adminPage.getByRole('checkbox', { name: labels.manualApproval })).toBeChecked();
});

test('a moderation word holds the comment and records the word', async ({ adminPage, page, article, db }) => {
  const original = await storedSettings(db);
  const word = `zzhold${crypto.randomUUID().slice(0, 6)}`;
  try {
    await adminPage.goto('/moderation/settings');
    // With manual approval off, only the word can be what holds the comment.
    await adminPage.getByRole('checkbox', { name: labels.manualApproval }).uncheck();
    await field(adminPage, 'moderationWords').fill(`  first phrase \n${word}\n`);
    await saveSettings(adminPage);
    await expect(field(adminPage, 'moderationWords')).toHaveValue(`first phrase\n${word}`);

    const body = `This mentions ${word.toUpperCase()} in passing ${crypto.randomUUID()}`;
    await postComment(page, article.path, body);
    const mine = thread(page).getByRole('listitem').filter({ hasText: body });
    await expect(mine.getByText(awaiting)).toBeVisible();
    const [stored] = await commentsByBody(db, body);
    expect(stored?.status).toBe('pending');
    expect(stored?.heldReason).toEqual({ rule: 'moderation-word', word });
  } finally {
    await restoreSettings(adminPage, db, original);
  }
});

async function expectRefused(page: Page, db: Db, before: unknown) {
  const depth = field(page, 'threadDepth');
  const reports = field(page, 'reportThreshold');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved.' })).toBeVisible();
  await expect(depth).toHaveAttribute('aria-invalid', 'true');
  await expect(depth).toHaveAccessibleDescription(/Enter a whole number of levels from 1 to 10\./);
  await expect(reports).toHaveAttribute('aria-invalid', 'true');
  await expect(reports).toHaveAccessibleDescription(/Enter a whole number of reports from 1 to 100\./);
  await expect(depth).toHaveValue('0');
  await expect(reports).toHaveValue('abc');
  await expect(field(page, 'moderationWords')).toHaveValue('kept phrase');
  await expect(page.getByRole('checkbox', { name: labels.manualApproval })).not.toBeChecked();
  await expect(field(page, 'commentsPerPage')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  expect(await storedSettings(db)).toEqual(before);
}

test('invalid values are refused beside their fields, the typed values kept and nothing saved', async ({ adminPage, db }) => {
  const original = await storedSettings(db);
  try {
    await adminPage.goto('/moderation/settings');
    const savedDepth = await field(adminPage, 'threadDepth').inputValue();
    await field(adminPage, 'threadDepth').fill('0');
    await field(adminPage, 'reportThreshold').fill('abc');
    await field(adminPage, 'moderationWords').fill('kept phrase');
    await adminPage.getByRole('checkbox', { name: labels.manualApproval }).uncheck();
    await adminPage.getByRole('button', { name: 'Save settings' }).click();
    await expectRefused(adminPage, db, original);

    await adminPage.reload();
    await expect(field(adminPage, 'threadDepth')).toHaveValue(savedDepth);
    await expect(adminPage.getByRole('checkbox', { name: labels.manualApproval })).toBeChecked();
  } finally {
    if (JSON.stringify(await storedSettings(db)) !== JSON.stringify(original)) await restoreSettings(adminPage, db, original);
  }
});

test('without JavaScript, invalid values are refused the same way', async ({ browser, db }) => {
  const original = await storedSettings(db);
  const context = await browser.newContext({
    storageState: 'e2e/.auth/admin.json',
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': randomIp() },
  });
  const adminPage = await context.newPage();
  try {
    await adminPage.goto('/moderation/settings');
    await field(adminPage, 'threadDepth').fill('0');
    await field(adminPage, 'reportThreshold').fill('abc');
    await field(adminPage, 'moderationWords').fill('kept phrase');
    await adminPage.getByRole('checkbox', { name: labels.manualApproval }).uncheck();
    await adminPage.getByRole('button', { name: 'Save settings' }).click();
    await expectRefused(adminPage, db, original);
  } finally {
    if (JSON.stringify(await storedSettings(db)) !== JSON.stringify(original)) await restoreSettings(adminPage, db, original);
    await context.close();
  }
});

// Here rather than in admin.spec.ts: it needs the whole site to have a single admin, and a failure
// would take the admin away from every test running at the same time.
test('the last active admin can be neither demoted nor disabled', async ({ adminPage, db }) => {
  const activeAdmins = () =>
    db
      .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled, sessionsValidAfter: users.sessionsValidAfter })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
      .orderBy(users.id);
  const admins = await activeAdmins();
  expect(admins, 'the test site has exactly one active admin: the one made at start-up').toHaveLength(1);
  const me = admins[0]!;
  try {
    await adminPage.goto('/moderation/users');
    const row = adminPage.getByRole('row').filter({ hasText: me.email });
    await row.getByRole('combobox', { name: /^Role for / }).selectOption('moderator');
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(row.getByRole('alert')).toContainText('This is the last active admin');
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row.getByRole('alert')).toHaveText([/This is the last active admin/, /This is the last active admin/]);
    expect(await activeAdmins()).toEqual(admins);
    await adminPage.reload();
    await expect(adminPage.getByRole('row').filter({ hasText: me.email })).toContainText('Admin');
    await expect(adminPage.getByRole('row').filter({ hasText: me.email })).toContainText('Active');
  } finally {
    await db.update(users).set({ role: 'admin', disabled: false, sessionsValidAfter: me.sessionsValidAfter }).where(eq(users.id, me.id));
  }
});

test('with “Email moderators whenever a comment is held” on, each moderator gets the held comment with a link to it on the desk', async ({ adminPage, moderatorPage, page, article, db }) => {
  const original = await storedSettings(db);
  try {
    await adminPage.goto('/moderation/settings');
    await adminPage.getByRole('checkbox', { name: labels.emailOnHeld }).check();
    await saveSettings(adminPage);
    const body = `Held, and mailed <i>about</i> ${crypto.randomUUID()}`;
    await postComment(page, article.path, body);
    await expect(thread(page).getByRole('listitem').filter({ hasText: 'Held, and mailed' }).getByText(awaiting)).toBeVisible();
    const [held] = await commentsByBody(db, body);
    expect(held?.status).toBe('pending');
    for (const address of [staff.moderator.email, staff.admin.email]) {
      let notice: Awaited<ReturnType<typeof mailTo>>[number] | undefined;
      await expect(async () => {
        notice = (await mailTo(address)).find((mail) => mail.text?.includes(body));
        expect(notice).toBeDefined();
      }).toPass({ timeout: 15_000 });
      expect(notice!.subject).toBe(`Comment held for moderation: "${article.headline}"`);
      expect(notice!.html).toContain('Held, and mailed &lt;i&gt;about&lt;/i&gt;');
      expect(rawHeader(notice!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const desk = new RegExp(`http://127\\.0\\.0\\.1:\\d+/moderation/comments/${held!.id}(?=\\s|$)`).exec(notice!.text ?? '')?.[0];
      expect(desk).toBeDefined();
      if (address === staff.moderator.email) {
        await moderatorPage.goto(desk!);
        await expect(moderatorPage.getByText(body)).toBeVisible();
      }
    }
  } finally {
    await restoreSettings(adminPage, db, original);
  }
});
