import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORTS_PER_ADDRESS_PER_HOUR } from '@/lib/reports';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { insertTestStory } from '@/test/story';
import { commentReports, comments, moderationLog, settings } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { countReportedComments, dismissOpenReports, insertReport, listReportedComments } = await import('./reports');
const { transact } = await import('./transact');
const dismissReports = (ids: number[], at: Date) => transact(db, (tx) => dismissOpenReports(tx, ids, at));

runMigrations(db);
afterAll(() => db.$client.close());

const now = new Date('2025-02-12T21:40:00Z');
let articleId = 0;

beforeEach(async () => {
  db.delete(moderationLog).run();
  db.delete(commentReports).run();
  db.delete(comments).run();
  db.delete(settings).run();
  if (articleId) return;
  articleId = insertTestStory(db, now);
});

function addComment(status: 'approved' | 'pending' | 'spam' = 'approved', name = 'Ada') {
  const [row] = db
    .insert(comments)
    .values({ articleId, authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, body: `Said by ${name}`, status, ip: '192.0.2.1' })
    .returning({ id: comments.id })
    .all();
  return row!.id;
}

/** A report from a browser of its own; each reporter id has an address of its own unless told. */
const report = async (commentId: number, reporter: string, reason: 'spam' | 'abuse' = 'abuse', ip = addressOf(reporter), at = now) =>
  await insertReport({ commentId, reason, note: `from ${reporter}`, reporter, ip, now: at });
const addresses = new Map<string, string>();
const addressOf = (reporter: string) => {
  if (!addresses.has(reporter)) addresses.set(reporter, `198.51.100.${addresses.size + 1}`);
  return addresses.get(reporter)!;
};

const statusOf = (id: number) => db.select({ status: comments.status }).from(comments).where(eq(comments.id, id)).all()[0]?.status;

describe('insertReport', () => {
  it('counts reports and sends the comment back to Pending at the threshold', async () => {
    const id = addComment();
    expect(await report(id, 'a')).toEqual({ kind: 'reported', articleId, weight: 'counts', people: 1, sentBack: false });
    expect(await report(id, 'b')).toEqual({ kind: 'reported', articleId, weight: 'counts', people: 2, sentBack: false });
    expect(statusOf(id)).toBe('approved');
    expect(await report(id, 'c')).toEqual({ kind: 'reported', articleId, weight: 'counts', people: 3, sentBack: true });
    expect(statusOf(id)).toBe('pending');
    // In the same write: the log says why, and Restore would know where the comment came from.
    expect(db.select({ actorName: moderationLog.actorName, action: moderationLog.action, after: moderationLog.after }).from(moderationLog).all()).toEqual([
      { actorName: 'System', action: 'comment.reported-to-pending', after: { status: 'pending', reports: 3 } },
    ]);
    expect(db.select({ previous: comments.previousStatus }).from(comments).where(eq(comments.id, id)).get()).toEqual({ previous: 'approved' });
  });

  it('counts fresh browsers from one address as one person, however many', async () => {
    const id = addComment();
    for (const reporter of ['a', 'b', 'c', 'd', 'e']) {
      expect(await report(id, reporter, 'abuse', '203.0.113.50')).toMatchObject({ kind: 'reported', people: 1, sentBack: false });
    }
    expect(await report(id, 'f', 'abuse', '203.0.113.50')).toMatchObject({ weight: 'same-address' });
    expect(statusOf(id)).toBe('approved');
    // Each is kept for the moderator, with its note.
    expect(db.select().from(commentReports).all()).toHaveLength(6);
  });

  it('counts addresses in one IPv6 /64 as one person, and every unknown address as one', async () => {
    const id = addComment();
    expect(await report(id, 'a', 'abuse', '2001:db8:1:2::1')).toMatchObject({ people: 1 });
    expect(await report(id, 'b', 'abuse', '2001:db8:1:2:ffff::9')).toMatchObject({ people: 1, weight: 'same-address' });
    expect(await report(id, 'c', 'abuse', 'unknown')).toMatchObject({ people: 2 });
    expect(await report(id, 'd', 'abuse', 'unknown')).toMatchObject({ people: 2, weight: 'same-address' });
    expect(statusOf(id)).toBe('approved');
    expect(await report(id, 'e', 'abuse', '2001:db8:1:3::1')).toMatchObject({ people: 3, sentBack: true });
  });

  it('thanks but neither counts nor keeps reports from an address past its hourly cap', async () => {
    const targets = Array.from({ length: REPORTS_PER_ADDRESS_PER_HOUR + 1 }, (_, i) => addComment('approved', `Name${i}`));
    const from = '203.0.113.77';
    for (const [i, id] of targets.slice(0, -1).entries()) {
      expect(await report(id, `r${i}`, 'spam', from, new Date(now.getTime() + i * 60_000))).toMatchObject({ weight: 'counts' });
    }
    const last = targets.at(-1)!;
    const soon = new Date(now.getTime() + 30 * 60_000);
    expect(await report(last, 'late', 'spam', from, soon)).toMatchObject({ kind: 'reported', weight: 'over-rate', people: 0 });
    expect(db.select().from(commentReports).where(eq(commentReports.commentId, last)).all()).toEqual([]);
    // An hour after the first, the address may report again.
    expect(await report(last, 'later', 'spam', from, new Date(now.getTime() + 61 * 60_000))).toMatchObject({ weight: 'counts', people: 1 });
  });

  it('stores nothing when the log cannot be written as the comment is sent back', async () => {
    const id = addComment();
    await report(id, 'a');
    await report(id, 'b');
    db.$client.exec(`CREATE TEMP TRIGGER log_fails BEFORE INSERT ON moderation_log BEGIN SELECT RAISE(ABORT, 'log unavailable'); END`);
    try {
      await expect(report(id, 'c')).rejects.toThrow(/log unavailable/);
    } finally {
      db.$client.exec('DROP TRIGGER log_fails');
    }
    expect(statusOf(id)).toBe('approved');
    expect(db.select().from(commentReports).all()).toHaveLength(2);
  });

  it('follows the threshold in the settings', async () => {
    db.insert(settings).values({ key: 'comments', value: { reportThreshold: 1 }, updatedAt: now }).run();
    const id = addComment();
    expect(await report(id, 'a')).toMatchObject({ sentBack: true });
    expect(statusOf(id)).toBe('pending');
  });

  it('takes one report per reporter and comment', async () => {
    const id = addComment();
    expect((await report(id, 'a')).kind).toBe('reported');
    expect(await report(id, 'a')).toEqual({ kind: 'duplicate' });
    expect((await report(addComment('approved', 'Bo'), 'a')).kind).toBe('reported');
  });

  it('refuses a comment that is not approved or does not exist', async () => {
    expect(await report(addComment('pending'), 'a')).toEqual({ kind: 'not-found' });
    expect(await report(addComment('spam'), 'a')).toEqual({ kind: 'not-found' });
    expect(await report(999_999, 'a')).toEqual({ kind: 'not-found' });
    expect(db.select().from(commentReports).all()).toHaveLength(0);
  });

  it('does not count dismissed reports towards the threshold', async () => {
    const id = addComment();
    await report(id, 'a');
    await report(id, 'b');
    expect(await dismissReports([id], now)).toEqual([id]);
    expect(await report(id, 'c')).toMatchObject({ people: 1, sentBack: false });
  });
});

describe('the reported queue', () => {
  it('lists comments with open reports, most reported first, with each report', async () => {
    const once = addComment('approved', 'Once');
    const twice = addComment('approved', 'Twice');
    addComment('approved', 'Never');
    await report(once, 'a', 'spam');
    await report(twice, 'a', 'spam');
    await report(twice, 'b', 'abuse');

    const rows = await listReportedComments({ page: 1, perPage: 10 });
    expect(rows.map((row) => [row.authorName, row.openReports])).toEqual([
      ['Twice', 2],
      ['Once', 1],
    ]);
    expect(rows[0]).toMatchObject({
      id: twice,
      authorEmail: 'twice@example.com',
      ip: '192.0.2.1',
      status: 'approved',
      article: { slug: 'story', sectionSlug: 'news', headline: 'A story' },
    });
    expect(rows[0]!.reports.map((r) => [r.reason, r.note]).sort()).toEqual([
      ['abuse', 'from b'],
      ['spam', 'from a'],
    ]);
    expect(await countReportedComments()).toBe(2);
    expect((await listReportedComments({ page: 2, perPage: 1 })).map((row) => row.id)).toEqual([once]);
  });

  it('drops dismissed comments, and comments since put in spam or trash', async () => {
    const dismissed = addComment('approved', 'Dismissed');
    const trashed = addComment('approved', 'Trashed');
    const kept = addComment('approved', 'Kept');
    for (const id of [dismissed, trashed, kept]) await report(id, 'a');
    db.update(comments).set({ status: 'trash' }).where(eq(comments.id, trashed)).run();

    expect(await dismissReports([dismissed, 424242], now)).toEqual([dismissed]);
    expect(await dismissReports([dismissed], now)).toEqual([]);
    expect(await dismissReports([], now)).toEqual([]);
    expect((await listReportedComments({ page: 1, perPage: 10 })).map((row) => row.id)).toEqual([kept]);
    expect(await countReportedComments()).toBe(1);
  });
});
