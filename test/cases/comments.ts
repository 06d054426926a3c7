/**
 * db/comments.ts's cases, for both engines: db/comments.test.ts runs them on SQLite,
 * db/comments.pg.test.ts on PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Decision } from '@/lib/comment-rules';
import type { Db } from '../../db/client';
import { approvedCommentsQuery, filterPendingIds, findApprovedParent, findOwnComment, insertComment, listOwnPendingComments, reviseOwnComment } from '../../db/comments';
import { comments, mailAddresses, mailOutbox, mailSubscriptions, moderationLog } from '../../db/schema';
import { type EngineHooks, insertStory, withSlowWrites } from './engine';

export const now = new Date('2025-02-12T21:40:00Z');

const fields = (overrides: Partial<Record<'name' | 'email' | 'body' | 'ip', string>> = {}) => ({
  name: 'Ada',
  email: 'ada@example.com',
  url: '',
  body: 'A first thought.',
  ip: '192.0.2.1',
  userAgent: 'test',
  ...overrides,
});

const hold: Decision = { status: 'pending', reason: { rule: 'links', count: 3 } };

/** Registers the cases; gives the id of the story they comment on (once the first has run). */
export function commentCases(database: Db, hooks: () => EngineHooks): { articleId: () => number } {
  let articleId = 0;

  beforeEach(async () => {
    await database.delete(comments);
    if (!articleId) articleId = await insertStory(database, now);
  });

  const post = async (overrides: Parameters<typeof fields>[0] = {}, at = now, parentId: number | null = null, flood = 15) =>
    await insertComment({ articleId, parentId, fields: fields(overrides), now: at, floodIntervalSeconds: flood }, () => hold);
  const idOf = (result: Awaited<ReturnType<typeof post>>) => (result.kind === 'created' ? result.id : 0);
  const approve = async (id: number) => {
    await database.update(comments).set({ status: 'approved' }).where(eq(comments.id, id));
  };

  describe('insertComment', () => {
    it('stores every field, the status and reason decided, and the time to the millisecond', async () => {
      const result = await post();
      expect(result).toMatchObject({ kind: 'created', status: 'pending' });
      const [row] = await database.select().from(comments).where(eq(comments.id, idOf(result)));
      expect(row).toMatchObject({
        articleId,
        parentId: null,
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        body: 'A first thought.',
        ip: '192.0.2.1',
        userAgent: 'test',
        status: 'pending',
        heldReason: hold.reason,
      });
      expect(row!.createdAt.getTime()).toBe(now.getTime());
    });

    it('refuses the same words from the same email on the same story and parent', async () => {
      expect((await post()).kind).toBe('created');
      const later = new Date(now.getTime() + 60_000);
      expect((await post({}, later)).kind).toBe('duplicate');
      expect((await post({ body: 'Something else.' }, later)).kind).toBe('created');
    });

    it('takes the same words as a reply elsewhere in the thread as new', async () => {
      const parent = idOf(await post());
      await approve(parent);
      const later = new Date(now.getTime() + 60_000);
      expect((await post({}, later, parent)).kind).toBe('created');
      expect((await post({}, new Date(later.getTime() + 60_000), parent)).kind).toBe('duplicate');
    });

    it('refuses a second comment from the same address or email within the flood interval', async () => {
      expect((await post()).kind).toBe('created');
      const soon = new Date(now.getTime() + 5_000);
      expect((await post({ body: 'Two.', email: 'other@example.com' }, soon)).kind).toBe('flood');
      expect((await post({ body: 'Three.', ip: '192.0.2.99' }, soon)).kind).toBe('flood');
      expect((await post({ body: 'Four.', email: 'other@example.com', ip: '192.0.2.99' }, soon)).kind).toBe('created');
      expect((await post({ body: 'Five.' }, new Date(now.getTime() + 16_000))).kind).toBe('created');
      expect((await post({ body: 'Six.' }, new Date(now.getTime() + 17_000), null, 0)).kind).toBe('created');
    });

    it('tells the rules whether this email already has an approved comment', async () => {
      const seen: boolean[] = [];
      const decide = (approved: boolean): Decision => {
        seen.push(approved);
        return approved ? { status: 'approved', reason: null } : hold;
      };
      const first = await insertComment({ articleId, parentId: null, fields: fields(), now, floodIntervalSeconds: 0 }, decide);
      await approve(idOf(first));
      const second = await insertComment({ articleId, parentId: null, fields: fields({ body: 'Again.' }), now, floodIntervalSeconds: 0 }, decide);
      expect(seen).toEqual([false, true]);
      expect(second).toMatchObject({ kind: 'created', status: 'approved' });
    });

    it('lets exactly one of many concurrent posts from one email and address through the flood interval', async () => {
      const results = await withSlowWrites(hooks(), 'comments', () => Promise.all(Array.from({ length: 10 }, (_, i) => post({ body: `Burst ${i}.` }))));
      expect(results.filter((result) => result.kind === 'created')).toHaveLength(1);
      expect(results.filter((result) => result.kind === 'flood')).toHaveLength(9);
      expect(await database.select({ id: comments.id }).from(comments)).toHaveLength(1);
    });

    it('lets exactly one of many concurrent identical posts through, with no flood interval', async () => {
      const results = await withSlowWrites(hooks(), 'comments', () => Promise.all(Array.from({ length: 10 }, (_, i) => post({ ip: `192.0.2.${10 + i}` }, now, null, 0))));
      expect(results.map((result) => result.kind).sort()).toEqual(['created', ...Array<string>(9).fill('duplicate')]);
    });
  });

  describe('insertComment with mail on (db/mail-posting.ts)', () => {
    const mailPost = (decision: Decision, mail: { replies: boolean; story: boolean; heldNotice: boolean }, overrides: Parameters<typeof fields>[0] = {}) =>
      insertComment({ articleId, parentId: null, fields: fields(overrides), now, floodIntervalSeconds: 0, mail }, () => decision);
    const outbox = () => database.select({ kind: mailOutbox.kind, recipient: mailOutbox.recipient, commentId: mailOutbox.commentId }).from(mailOutbox).orderBy(asc(mailOutbox.id));
    const clear = async () => {
      await database.delete(mailOutbox);
      await database.delete(mailSubscriptions);
      await database.delete(mailAddresses);
    };

    it('writes the subscriptions, the confirmation, the approval notice and the held notice with the comment, and says where the address stands', async () => {
      vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
      try {
        await clear();
        const held = await mailPost(hold, { replies: true, story: true, heldNotice: true }, { email: 'ada@example.com', body: 'Held, with both boxes ticked.' });
        expect(held).toMatchObject({ kind: 'created', status: 'pending', mail: 'unconfirmed' });
        const heldId = idOf(held);
        expect(await database.select({ commentId: mailSubscriptions.commentId }).from(mailSubscriptions).orderBy(asc(mailSubscriptions.id))).toEqual([{ commentId: heldId }, { commentId: null }]);
        expect(await outbox()).toEqual([
          { kind: 'confirm', recipient: 'ada@example.com', commentId: null },
          { kind: 'held-fanout', recipient: null, commentId: heldId },
        ]);

        const approved = await mailPost({ status: 'approved', reason: null }, { replies: false, story: false, heldNotice: true }, { email: 'bea@example.com', body: 'Approved at once.' });
        expect(approved).toMatchObject({ kind: 'created', status: 'approved' });
        expect((approved as { mail?: string }).mail).toBeUndefined();
        expect((await outbox()).at(-1)).toEqual({ kind: 'approved', recipient: null, commentId: idOf(approved) });

        // Spam: what was asked is kept, but no confirmation goes to an address a spammer typed.
        const before = (await outbox()).length;
        const spam = await mailPost({ status: 'spam', reason: { rule: 'disallowed-word', word: 'casino' } }, { replies: true, story: false, heldNotice: true }, { email: 'victim@example.com', body: 'Casino!' });
        expect(spam).toMatchObject({ kind: 'created', status: 'spam', mail: 'unconfirmed' });
        expect(await outbox()).toHaveLength(before);
      } finally {
        vi.unstubAllEnvs();
        await clear();
      }
    });

    it('a refused comment (a duplicate) writes no mail rows of its own', async () => {
      vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
      try {
        await clear();
        await mailPost(hold, { replies: true, story: true, heldNotice: false }, { body: 'Said once.' });
        const again = await mailPost(hold, { replies: true, story: true, heldNotice: false }, { body: 'Said once.' });
        expect(again).toEqual({ kind: 'duplicate' });
        expect(await database.select().from(mailSubscriptions)).toHaveLength(2);
      } finally {
        vi.unstubAllEnvs();
        await clear();
      }
    });
  });

  describe('reading comments', () => {
    it("lists a story's approved comments oldest first, with public columns only", async () => {
      const first = idOf(await post({ body: 'First.' }, now, null, 0));
      const second = idOf(await post({ body: 'Second.', email: 'bo@example.com' }, new Date(now.getTime() + 1000), null, 0));
      await post({ body: 'Held.' }, new Date(now.getTime() + 2000), null, 0);
      await approve(second);
      await approve(first);
      const rows = await approvedCommentsQuery(articleId);
      expect(rows.map((row) => row.body)).toEqual(['First.', 'Second.']);
      expect(rows[0]).toEqual({
        id: first,
        parentId: null,
        authorName: 'Ada',
        authorUrl: '',
        body: 'First.',
        createdAt: now,
        isStaff: false,
        featured: false,
        editedAt: null,
        likeCount: 0,
        wordpressId: null,
      });
      expect(await findApprovedParent(articleId, first)).toEqual({ id: first });
      expect(await findApprovedParent(articleId + 1000, first)).toBeNull();
    });

    it("shows a browser its own pending comments, and says which are still pending", async () => {
      const mine = idOf(await post({ body: 'Mine.' }, now, null, 0));
      const decided = idOf(await post({ body: 'Decided.' }, now, null, 0));
      await post({ body: 'Someone else’s.', email: 'x@example.com' }, now, null, 0);
      await approve(decided);
      const own = await listOwnPendingComments(articleId, [mine, decided]);
      expect(own.map((row) => row.body)).toEqual(['Mine.']);
      expect(own[0]).not.toHaveProperty('authorEmail');
      expect(await listOwnPendingComments(articleId, [])).toEqual([]);
      expect(await filterPendingIds([mine, decided, 999_999])).toEqual([mine]);
      expect(await findApprovedParent(articleId, mine)).toBeNull();
      expect((await database.select({ id: comments.id }).from(comments).orderBy(asc(comments.id))).length).toBe(3);
    });
  });
  describe("reviseOwnComment (a commenter's edit window)", () => {
    const later = new Date(now.getTime() + 60_000);
    const windowOpen = { now: later, postedAfter: new Date(now.getTime() - 1) };
    const approveAll = (): Decision => ({ status: 'approved', reason: null });
    const stored = async (id: number) => (await database.select().from(comments).where(eq(comments.id, id)))[0]!;
    const logOf = (id: number) =>
      database.select({ action: moderationLog.action, actorName: moderationLog.actorName, before: moderationLog.before, after: moderationLog.after }).from(moderationLog).where(eq(moderationLog.targetId, id));

    it('changes the text, marks it edited and logs it with the commenter named; the rules decide its status again', async () => {
      const id = idOf(await post({ body: 'Teh first version.' }));
      await approve(id);
      const seen: unknown[] = [];
      const result = await reviseOwnComment(id, 'The first version.', {
        ...windowOpen,
        decide: (comment, hasOtherApproved) => {
          seen.push({ body: comment.body, email: comment.email, ip: comment.ip, hasOtherApproved });
          return hold;
        },
      });
      expect(result).toEqual({ kind: 'revised', articleId, from: 'approved', to: 'pending' });
      expect(seen).toEqual([{ body: 'The first version.', email: 'ada@example.com', ip: '192.0.2.1', hasOtherApproved: false }]);
      expect(await stored(id)).toMatchObject({ body: 'The first version.', editedAt: later, status: 'pending', previousStatus: 'approved', heldReason: hold.reason });
      expect(await logOf(id)).toEqual([
        { action: 'comment.author-edit', actorName: 'Ada (commenter)', before: { body: 'Teh first version.', status: 'approved' }, after: { body: 'The first version.', status: 'pending' } },
      ]);
    });

    it('tells the rules when the email has another approved comment (a trusted commenter)', async () => {
      const earlier = idOf(await post({ body: 'An earlier one.' }, new Date(now.getTime() - 60_000)));
      await approve(earlier);
      const id = idOf(await post({ body: 'Now this.' }));
      let trusted: boolean | undefined;
      await reviseOwnComment(id, 'Now this, edited.', { ...windowOpen, decide: (_comment, hasOtherApproved) => ((trusted = hasOtherApproved), approveAll()) });
      expect(trusted).toBe(true);
      expect((await stored(id)).status).toBe('approved');
    });

    it('deletes to the Trash, logged, where a moderator can still see it', async () => {
      const id = idOf(await post({ body: 'Regretted.' }));
      expect(await reviseOwnComment(id, null, { ...windowOpen, decide: approveAll })).toEqual({ kind: 'revised', articleId, from: 'pending', to: 'trash' });
      expect(await stored(id)).toMatchObject({ body: 'Regretted.', status: 'trash', previousStatus: 'pending' });
      expect((await logOf(id)).map((row) => row.action)).toEqual(['comment.author-delete']);
      expect(await findOwnComment(id)).toBeNull();
    });

    it('refuses once the window has closed, once anyone has replied, and for a comment that is gone, changing nothing', async () => {
      const id = idOf(await post({ body: 'Original.' }));
      expect(await reviseOwnComment(id, 'Too late.', { now: later, postedAfter: now, decide: approveAll })).toEqual({ kind: 'expired' });
      const reply = idOf(await post({ body: 'A reply.', email: 'bo@example.com', ip: '192.0.2.9' }, new Date(now.getTime() + 1000), id));
      expect(await reviseOwnComment(id, 'After a reply.', { ...windowOpen, decide: approveAll })).toEqual({ kind: 'replied' });
      expect(await reviseOwnComment(id, null, { ...windowOpen, decide: approveAll })).toEqual({ kind: 'replied' });
      await database.update(comments).set({ status: 'trash' }).where(eq(comments.id, reply));
      await database.update(comments).set({ status: 'spam' }).where(eq(comments.id, id));
      expect(await reviseOwnComment(id, 'Spam, edited.', { ...windowOpen, decide: approveAll })).toEqual({ kind: 'gone' });
      expect(await stored(id)).toMatchObject({ body: 'Original.', editedAt: null });
      expect(await logOf(id)).toEqual([]);
    });
  });
  return { articleId: () => articleId };
}
