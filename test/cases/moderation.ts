/**
 * db/moderation.ts's cases, for both engines: db/moderation.test.ts runs them on SQLite,
 * db/moderation.pg.test.ts on PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommentStatus } from '@/lib/comment-status';
import type { Db } from '../../db/client';
import {
  countQueues,
  decideComments,
  findCommentForDesk,
  idsInStatus,
  insertStaffReply,
  listCommentedArticles,
  listQueue,
  undoDecision,
  updateCommentBody,
} from '../../db/moderation';
import { commentReports, comments, moderationLog, users } from '../../db/schema';
import { type EngineHooks, insertStory, rejection, withHook } from './engine';

const now = new Date('2025-02-12T21:40:00Z');

export function moderationCases(database: Db, hooks: () => EngineHooks) {
  let articleId = 0;
  let moderator = { id: 0, name: '' };

  beforeEach(async () => {
    await database.delete(moderationLog);
    await database.delete(commentReports);
    await database.delete(comments);
    if (articleId) return;
    articleId = await insertStory(database, now);
    const [row] = await database.insert(users).values({ email: 'mo@example.com', name: 'Mo Derator', passwordHash: 'x' }).returning({ id: users.id, name: users.name });
    moderator = row!;
  });

  let made = 0;
  async function addComment(status: CommentStatus, values: Partial<typeof comments.$inferInsert> = {}) {
    made += 1;
    const [row] = await database
      .insert(comments)
      .values({ articleId, authorName: 'Ada', authorEmail: 'ada@example.com', body: `An ${status} comment`, status, createdAt: new Date(now.getTime() + made * 1000), ...values })
      .returning({ id: comments.id });
    return row!.id;
  }

  const statusOf = async (id: number) => (await database.select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;
  const openReportsOf = (id: number) => database.select({ dismissedAt: commentReports.dismissedAt }).from(commentReports).where(eq(commentReports.commentId, id));
  const logged = () =>
    database
      .select({ action: moderationLog.action, targetId: moderationLog.targetId, before: moderationLog.before, after: moderationLog.after })
      .from(moderationLog)
      .orderBy(asc(moderationLog.id));
  const reportOf = async (commentId: number) => {
    await database.insert(commentReports).values({ commentId, reason: 'abuse', reporter: crypto.randomUUID(), ip: '198.51.100.1', createdAt: now });
  };

  describe('decideComments', () => {
    it('changes the statuses, answers the reports of an approval and logs each change, together', async () => {
      const [a, b, already] = [await addComment('pending'), await addComment('pending'), await addComment('approved')];
      await reportOf(already);
      const result = await decideComments(moderator, 'approve', [a, b, already], now);
      expect(result.count).toBe(2);
      expect(result.changes).toEqual([
        { id: a, articleId, from: 'pending', to: 'approved' },
        { id: b, articleId, from: 'pending', to: 'approved' },
      ]);
      expect([await statusOf(a), await statusOf(b), await statusOf(already)]).toEqual(['approved', 'approved', 'approved']);
      expect(await openReportsOf(already)).toEqual([{ dismissedAt: now }]);
      expect(await logged()).toEqual([
        { action: 'comment.approve', targetId: a, before: { status: 'pending' }, after: { status: 'approved' } },
        { action: 'comment.approve', targetId: b, before: { status: 'pending' }, after: { status: 'approved' } },
      ]);
    });

    it('restores from the Trash and from Spam to the status each had, without reading the log', async () => {
      const [approved, pending, caught] = [await addComment('approved'), await addComment('pending'), await addComment('spam')];
      await decideComments(moderator, 'trash', [approved, pending], now);
      await database.delete(moderationLog);

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
      const [spam, live] = [await addComment('spam'), await addComment('approved')];
      await reportOf(live);
      expect(await decideComments(moderator, 'delete', [spam, live], now)).toEqual({ count: 1, changes: [] });
      expect(await statusOf(spam)).toBeUndefined();
      expect(await statusOf(live)).toBe('approved');
      expect(await decideComments(moderator, 'dismiss', [live], now)).toEqual({ count: 1, changes: [] });
      expect((await logged()).map((row) => [row.action, row.targetId])).toEqual([
        ['comment.delete', spam],
        ['report.dismiss', live],
      ]);
    });

    it('makes approved comments editors\' picks and takes them out again, logging each, and names the story to refresh', async () => {
      const [approved, pending] = [await addComment('approved'), await addComment('pending')];
      const featuredAt = async (id: number) => (await database.select({ at: comments.featuredAt }).from(comments).where(eq(comments.id, id)))[0]?.at;
      const featured = await decideComments(moderator, 'feature', [approved, pending], now);
      expect(featured).toEqual({ count: 1, changes: [], restyled: [articleId] });
      expect([await featuredAt(approved), await featuredAt(pending)]).toEqual([now, null]);
      // Featured twice is one pick, not two log rows; the queue says which rows are picks.
      expect((await decideComments(moderator, 'feature', [approved], now)).count).toBe(0);
      const queue = await listQueue({ queue: 'approved', page: 1 });
      expect(queue.rows.map((row) => [row.id, row.featured])).toEqual([[approved, true]]);
      expect(await decideComments(moderator, 'unfeature', [approved], now)).toEqual({ count: 1, changes: [], restyled: [articleId] });
      expect(await featuredAt(approved)).toBeNull();
      expect(await logged()).toEqual([
        { action: 'comment.feature', targetId: approved, before: { featured: false }, after: { featured: true } },
        { action: 'comment.unfeature', targetId: approved, before: { featured: true }, after: { featured: false } },
      ]);
    });

    it('leaves nothing behind when the log cannot be written', async () => {
      const [pending, reported, trashed] = [await addComment('pending'), await addComment('approved'), await addComment('trash')];
      await reportOf(reported);
      await withHook(hooks().failInserts('moderation_log', 'log unavailable'), async () => {
        expect(await rejection(decideComments(moderator, 'approve', [pending, reported], now))).toMatch(/log unavailable/);
        expect(await rejection(decideComments(moderator, 'spam', [pending, reported], now))).toMatch(/log unavailable/);
        expect(await rejection(decideComments(moderator, 'restore', [trashed], now))).toMatch(/log unavailable/);
        expect(await rejection(decideComments(moderator, 'delete', [trashed], now))).toMatch(/log unavailable/);
        expect(await rejection(decideComments(moderator, 'dismiss', [reported], now))).toMatch(/log unavailable/);
        expect(await rejection(undoDecision(moderator, [{ id: pending, status: 'approved' }], now))).toMatch(/log unavailable/);
      });
      expect([await statusOf(pending), await statusOf(reported), await statusOf(trashed)]).toEqual(['pending', 'approved', 'trash']);
      expect(await openReportsOf(reported)).toEqual([{ dismissedAt: null }]);
      expect(await database.select({ previous: comments.previousStatus }).from(comments).where(inArray(comments.id, [pending, reported, trashed]))).toEqual([
        { previous: null },
        { previous: null },
        { previous: null },
      ]);
      expect(await logged()).toEqual([]);
    });
  });

  describe('undoDecision', () => {
    it('puts each comment back to the status it was found in, and logs it', async () => {
      const [a, b] = [await addComment('pending'), await addComment('approved')];
      const { changes } = await decideComments(moderator, 'trash', [a, b], now);
      await database.delete(moderationLog);
      const undone = await undoDecision(moderator, changes.map((change) => ({ id: change.id, status: change.from })), now);
      expect(undone.map((change) => [change.id, change.from, change.to])).toEqual([
        [a, 'trash', 'pending'],
        [b, 'trash', 'approved'],
      ]);
      expect([await statusOf(a), await statusOf(b)]).toEqual(['pending', 'approved']);
      expect((await logged()).map((row) => row.action)).toEqual(['comment.undo', 'comment.undo']);
      expect(await undoDecision(moderator, [{ id: a, status: 'pending' }], now)).toEqual([]);
    });
  });

  describe('the queues', () => {
    it('counts each queue, pages pending oldest first and the rest newest first, with what only the desk may see', async () => {
      const [old, young] = [await addComment('pending', { ip: '192.0.2.7' }), await addComment('pending')];
      const approved = await addComment('approved', { authorEmail: 'ada@example.com' });
      const later = await addComment('pending', { authorEmail: 'ada@example.com', parentId: approved });
      await addComment('spam');
      expect(await countQueues()).toEqual({ pending: 3, approved: 1, spam: 1, trash: 0, reported: 0 });
      const pending = await listQueue({ queue: 'pending', page: 1 });
      expect(pending.rows.map((row) => row.id)).toEqual([old, young, later]);
      expect(pending).toMatchObject({ total: 3, pageCount: 1 });
      expect(pending.rows[0]).toMatchObject({ authorEmail: 'ada@example.com', ip: '192.0.2.7', isStaff: false, articleId, articleHeadline: 'A story', sectionSlug: 'news' });
      // One approved comment from this email before the later one, none before the first.
      expect(pending.rows.map((row) => row.earlierApproved)).toEqual([0, 0, 1]);
      expect(pending.rows[2]).toMatchObject({ parentId: approved, parentAuthor: 'Ada' });
      expect((await listQueue({ queue: 'pending', articleId: articleId + 1000, page: 1 })).rows).toEqual([]);
      expect(await idsInStatus('spam')).toHaveLength(1);
      expect(await listCommentedArticles()).toEqual([{ id: articleId, headline: 'A story' }]);
    });

    it('searches body, name and email whatever their case, the address by its start, and takes % and _ literally', async () => {
      const body = await addComment('spam', { body: 'Cheap CASINO chips' });
      const name = await addComment('spam', { authorName: 'CasinoBot' });
      const email = await addComment('spam', { authorEmail: 'win@Casino.example' });
      const ip = await addComment('spam', { ip: '203.0.113.5' });
      await addComment('spam', { body: '100% sure' });
      const search = async (text: string) => (await listQueue({ queue: 'spam', search: text, page: 1 })).rows.map((row) => row.id).sort((a, b) => a - b);
      expect(await search('casino')).toEqual([body, name, email]);
      expect(await search('CaSiNo')).toEqual([body, name, email]);
      expect(await search('203.0.113')).toEqual([ip]);
      expect(await search('0.113')).toEqual([]);
      expect(await search('0%')).toHaveLength(1);
      expect(await search('_')).toEqual([]);
      expect((await listQueue({ queue: 'spam', search: 'casino', page: 1 })).total).toBe(3);
    });
  });

  describe('the desk', () => {
    it('finds, edits and replies to a comment', async () => {
      const id = await addComment('approved');
      expect(await findCommentForDesk(id)).toMatchObject({ id, articleId, status: 'approved', articleSlug: 'story', sectionSlug: 'news' });
      expect(await findCommentForDesk(424242)).toBeNull();
      const edited = new Date(now.getTime() + 60_000);
      expect(await updateCommentBody(id, 'Edited.', edited)).toEqual({ articleId });
      expect(await updateCommentBody(424242, 'Edited.', edited)).toBeNull();
      const reply = await insertStaffReply({ articleId, parentId: id, staff: { ...moderator, email: 'mo@example.com' }, body: 'Thanks.', now });
      const rows = await listQueue({ queue: 'approved', page: 1 });
      expect(rows.rows.find((row) => row.id === id)).toMatchObject({ body: 'Edited.', editedAt: edited, isStaff: false });
      expect(rows.rows.find((row) => row.id === reply)).toMatchObject({ body: 'Thanks.', isStaff: true, parentId: id, authorName: 'Mo Derator' });
    });
  });
}
