import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { insertTestStory } from '@/test/story';
import type { CommentStatus } from '@/lib/comment-status';
import { commentReports, comments, moderationLog, users } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { decideComments, undoDecision } = await import('./moderation');

runMigrations(db);
afterAll(() => db.$client.close());

const now = new Date('2025-02-12T21:40:00Z');
const moderator = db.insert(users).values({ email: 'mo@example.com', name: 'Mo Derator', passwordHash: 'x' }).returning({ id: users.id, name: users.name }).all()[0]!;
let articleId = 0;

beforeEach(async () => {
  db.delete(moderationLog).run();
  db.delete(commentReports).run();
  db.delete(comments).run();
  if (articleId) return;
  articleId = insertTestStory(db, now);
});

function addComment(status: CommentStatus) {
  const [row] = db
    .insert(comments)
    .values({ articleId, authorName: 'Ada', authorEmail: 'ada@example.com', body: `An ${status} comment`, status })
    .returning({ id: comments.id })
    .all();
  return row!.id;
}

const statusOf = (id: number) => db.select({ status: comments.status }).from(comments).where(eq(comments.id, id)).get()?.status;
const openReportsOf = (id: number) => db.select({ dismissedAt: commentReports.dismissedAt }).from(commentReports).where(eq(commentReports.commentId, id)).all();
const logged = () => db.select({ action: moderationLog.action, targetId: moderationLog.targetId, before: moderationLog.before, after: moderationLog.after }).from(moderationLog).all();

function reportOf(commentId: number) {
  db.insert(commentReports).values({ commentId, reason: 'abuse', reporter: crypto.randomUUID(), ip: '198.51.100.1', createdAt: now }).run();
}

/** Makes the next write to the log fail, as a full disk or a broken constraint would. */
async function withFailingLog(run: () => Promise<void>) {
  db.$client.exec(`CREATE TEMP TRIGGER log_fails BEFORE INSERT ON moderation_log BEGIN SELECT RAISE(ABORT, 'log unavailable'); END`);
  try {
    await run();
  } finally {
    db.$client.exec('DROP TRIGGER log_fails');
  }
}

describe('decideComments', () => {
  it('changes the statuses, answers the reports of an approval and logs each change, together', async () => {
    const [a, b, already] = [addComment('pending'), addComment('pending'), addComment('approved')];
    reportOf(already);
    const result = await decideComments(moderator, 'approve', [a, b, already], now);
    expect(result.count).toBe(2);
    expect(result.changes).toEqual([
      { id: a, articleId, from: 'pending', to: 'approved' },
      { id: b, articleId, from: 'pending', to: 'approved' },
    ]);
    expect([statusOf(a), statusOf(b), statusOf(already)]).toEqual(['approved', 'approved', 'approved']);
    expect(openReportsOf(already)).toEqual([{ dismissedAt: now }]);
    expect(logged()).toEqual([
      { action: 'comment.approve', targetId: a, before: { status: 'pending' }, after: { status: 'approved' } },
      { action: 'comment.approve', targetId: b, before: { status: 'pending' }, after: { status: 'approved' } },
    ]);
  });

  it('restores from the Trash and from Spam to the status each had, without reading the log', async () => {
    const [approved, pending, caught] = [addComment('approved'), addComment('pending'), addComment('spam')];
    await decideComments(moderator, 'trash', [approved, pending], now);
    db.delete(moderationLog).run();

    const restored = await decideComments(moderator, 'restore', [approved, pending], now);
    expect(restored.changes.map((change) => [change.id, change.to])).toEqual([
      [approved, 'approved'],
      [pending, 'pending'],
    ]);
    // Held as spam by the rules when posted: no status before that, so it goes to Pending.
    expect((await decideComments(moderator, 'notspam', [caught], now)).changes).toEqual([{ id: caught, articleId, from: 'spam', to: 'pending' }]);

    await decideComments(moderator, 'spam', [approved], now);
    await decideComments(moderator, 'trash', [approved], now);
    // Restore puts back what a comment was before the Trash (Spam), and touches only comments in the Trash.
    expect((await decideComments(moderator, 'restore', [approved, pending], now)).changes).toEqual([{ id: approved, articleId, from: 'trash', to: 'spam' }]);
  });

  it('deletes only from Spam and Trash, and dismisses reports, each with its log rows', async () => {
    const [spam, live] = [addComment('spam'), addComment('approved')];
    reportOf(live);
    expect(await decideComments(moderator, 'delete', [spam, live], now)).toEqual({ count: 1, changes: [] });
    expect(statusOf(spam)).toBeUndefined();
    expect(statusOf(live)).toBe('approved');
    expect(await decideComments(moderator, 'dismiss', [live], now)).toEqual({ count: 1, changes: [] });
    expect(logged().map((row) => [row.action, row.targetId])).toEqual([
      ['comment.delete', spam],
      ['report.dismiss', live],
    ]);
  });

  it('leaves nothing behind when the log cannot be written', async () => {
    const [pending, reported, trashed] = [addComment('pending'), addComment('approved'), addComment('trash')];
    reportOf(reported);
    await withFailingLog(async () => {
      await expect(decideComments(moderator, 'approve', [pending, reported], now)).rejects.toThrow(/log unavailable/);
      await expect(decideComments(moderator, 'spam', [pending, reported], now)).rejects.toThrow(/log unavailable/);
      await expect(decideComments(moderator, 'restore', [trashed], now)).rejects.toThrow(/log unavailable/);
      await expect(decideComments(moderator, 'delete', [trashed], now)).rejects.toThrow(/log unavailable/);
      await expect(decideComments(moderator, 'dismiss', [reported], now)).rejects.toThrow(/log unavailable/);
      await expect(undoDecision(moderator, [{ id: pending, status: 'approved' }], now)).rejects.toThrow(/log unavailable/);
    });
    expect([statusOf(pending), statusOf(reported), statusOf(trashed)]).toEqual(['pending', 'approved', 'trash']);
    expect(openReportsOf(reported)).toEqual([{ dismissedAt: null }]);
    expect(db.select({ previous: comments.previousStatus }).from(comments).where(inArray(comments.id, [pending, reported, trashed])).all()).toEqual([
      { previous: null },
      { previous: null },
      { previous: null },
    ]);
    expect(logged()).toEqual([]);
  });
});

describe('undoDecision', () => {
  it('puts each comment back to the status it was found in, and logs it', async () => {
    const [a, b] = [addComment('pending'), addComment('approved')];
    const { changes } = await decideComments(moderator, 'trash', [a, b], now);
    db.delete(moderationLog).run();
    const undone = await undoDecision(moderator, changes.map((change) => ({ id: change.id, status: change.from })), now);
    expect(undone.map((change) => [change.id, change.from, change.to])).toEqual([
      [a, 'trash', 'pending'],
      [b, 'trash', 'approved'],
    ]);
    expect([statusOf(a), statusOf(b)]).toEqual(['pending', 'approved']);
    expect(logged().map((row) => row.action)).toEqual(['comment.undo', 'comment.undo']);
    expect(await undoDecision(moderator, [{ id: a, status: 'pending' }], now)).toEqual([]);
  });
});
