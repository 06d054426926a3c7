/**
 * db/bans.ts's cases, for both engines: db/bans.test.ts runs them on SQLite, db/bans.pg.test.ts on
 * PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ban } from '@/lib/bans';
import type { CommentStatus } from '@/lib/comment-status';
import type { Db } from '../../db/client';
import { bansInForce, createBan, findBan, findCommenter, liftBan, listBans, updateBan } from '../../db/bans';
import { undoDecision } from '../../db/moderation';
import { commentBans, comments, moderationLog, users } from '../../db/schema';
import { type EngineHooks, insertStory, rejection, withHook } from './engine';

const now = new Date('2026-11-02T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const ban = (kind: Ban['kind'], value: string, expiresAt: Date | null = null): Ban => ({ kind, value, reason: 'Abuse', expiresAt });

export function banCases(database: Db, hooks: () => EngineHooks) {
  let articleId = 0;
  let moderator = { id: 0, name: '' };

  beforeEach(async () => {
    await database.delete(moderationLog);
    await database.delete(commentBans);
    await database.delete(comments);
    if (articleId) return;
    articleId = await insertStory(database, now);
    const [row] = await database.insert(users).values({ email: 'mo@example.com', name: 'Mo Derator', passwordHash: 'x' }).returning({ id: users.id, name: users.name });
    moderator = row!;
  });

  let made = 0;
  async function addComment(email: string, values: Partial<typeof comments.$inferInsert> = {}) {
    made += 1;
    const [row] = await database
      .insert(comments)
      .values({ articleId, authorName: 'Troll', authorEmail: email, body: `Comment ${made}`, status: 'approved', ip: '198.51.100.7', createdAt: new Date(now.getTime() - made * 1000), ...values })
      .returning({ id: comments.id });
    return row!.id;
  }
  const statusOf = async (id: number): Promise<CommentStatus | undefined> => (await database.select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;
  const logged = () => database.select({ action: moderationLog.action, targetType: moderationLog.targetType, targetId: moderationLog.targetId, before: moderationLog.before, after: moderationLog.after }).from(moderationLog).orderBy(asc(moderationLog.id));

  describe('createBan', () => {
    it('stores the ban with who made it, and logs it', async () => {
      const result = await createBan(moderator, ban('domain', 'spam.example', new Date(now.getTime() + HOUR)), { holdApproved: false }, now);
      expect(result.kind).toBe('created');
      const id = result.kind === 'created' ? result.id : 0;
      expect(await findBan(id)).toEqual({ id, kind: 'domain', value: 'spam.example', reason: 'Abuse', expiresAt: new Date(now.getTime() + HOUR), createdByName: 'Mo Derator', createdAt: now, updatedAt: now });
      expect(await logged()).toEqual([
        { action: 'ban.create', targetType: 'ban', targetId: id, before: null, after: { kind: 'domain', value: 'spam.example', reason: 'Abuse', expiresAt: new Date(now.getTime() + HOUR).toISOString(), heldComments: 0 } },
      ]);
    });

    it('refuses a second ban of the same kind and value, naming the first', async () => {
      const first = await createBan(moderator, ban('email', 'troll@example.com'), { holdApproved: false }, now);
      const second = await createBan(moderator, ban('email', 'troll@example.com', new Date(now.getTime() + HOUR)), { holdApproved: true }, now);
      expect(second).toEqual({ kind: 'exists', id: first.kind === 'created' ? first.id : -1 });
      expect(await listBans()).toHaveLength(1);
    });

    it('sends the approved comments the ban names back to Pending when asked, logged, and Undo puts them back', async () => {
      const named = [await addComment('troll@spam.example'), await addComment('Other@Mail.Spam.Example')];
      const spared = [
        await addComment('troll@notspam.example'),
        await addComment('staff@spam.example', { userId: moderator.id }),
        await addComment('held@spam.example', { status: 'pending' }),
      ];
      const result = await createBan(moderator, ban('domain', 'spam.example'), { holdApproved: true }, now);
      if (result.kind !== 'created') throw new Error('not created');
      expect(result.changes).toEqual(named.sort((a, b) => a - b).map((id) => ({ id, articleId, from: 'approved', to: 'pending' })));
      expect(await Promise.all(named.map(statusOf))).toEqual(['pending', 'pending']);
      expect(await Promise.all(spared.map(statusOf))).toEqual(['approved', 'approved', 'pending']);
      const log = await logged();
      expect(log[0]).toMatchObject({ action: 'ban.create', after: { heldComments: 2 } });
      expect(log.slice(1)).toEqual(named.map((id) => ({ action: 'comment.ban-hold', targetType: 'comment', targetId: id, before: { status: 'approved' }, after: { status: 'pending' } })));

      await undoDecision(moderator, result.changes.map((change) => ({ id: change.id, status: change.from })), now);
      expect(await Promise.all(named.map(statusOf))).toEqual(['approved', 'approved']);
      expect(await bansInForce(now)).toHaveLength(1);
    });

    it('holds by email whatever the +tag and case, and by an IP range only inside it', async () => {
      const byEmail = [await addComment('troll@example.com'), await addComment('Troll+news@Example.com')];
      const otherEmail = await addComment('trolls@example.com');
      const inRange = await addComment('a@example.org', { ip: '203.0.113.200' });
      const outOfRange = await addComment('b@example.org', { ip: '203.0.114.1' });
      const email = await createBan(moderator, ban('email', 'troll@example.com'), { holdApproved: true }, now);
      const range = await createBan(moderator, ban('ip', '203.0.113.0/24'), { holdApproved: true }, now);
      expect(email.kind === 'created' && email.changes.map((c) => c.id)).toEqual(byEmail.sort((a, b) => a - b));
      expect(range.kind === 'created' && range.changes.map((c) => c.id)).toEqual([inRange]);
      expect([await statusOf(otherEmail), await statusOf(outOfRange)]).toEqual(['approved', 'approved']);
    });

    it('leaves nothing behind when its log cannot be written', async () => {
      const comment = await addComment('troll@spam.example');
      await withHook(hooks().failInserts('moderation_log', 'log unavailable'), async () => {
        expect(await rejection(createBan(moderator, ban('domain', 'spam.example'), { holdApproved: true }, now))).toMatch(/log unavailable/);
      });
      expect(await listBans()).toEqual([]);
      expect(await statusOf(comment)).toBe('approved');
    });
  });

  it('bansInForce leaves out the bans that have ended', async () => {
    await createBan(moderator, ban('email', 'ended@example.com', now), { holdApproved: false }, now);
    await createBan(moderator, ban('email', 'later@example.com', new Date(now.getTime() + HOUR)), { holdApproved: false }, now);
    await createBan(moderator, ban('email', 'never@example.com'), { holdApproved: false }, now);
    const inForce = await bansInForce(now);
    expect(inForce.map((row) => row.value)).toEqual(['later@example.com', 'never@example.com']);
    expect(inForce.map((row) => row.expiresAt)).toEqual([new Date(now.getTime() + HOUR), null]);
    expect(inForce[0]!.createdAt).toEqual(now);
    expect((await bansInForce(new Date(now.getTime() + HOUR))).map((row) => row.value)).toEqual(['never@example.com']);
  });

  it('updateBan changes a ban and logs before and after; refuses a clash and a lifted ban', async () => {
    const a = await createBan(moderator, ban('email', 'a@example.com'), { holdApproved: false }, now);
    await createBan(moderator, ban('email', 'b@example.com'), { holdApproved: false }, now);
    const id = a.kind === 'created' ? a.id : 0;
    const later = new Date(now.getTime() + HOUR);
    expect(await updateBan(moderator, id, { ...ban('domain', 'example.net', later), reason: 'Spam' }, later)).toEqual({ kind: 'saved' });
    expect(await findBan(id)).toMatchObject({ kind: 'domain', value: 'example.net', reason: 'Spam', expiresAt: later, createdAt: now, updatedAt: later });
    expect((await logged()).at(-1)).toEqual({
      action: 'ban.update',
      targetType: 'ban',
      targetId: id,
      before: { kind: 'email', value: 'a@example.com', reason: 'Abuse', expiresAt: null },
      after: { kind: 'domain', value: 'example.net', reason: 'Spam', expiresAt: later.toISOString() },
    });
    expect(await updateBan(moderator, id, ban('email', 'b@example.com'), now)).toMatchObject({ kind: 'exists' });
    await liftBan(moderator, id, now);
    expect(await updateBan(moderator, id, ban('email', 'c@example.com'), now)).toEqual({ kind: 'not-found' });
  });

  it('liftBan deletes the ban, logs what it was, and leaves the comments it held alone', async () => {
    const held = await addComment('troll@spam.example');
    const made = await createBan(moderator, ban('domain', 'spam.example'), { holdApproved: true }, now);
    const id = made.kind === 'created' ? made.id : 0;
    expect(await liftBan(moderator, id, now)).toMatchObject({ id, kind: 'domain', value: 'spam.example' });
    expect(await liftBan(moderator, id, now)).toBeNull();
    expect(await listBans()).toEqual([]);
    expect(await statusOf(held)).toBe('pending');
    expect((await logged()).at(-1)).toEqual({ action: 'ban.lift', targetType: 'ban', targetId: id, before: { kind: 'domain', value: 'spam.example', reason: 'Abuse', expiresAt: null }, after: null });
  });

  it('findCommenter gives what the ban form offers, and null for no comment', async () => {
    const id = await addComment('troll@spam.example', { ip: '2001:db8::1' });
    expect(await findCommenter(id)).toEqual({ id, authorName: 'Troll', authorEmail: 'troll@spam.example', ip: '2001:db8::1' });
    expect(await findCommenter(id + 1000)).toBeNull();
  });
}
