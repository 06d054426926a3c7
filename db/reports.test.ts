import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { insertTestStory } from '@/test/story';
import { commentReports, comments, settings } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { countReportedComments, dismissReports, insertReport, listReportedComments } = await import('./reports');

runMigrations(db);
afterAll(() => db.$client.close());

const now = new Date('2025-02-12T21:40:00Z');
let articleId = 0;

beforeEach(() => {
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

const report = (commentId: number, reporter: string, reason: 'spam' | 'abuse' = 'abuse') =>
  insertReport({ commentId, reason, note: `from ${reporter}`, reporter, ip: '203.0.113.9', now });

const statusOf = (id: number) => db.select({ status: comments.status }).from(comments).where(eq(comments.id, id)).all()[0]?.status;

describe('insertReport', () => {
  it('counts reports and sends the comment back to Pending at the threshold', () => {
    const id = addComment();
    expect(report(id, 'a')).toEqual({ kind: 'reported', articleId, openReports: 1, sentBack: false });
    expect(report(id, 'b')).toEqual({ kind: 'reported', articleId, openReports: 2, sentBack: false });
    expect(statusOf(id)).toBe('approved');
    expect(report(id, 'c')).toEqual({ kind: 'reported', articleId, openReports: 3, sentBack: true });
    expect(statusOf(id)).toBe('pending');
  });

  it('follows the threshold in the settings', () => {
    db.insert(settings).values({ key: 'comments', value: { reportThreshold: 1 }, updatedAt: now }).run();
    const id = addComment();
    expect(report(id, 'a')).toMatchObject({ sentBack: true });
    expect(statusOf(id)).toBe('pending');
  });

  it('takes one report per reporter and comment', () => {
    const id = addComment();
    expect(report(id, 'a').kind).toBe('reported');
    expect(report(id, 'a')).toEqual({ kind: 'duplicate' });
    expect(report(addComment('approved', 'Bo'), 'a').kind).toBe('reported');
  });

  it('refuses a comment that is not approved or does not exist', () => {
    expect(report(addComment('pending'), 'a')).toEqual({ kind: 'not-found' });
    expect(report(addComment('spam'), 'a')).toEqual({ kind: 'not-found' });
    expect(report(999_999, 'a')).toEqual({ kind: 'not-found' });
    expect(db.select().from(commentReports).all()).toHaveLength(0);
  });

  it('does not count dismissed reports towards the threshold', () => {
    const id = addComment();
    report(id, 'a');
    report(id, 'b');
    expect(dismissReports([id], now)).toEqual([id]);
    expect(report(id, 'c')).toMatchObject({ openReports: 1, sentBack: false });
  });
});

describe('the reported queue', () => {
  it('lists comments with open reports, most reported first, with each report', () => {
    const once = addComment('approved', 'Once');
    const twice = addComment('approved', 'Twice');
    addComment('approved', 'Never');
    report(once, 'a', 'spam');
    report(twice, 'a', 'spam');
    report(twice, 'b', 'abuse');

    const rows = listReportedComments({ page: 1, perPage: 10 });
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
    expect(countReportedComments()).toBe(2);
    expect(listReportedComments({ page: 2, perPage: 1 }).map((row) => row.id)).toEqual([once]);
  });

  it('drops dismissed comments, and comments since put in spam or trash', () => {
    const dismissed = addComment('approved', 'Dismissed');
    const trashed = addComment('approved', 'Trashed');
    const kept = addComment('approved', 'Kept');
    for (const id of [dismissed, trashed, kept]) report(id, 'a');
    db.update(comments).set({ status: 'trash' }).where(eq(comments.id, trashed)).run();

    expect(dismissReports([dismissed, 424242], now)).toEqual([dismissed]);
    expect(dismissReports([dismissed], now)).toEqual([]);
    expect(dismissReports([], now)).toEqual([]);
    expect(listReportedComments({ page: 1, perPage: 10 }).map((row) => row.id)).toEqual([kept]);
    expect(countReportedComments()).toBe(1);
  });
});
