import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { likeIgnoringCase } from '../db/like';
import { linkUserToAuthor, upsertUser } from '../db/users';
import type { Db } from '../db/client';
import { articles, authors, commentBans, comments, loginFailures, mailOutbox, moderationLog, sections, settings, storyCorrections, storyRevisions, users } from '../db/schema';
import { storyFields } from '../lib/story-revision';
import { addComment, allServerActions, expect, makeArticle, postSignIn, randomIp, serverActionId, staff, test } from './fixtures';
import { storyBylineIds } from '../test/story';

/**
 * Who may do what on the moderation desk, checked from the outside: every desk page and every desk
 * server action, called as a stranger, with a doctored session cookie, and (for admin actions) as a
 * moderator, must change nothing. Other tests run at the same time, so "nothing changed" is judged
 * on what these calls could reach: this test's own comments and account, the shared staff accounts,
 * the settings, and the log entries about any of them.
 */

// (a) Pages ----------------------------------------------------------------------------------------

const deskPages = [
  '/moderation',
  '/moderation?queue=spam',
  '/moderation/log',
  '/moderation/bans',
  '/moderation/bans/new',
  '/moderation/bans/1',
  '/moderation/mail',
  '/moderation/settings',
  '/moderation/users',
  '/moderation/users/answer/new-account',
  '/moderation/privacy',
  '/moderation/privacy/answer/erase',
  '/moderation/comments/1',
  '/moderation/comments/1/edit',
  '/moderation/comments/1/reply',
  '/desk',
  '/desk/stories',
  '/desk/bylines',
  '/desk/bylines/new',
  '/desk/sections',
  '/desk/sections/new',
  '/desk/sections/1',
  '/desk/import',
  '/desk/import/1',
];

for (const page of deskPages) {
  test(`a stranger asking for ${page} is sent to sign in`, async ({ request }) => {
    const response = await request.get(page, { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(response.status());
    const location = new URL(response.headers()['location'] ?? '', 'http://desk.invalid');
    expect(location.pathname).toBe('/login');
  });
}

for (const page of ['/moderation/settings', '/moderation/users', '/moderation/users/answer/new-account', '/moderation/privacy', '/moderation/privacy/answer/erase']) {
  test(`a moderator asking for the admin page ${page} is refused with 403`, async ({ moderatorPage }) => {
    const response = await moderatorPage.goto(page);
    expect(response?.status()).toBe(403);
  });
}

test('a moderator does reach the moderator pages (so the refusals above are about the role)', async ({ moderatorPage, article, db }) => {
  const id = await addComment(db, article.id, { name: 'Desk Page Target', body: `Desk page target ${crypto.randomUUID()}`, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  for (const page of ['/moderation', '/moderation?queue=spam', '/moderation/log', '/moderation/bans', `/moderation/bans/new?comment=${id}`, `/moderation/comments/${id}/edit`, `/moderation/comments/${id}/reply`]) {
    const response = await moderatorPage.goto(page);
    expect(response?.status(), page).toBe(200);
    expect(new URL(moderatorPage.url()).pathname, page).toBe(page.split('?')[0]);
  }
});

test('a doctored session cookie opens no desk page and shows none of its data', async ({ browser, request, moderatorPage, article, db }) => {
  const body = `Queue secret ${crypto.randomUUID()}`;
  await addComment(db, article.id, { name: 'Queue Secret', body, status: 'pending', email: `${crypto.randomUUID()}@example.com` });
  const cookie = await sessionCookie(moderatorPage);
  const doctored = { ...cookie, value: flipped(cookie.value) };
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await context.addCookies([doctored]);
  const page = await context.newPage();
  for (const address of deskPages) {
    const response = await request.get(address, { headers: { Cookie: `${doctored.name}=${doctored.value}` }, maxRedirects: 0 });
    expect(response.status(), address).toBeLessThan(500);
    expect(await response.text(), address).not.toContain(body);
    await page.goto(address);
    await expect(page, address).toHaveURL(/\/login(\?|$)/);
  }
  await context.close();
});

// (b), (c) Server actions --------------------------------------------------------------------------

type Targets = Awaited<ReturnType<typeof makeTargets>>;

/** Comments in every state and an account of this test's own, for the forged calls to aim at. */
async function makeTargets(db: Db) {
  const article = await makeArticle(db);
  const tag = crypto.randomUUID().slice(0, 8);
  const email = (who: string) => `${who}.${tag}@example.com`;
  const comment = (status: 'pending' | 'approved' | 'spam' | 'trash') =>
    addComment(db, article.id, { name: `Target ${status}`, body: `A ${status} target ${tag}`, status, email: email(status) });
  const commentIds = { pending: await comment('pending'), approved: await comment('approved'), spam: await comment('spam'), trash: await comment('trash') };
  const staffId = async (address: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1))[0]!.id;
  const target = await upsertUser(db, { email: email('target'), name: `Target ${tag}`, role: 'moderator', password: `a target password ${tag}` });
  const userIds = { target, admin: await staffId(staff.admin.email), moderator: await staffId(staff.moderator.email) };
  // A ban for the forged calls to change or lift.
  const at = new Date();
  const [ban] = await db
    .insert(commentBans)
    .values({ kind: 'domain', value: `${tag}.example.com`, reason: `Target ban ${tag}`, createdByName: 'Target', createdAt: at, updatedAt: at })
    .returning({ id: commentBans.id });
  // A failed email for the forged "Send again" to try to queue.
  const [letter] = await db
    .insert(mailOutbox)
    .values({ kind: 'confirm', dedupeKey: `target:${tag}`, recipient: email('letter'), status: 'failed', attempts: 6, lastError: 'Target letter', nextAttemptAt: at, createdAt: at })
    .returning({ id: mailOutbox.id });
  return { tag, commentIds, userIds, banId: ban!.id, letterId: letter!.id, intruderEmail: email('intruder'), commenterEmail: email('approved') };
}

/** Row counts and a hash of the contents of everything the forged calls could reach. */
async function snapshot(db: Db, targets: Targets) {
  const ours = Object.values(targets.commentIds);
  const people = Object.values(targets.userIds);
  const digest = (rows: unknown[]) => ({ rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') });
  return {
    comments: digest(await db.select().from(comments).where(or(inArray(comments.id, ours), inArray(comments.parentId, ours))).orderBy(comments.id)),
    users: digest(
      await db
        .select()
        .from(users)
        .where(or(inArray(users.id, people), likeIgnoringCase(users.email, `%.${targets.tag}@example.com`)))
        .orderBy(users.id),
    ),
    settings: digest(await db.select().from(settings).orderBy(settings.key)),
    comment_bans: digest(
      await db
        .select()
        .from(commentBans)
        .where(or(eq(commentBans.id, targets.banId), likeIgnoringCase(commentBans.value, `%${targets.tag}%`)))
        .orderBy(commentBans.id),
    ),
    // A failed email, for "Send again" (the worker leaves failed ones alone).
    mail_outbox: digest(await db.select().from(mailOutbox).where(eq(mailOutbox.id, targets.letterId))),
    moderation_log: digest(
      await db
        .select()
        .from(moderationLog)
        .where(
          or(
            and(eq(moderationLog.targetType, 'comment'), inArray(moderationLog.targetId, ours)),
            and(eq(moderationLog.targetType, 'user'), inArray(moderationLog.targetId, people)),
            eq(moderationLog.targetType, 'settings'),
            eq(moderationLog.targetType, 'ban'),
          ),
        )
        .orderBy(moderationLog.id),
    ),
  };
}

/** Plausible inputs for every desk form at once, aimed at this test's targets in five ways. */
function forgedForms(actionId: string, targets: Targets): FormData[] {
  const { commentIds: c, userIds: u, banId, tag, intruderEmail, commenterEmail } = targets;
  const variants = [
    { intent: `approve:${c.pending}`, bulkAction: 'approve', ids: [c.pending], commentId: c.pending, userId: u.target, role: 'admin', disabled: 'true' },
    { intent: `trash:${c.approved}`, bulkAction: 'trash', ids: [c.approved], commentId: c.approved, userId: u.moderator, role: 'admin', disabled: 'false' },
    { intent: 'bulk', bulkAction: 'delete', ids: [c.spam, c.trash], commentId: c.spam, userId: u.admin, role: 'moderator', disabled: 'true' },
    { intent: 'empty-trash', bulkAction: 'spam', ids: [c.approved, c.pending], commentId: c.trash, userId: u.target, role: 'admin', disabled: 'true' },
    { intent: 'empty-spam', bulkAction: 'dismiss', ids: [c.approved], commentId: c.pending, userId: u.admin, role: 'moderator', disabled: 'true' },
  ];
  return variants.map((variant, i) => {
    const form = new FormData();
    form.set(`$ACTION_ID_${actionId}`, '');
    form.set('intent', variant.intent);
    form.set('bulkAction', variant.bulkAction);
    for (const id of variant.ids) form.append('ids', String(id));
    form.set('returnTo', '/moderation');
    form.set('undo', JSON.stringify([{ id: c.pending, status: 'approved' }, { id: c.approved, status: 'trash' }]));
    form.set('commentId', String(variant.commentId));
    form.set('body', `Rewritten by an intruder ${tag}`);
    form.set('userId', String(variant.userId));
    form.set('role', variant.role);
    form.set('disabled', variant.disabled);
    // A new account's email, or (for the privacy eraser) the email of one of this test's commenters.
    form.set('email', i % 2 === 0 ? intruderEmail : commenterEmail);
    form.set('confirm', 'yes');
    // A ban of one of this test's commenters (its approved comments sent back too), or a change to this test's ban.
    form.set('id', i % 2 === 0 ? '' : String(banId));
    form.set('kind', 'email');
    form.set('value', i % 2 === 0 ? commenterEmail : intruderEmail);
    form.set('reason', `Forged ban ${tag}`);
    form.set('expires', 'never');
    form.set('holdApproved', 'on');
    form.set('letter', String(targets.letterId));
    form.set('name', `Intruder ${tag}`);
    form.set('password', `an intruder's password ${tag}`);
    // The settings form with every rule loosened (its checkboxes absent, i.e. off).
    for (const [key, value] of Object.entries({ linkThreshold: '0', moderationWords: '', disallowedWords: '', closeAfterDays: '1', threadDepth: '1', commentsPerPage: '5', floodIntervalSeconds: '0', minFillSeconds: '60', reportThreshold: '1' })) {
      form.set(key, value);
    }
    return form;
  });
}

/** The desk page(s) whose forms call the actions in `filename`, where a browser would post them. */
function pagesOf(filename: string, commentId: number): string[] {
  const dir = path.dirname(filename);
  const url = (folder: string) =>
    '/' +
    folder
      .split('/')
      .slice(1)
      .filter((segment) => !/^\(.+\)$/.test(segment))
      .map((segment) => (/^\[.+\]$/.test(segment) ? String(commentId) : segment))
      .join('/');
  if (fs.existsSync(path.join(dir, 'page.tsx'))) return [url(dir)];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'page.tsx')))
    .map((entry) => url(`${dir}/${entry.name}`));
}

const deskActions = (under: string[]) => allServerActions().filter((action) => under.some((folder) => action.filename.startsWith(folder)));

/** Posts every forged form of every action to each of its pages; the answers must be neither errors nor "no such action". */
async function forgeAll(request: APIRequestContext, actions: ReturnType<typeof deskActions>, targets: Targets, cookie?: string) {
  const answers: string[] = [];
  for (const action of actions) {
    const pages = pagesOf(action.filename, targets.commentIds.pending);
    expect(pages, `a page for ${action.filename}`).not.toEqual([]);
    for (const page of pages) {
      for (const form of forgedForms(action.id, targets)) {
        const response = await request.post(page, {
          multipart: form,
          maxRedirects: 0,
          headers: { 'X-Forwarded-For': randomIp(), ...(cookie ? { Cookie: cookie } : {}) },
        });
        answers.push(`${response.status()} ${action.exportedName} ${page}`);
      }
    }
  }
  expect(answers.filter((answer) => Number(answer.slice(0, 3)) >= 500), 'server errors').toEqual([]);
  // 404/409 would mean the action was not found there, so the call would prove nothing.
  expect(answers.filter((answer) => ['404', '409'].includes(answer.slice(0, 3))), 'actions not found').toEqual([]);
  return answers;
}

async function sessionCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie, 'the moderator has a session cookie').toBeDefined();
  return cookie!;
}

/** The same token with one character in its middle changed. */
function flipped(value: string) {
  const i = Math.floor(value.length / 2);
  return `${value.slice(0, i)}${value[i] === 'A' ? 'B' : 'A'}${value.slice(i + 1)}`;
}

/** An unsigned, unencrypted token that claims to be an admin. */
function forgedAdminToken(adminId: number) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ uid: adminId, sub: String(adminId), role: 'admin', signedInAt: Date.now(), exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
}

const sessionCases: { name: string; cookie: (page: Page, targets: Targets) => Promise<string | undefined> }[] = [
  { name: 'with no session', cookie: async () => undefined },
  {
    name: 'with a tampered session cookie',
    cookie: async (page) => {
      const cookie = await sessionCookie(page);
      return `${cookie.name}=${flipped(cookie.value)}`;
    },
  },
  {
    name: 'with a forged unsigned session claiming to be an admin',
    cookie: async (page, targets) => `${(await sessionCookie(page)).name}=${forgedAdminToken(targets.userIds.admin)}`,
  },
];

for (const { name, cookie } of sessionCases) {
  test(`every desk action posted ${name} changes nothing`, async ({ request, moderatorPage, db }) => {
    test.setTimeout(90_000);
    const targets = await makeTargets(db);
    const header = await cookie(moderatorPage, targets);
    const actions = deskActions(['app/moderation/']);
    expect(actions.map((a) => a.exportedName)).toEqual(expect.arrayContaining(['moderateComments', 'saveSettings', 'createAccount', 'eraseCommenter', 'saveBanForm', 'liftBanForm', 'retryLetterForm']));
    const before = await snapshot(db, targets);
    await forgeAll(request, actions, targets, header);
    expect(await snapshot(db, targets)).toEqual(before);
  });
}

test('every admin action posted by a signed-in moderator changes nothing', async ({ moderatorPage, db }) => {
  test.setTimeout(90_000);
  const targets = await makeTargets(db);
  const actions = deskActions(['app/moderation/settings/', 'app/moderation/users/', 'app/moderation/privacy/']);
  expect(actions.map((a) => a.exportedName)).toEqual(expect.arrayContaining(['saveSettings', 'createAccount', 'resetPassword', 'eraseCommenter']));
  // The session is good: what stops these calls is the role.
  const desk = await moderatorPage.request.get('/moderation', { maxRedirects: 0 });
  expect(desk.status()).toBe(200);
  const before = await snapshot(db, targets);
  await forgeAll(moderatorPage.request, actions, targets);
  expect(await snapshot(db, targets)).toEqual(before);
  expect((await moderatorPage.request.get('/moderation', { maxRedirects: 0 })).status(), 'still a moderator, no more').toBe(200);
});

test('every comment desk action posted by a signed-in author changes nothing', async ({ browser, db }) => {
  test.setTimeout(90_000);
  const targets = await makeTargets(db);
  const author = { email: `author-${crypto.randomUUID()}@example.com`, name: 'Aut Hor', password: 'an author password of some length', role: 'author' as const };
  await upsertUser(db, author);
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  expect(await postSignIn(context.request, author.email, author.password)).toBe('/desk/stories');
  // The session is good: what stops these calls is the role.
  expect((await context.request.get('/desk/stories', { maxRedirects: 0 })).status()).toBe(200);
  const actions = deskActions(['app/moderation/']);
  expect(actions.map((a) => a.exportedName)).toEqual(expect.arrayContaining(['moderateComments', 'undoModeration', 'editComment', 'replyAsStaff', 'saveBanForm', 'liftBanForm', 'retryLetterForm']));
  const before = await snapshot(db, targets);
  await forgeAll(context.request, actions, targets);
  expect(await snapshot(db, targets)).toEqual(before);
  await context.close();
});

// The newsroom desk's story form: a new story and a change to an existing one, posted by each
// caller that may not make it. Nothing may be written: no story, no change, no log row.
test('the story forms (story, correction, restore, autosave), a byline and a section posted with no session, a tampered one, as a moderator or as an author on another’s story change nothing', async ({ browser, request, moderatorPage, db }) => {
  const actionId = serverActionId('app/desk/stories/actions.ts', 'saveStoryForm');
  const victim = await makeArticle(db);
  const [original] = await db.select().from(articles).where(eq(articles.id, victim.id));
  const author = { email: `author-${crypto.randomUUID()}@example.com`, name: 'Other Author', password: 'an author password of some length', role: 'author' as const };
  const authorId = await upsertUser(db, author);
  const [byline] = await db.insert(authors).values({ slug: `other-author-${crypto.randomUUID().slice(0, 8)}`, name: 'Other Author' }).returning({ slug: authors.slug });
  await linkUserToAuthor(db, authorId, byline!.slug);
  const authorContext = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': randomIp() } });
  await postSignIn(authorContext.request, author.email, author.password);
  const moderatorCookie = await sessionCookie(moderatorPage);
  const callers: [string, APIRequestContext, string | undefined][] = [
    ['no session', request, undefined],
    ['a tampered session', request, `${moderatorCookie.name}=${flipped(moderatorCookie.value)}`],
    ['a moderator', moderatorPage.request, undefined],
    ['an author, on another author’s story', authorContext.request, undefined],
  ];
  const headline = `Forged story ${crypto.randomUUID()}`;
  for (const [who, request, cookie] of callers) {
    for (const storyId of ['', String(victim.id)]) {
      if (who.startsWith('an author') && storyId === '') continue; // an author may start a story of their own
      const response = await request.post(storyId ? `/desk/stories/${storyId}` : '/desk/stories/new', {
        multipart: { [`$ACTION_ID_${actionId}`]: '', storyId, version: '0', headline, standfirst: '', body: 'Forged.', sectionId: '1', authorIds: '1', slug: '', intent: 'publish', featured: 'on', commentsOpen: 'on' },
        maxRedirects: 0,
        headers: { 'X-Forwarded-For': randomIp(), ...(cookie === undefined ? {} : { Cookie: cookie }) },
      });
      expect(response.status(), `${who} ${storyId}`).toBeLessThan(500);
    }
  }
  // The story's other forms: a correction, a restored revision, and the autosave the form calls while one types.
  const [oldRevision] = await db
    .insert(storyRevisions)
    .values({ articleId: victim.id, kind: 'save', userId: null, userName: 'Someone', fields: { ...storyFields(original!), headline: `Old headline ${headline}` }, createdAt: new Date() })
    .returning({ id: storyRevisions.id });
  const correctionId = serverActionId('app/desk/stories/actions.ts', 'addCorrectionForm');
  const restoreId = serverActionId('app/desk/stories/actions.ts', 'restoreRevisionForm');
  const autosaveId = serverActionId('app/desk/stories/actions.ts', 'autosaveStory');
  const version = String(original!.updatedAt?.getTime() ?? 0);
  for (const [who, request, cookie] of callers) {
    const headers = { 'X-Forwarded-For': randomIp(), ...(cookie === undefined ? {} : { Cookie: cookie }) };
    // Each to the page that has its form (an action is found only where its page uses it).
    const forms: [string, Record<string, string>][] = [
      [`/desk/stories/${victim.id}`, { [`$ACTION_ID_${correctionId}`]: '', storyId: String(victim.id), text: `A forged correction ${headline}` }],
      [`/desk/stories/${victim.id}/revisions/${oldRevision!.id}`, { [`$ACTION_ID_${restoreId}`]: '', storyId: String(victim.id), revisionId: String(oldRevision!.id), version }],
    ];
    for (const [page, multipart] of forms) {
      const response = await request.post(page, { multipart, maxRedirects: 0, headers });
      expect(response.status(), `${who}: ${page}`).toBeLessThan(500);
      expect(response.status(), `${who}: ${page}: the action is found there`).not.toBe(404);
    }
    // Called as the form's script calls it: the action's id in a header, its arguments as JSON.
    const autosave = await request.post(`/desk/stories/${victim.id}`, {
      headers: { ...headers, 'Next-Action': autosaveId, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify([{ storyId: victim.id, headline: `Autosaved ${headline}`, standfirst: '', body: 'Forged.' }]),
      maxRedirects: 0,
    });
    expect(autosave.status(), `${who}: autosave`).toBeLessThan(500);
    if (autosave.status() === 200) expect(await autosave.text(), `${who}: autosave answer`).toMatch(/"ok":false/);
  }
  expect(await db.select().from(articles).where(eq(articles.headline, headline))).toEqual([]);
  expect(await db.select().from(articles).where(eq(articles.id, victim.id))).toEqual([original]);
  expect(await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'story'), eq(moderationLog.targetId, victim.id)))).toEqual([]);
  expect(await db.select().from(storyCorrections).where(eq(storyCorrections.articleId, victim.id))).toEqual([]);
  // A byline (its author's profile), which only editors change.
  const bylineId = serverActionId('app/desk/bylines/actions.ts', 'saveBylineForm');
  const [profile] = await db.select().from(authors).where(eq(authors.id, (await storyBylineIds(db, original!.id))[0]!));
  for (const [who, request, cookie] of callers) {
    const response = await request.post(`/desk/bylines/${profile!.id}`, {
      multipart: { [`$ACTION_ID_${bylineId}`]: '', id: String(profile!.id), name: `Renamed ${headline}`, bio: 'Forged.' },
      maxRedirects: 0,
      headers: { 'X-Forwarded-For': randomIp(), ...(cookie === undefined ? {} : { Cookie: cookie }) },
    });
    expect(response.status(), `${who}: byline`).toBeLessThan(500);
    expect(response.status(), `${who}: byline, the action is found there`).not.toBe(404);
    const created = await request.post('/desk/bylines/new', {
      multipart: { [`$ACTION_ID_${bylineId}`]: '', id: '', name: `Forged byline ${headline}`, slug: '', bio: 'Forged.' },
      maxRedirects: 0,
      headers: { 'X-Forwarded-For': randomIp(), ...(cookie === undefined ? {} : { Cookie: cookie }) },
    });
    expect(created.status(), `${who}: new byline`).toBeLessThan(500);
  }
  expect(await db.select().from(authors).where(eq(authors.id, profile!.id))).toEqual([profile]);
  expect(await db.select().from(authors).where(eq(authors.name, `Forged byline ${headline}`))).toEqual([]);
  // The sections (a new one, and a change to one), which only editors add and change.
  const sectionId = serverActionId('app/desk/sections/actions.ts', 'saveSectionForm');
  // Other tests add sections of their own meanwhile: these are the ones a forged call could reach.
  const sectionsBefore = await db.select().from(sections).orderBy(sections.id);
  const sectionsNow = () => db.select().from(sections).where(inArray(sections.id, sectionsBefore.map((row) => row.id))).orderBy(sections.id);
  for (const [who, request, cookie] of callers) {
    for (const [page, id] of [['/desk/sections/new', ''], [`/desk/sections/${original!.sectionId}`, String(original!.sectionId)]] as const) {
      const response = await request.post(page, {
        multipart: { [`$ACTION_ID_${sectionId}`]: '', id, version: '', name: `Forged ${headline}`.slice(0, 60), description: 'Forged.', slug: '', position: '1' },
        maxRedirects: 0,
        headers: { 'X-Forwarded-For': randomIp(), ...(cookie === undefined ? {} : { Cookie: cookie }) },
      });
      expect(response.status(), `${who}: ${page}`).toBeLessThan(500);
      expect(response.status(), `${who}: ${page}, the action is found there`).not.toBe(404);
    }
  }
  expect(await sectionsNow()).toEqual(sectionsBefore);
  expect(await db.select().from(sections).where(likeIgnoringCase(sections.name, 'Forged %'))).toEqual([]);
  expect(await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'section'), likeIgnoringCase(sql`cast(${moderationLog.after} as text)`, '%Forged%')))).toEqual([]);
  expect(await db.select({ id: storyRevisions.id }).from(storyRevisions).where(eq(storyRevisions.articleId, victim.id))).toEqual([{ id: oldRevision!.id }]);
  await authorContext.close();
});

// (d) Oversized and malformed posts ----------------------------------------------------------------

const TEN_MB = 10 * 1024 * 1024;

test('a 10 MB comment form posted to a story is refused cleanly and writes nothing', async ({ request, article, db }) => {
  const email = `oversized.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const response = await request.post(article.path, {
    headers: { 'X-Forwarded-For': randomIp() },
    multipart: {
      [`$ACTION_ID_${serverActionId('app/(site)/[section]/[slug]/actions.ts', 'postComment')}`]: '',
      articleId: String(article.id),
      parentId: '',
      name: 'Oversized Poster',
      email,
      url: '',
      comment: 'x'.repeat(TEN_MB),
      token: '',
    },
    maxRedirects: 0,
    timeout: 60_000,
  });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(500);
  expect(await db.select({ id: comments.id }).from(comments).where(or(eq(comments.authorEmail, email), eq(comments.articleId, article.id)))).toEqual([]);
});

test('a 10 MB sign-in form is refused cleanly, signs nobody in and writes nothing', async ({ request, db }) => {
  const email = `oversized.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const response = await request.post('/login', {
    headers: { 'X-Forwarded-For': randomIp() },
    multipart: { [`$ACTION_ID_${serverActionId('app/login/actions.ts', 'logIn')}`]: '', email, password: 'x'.repeat(TEN_MB) },
    maxRedirects: 0,
    timeout: 60_000,
  });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(500);
  expect(response.headers()['set-cookie'] ?? '').not.toContain('session-token');
  expect(await db.select().from(loginFailures).where(eq(loginFailures.email, email))).toEqual([]);
});

test('comment posts with missing fields or values of the wrong type write nothing', async ({ request, article, db }) => {
  const actionId = serverActionId('app/(site)/[section]/[slug]/actions.ts', 'postComment');
  const tag = crypto.randomUUID().slice(0, 8);
  const file = (content: string) => ({ name: 'value.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
  type Value = string | ReturnType<typeof file>;
  const complete = (i: number): Record<string, Value> => ({
    articleId: String(article.id),
    parentId: '',
    name: 'Malformed Poster',
    email: `malformed.${i}.${tag}@example.com`,
    url: '',
    comment: `A malformed post ${i} ${tag}`,
    token: '',
  });
  const without = (fields: Record<string, Value>, key: string) => Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key));
  const cases: [string, (fields: Record<string, Value>) => Record<string, Value>][] = [
    ['no fields at all', () => ({})],
    ['only the story', (f) => ({ articleId: f.articleId! })],
    ...['articleId', 'name', 'email', 'comment'].map((key): [string, (f: Record<string, Value>) => Record<string, Value>] => [`no ${key}`, (f) => without(f, key)]),
    ...['abc', '', '-1', '0', '1.5', 'NaN', 'Infinity', '9'.repeat(30), `${article.id}abc`, `[${article.id}]`].map(
      (value): [string, (f: Record<string, Value>) => Record<string, Value>] => [`articleId ${JSON.stringify(value)}`, (f) => ({ ...f, articleId: value })],
    ),
    ...['abc', '-5', '1.5', '999999999'].map((value): [string, (f: Record<string, Value>) => Record<string, Value>] => [
      `parentId ${JSON.stringify(value)}`,
      (f) => ({ ...f, parentId: value }),
    ]),
    ...['articleId', 'name', 'email', 'comment'].map((key): [string, (f: Record<string, Value>) => Record<string, Value>] => [
      `${key} sent as a file`,
      (f) => ({ ...f, [key]: file(typeof f[key] === 'string' ? f[key] : 'x') }),
    ]),
  ];
  const answers: string[] = [];
  for (const [i, [label, make]] of cases.entries()) {
    const response = await request.post(article.path, {
      headers: { 'X-Forwarded-For': randomIp() },
      multipart: { [`$ACTION_ID_${actionId}`]: '', ...make(complete(i)) },
      maxRedirects: 0,
    });
    answers.push(`${response.status()} ${label}`);
  }
  // The same action called the way the client-side form calls it, with arguments that are no form at all.
  const callAction = (body: string) =>
    request.post(article.path, {
      headers: { 'X-Forwarded-For': randomIp(), 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: body,
      maxRedirects: 0,
    });
  for (const args of [[{ articleId: article.id, name: 'Json Poster', email: `malformed.json.${tag}@example.com`, comment: `A JSON post ${tag}` }], [null, 42]]) {
    answers.push(`${(await callAction(JSON.stringify(args))).status()} Next-Action with ${JSON.stringify(args).slice(0, 40)}`);
  }
  expect(answers.filter((answer) => Number(answer.slice(0, 3)) >= 500), 'server errors').toEqual([]);
  // Bodies that are not an argument list at all fail inside Next before the action runs (Next 16.4
  // answers them with a 500); all that matters here is that they write nothing.
  await callAction('"not an argument list"');
  await callAction(`{{{ broken ${tag}`);
  const written = await db
    .select({ id: comments.id, email: comments.authorEmail })
    .from(comments)
    .where(or(eq(comments.articleId, article.id), likeIgnoringCase(comments.authorEmail, `malformed.%${tag}@example.com`)));
  expect(written).toEqual([]);
});
