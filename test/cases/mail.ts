/**
 * db/mail.ts's cases, for both engines: db/mail.test.ts runs them on SQLite, db/mail.pg.test.ts on
 * PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client';
import {
  allowMailAgain,
  claimLetters,
  confirmAddress,
  expandFanOuts,
  findAddressByToken,
  type Letter,
  letterContent,
  listOutboxProblems,
  markFailed,
  markSent,
  MAX_ATTEMPTS,
  outboxCounts,
  queueApprovedInTransaction,
  queueStaffNoticeInTransaction,
  retryLetter,
  type Subscription,
  subscribeInTransaction,
  unsubscribe,
  unsubscribeAll,
} from '../../db/mail';
import { comments, mailAddresses, mailOutbox, mailSubscriptions, users } from '../../db/schema';
import { transact } from '../../db/transact';
import { type EngineHooks, insertStory, withSlowWrites } from './engine';

const now = new Date('2026-11-02T10:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const later = (ms: number) => new Date(now.getTime() + ms);

export function mailCases(database: Db, hooks: () => EngineHooks) {
  let articleId = 0;

  beforeAll(() => {
    vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  beforeEach(async () => {
    await database.delete(mailOutbox);
    await database.delete(mailSubscriptions);
    await database.delete(mailAddresses);
    await database.delete(comments);
    await database.delete(users);
    articleId ||= await insertStory(database, now);
  });

  let made = 0;
  async function addComment(email: string, values: Partial<typeof comments.$inferInsert> = {}) {
    made += 1;
    const [row] = await database
      .insert(comments)
      .values({ articleId, authorName: `Reader ${made}`, authorEmail: email, body: `Comment ${made}`, status: 'approved', createdAt: later(made * 1000), ...values })
      .returning({ id: comments.id });
    return row!.id;
  }
  const subscribe = (s: Partial<Subscription> & { email: string }, at = now) =>
    transact(database, (tx) => subscribeInTransaction(tx, { articleId, commentId: null, replies: false, story: true, confirm: true, ...s }, at));
  const approve = (ids: number[], at = now) => transact(database, (tx) => queueApprovedInTransaction(tx, ids, at));
  /** An address that has confirmed, subscribed as asked. */
  async function reader(email: string, s: Partial<Subscription> = {}) {
    const result = await subscribe({ email, ...s });
    await database.update(mailAddresses).set({ confirmedAt: now }).where(eq(mailAddresses.id, result!.addressId));
    return result!.addressId;
  }
  const letters = () =>
    database
      .select({ kind: mailOutbox.kind, recipient: mailOutbox.recipient, status: mailOutbox.status, dedupeKey: mailOutbox.dedupeKey })
      .from(mailOutbox)
      .where(inArray(mailOutbox.kind, ['confirm', 'reply', 'story', 'held', 'reported']))
      .orderBy(asc(mailOutbox.id));
  const tokenOf = async (email: string) => (await database.select({ token: mailAddresses.token }).from(mailAddresses).where(eq(mailAddresses.email, email)))[0]!.token;

  describe('double opt-in', () => {
    it('queues one confirmation for a new address (lower-cased), stores the subscriptions, and no other letter', async () => {
      const commentId = await addComment('Ada@Example.com');
      const result = await subscribe({ email: ' Ada@Example.COM', commentId, replies: true, story: true });
      expect(result).toMatchObject({ status: 'unconfirmed', confirmationQueued: true });
      expect(await letters()).toEqual([{ kind: 'confirm', recipient: 'ada@example.com', status: 'queued', dedupeKey: `confirm:${result!.addressId}:2026-11-02` }]);
      const stored = await database.select({ commentId: mailSubscriptions.commentId }).from(mailSubscriptions).orderBy(asc(mailSubscriptions.id));
      expect(stored).toEqual([{ commentId }, { commentId: null }]);
      const [address] = await database.select().from(mailAddresses);
      expect(address).toMatchObject({ email: 'ada@example.com', confirmedAt: null, confirmationSentAt: now, blockedAt: null });
      expect(address!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

      // Its own approved comment, and another's, send it nothing while it is unconfirmed.
      await approve([commentId, await addComment('bob@example.com')]);
      await expandFanOuts(database, now);
      expect((await letters()).map((letter) => letter.kind)).toEqual(['confirm']);
    });

    it('sends at most one confirmation a day, and none to a confirmed address', async () => {
      await subscribe({ email: 'ada@example.com' });
      expect(await subscribe({ email: 'ada@example.com', commentId: await addComment('ada@example.com'), replies: true }, later(23 * HOUR))).toMatchObject({ confirmationQueued: false });
      expect(await letters()).toHaveLength(1);
      expect(await subscribe({ email: 'ada@example.com' }, later(25 * HOUR))).toMatchObject({ confirmationQueued: true });
      expect(await letters()).toHaveLength(2);
      await reader('bob@example.com');
      expect(await subscribe({ email: 'bob@example.com' }, later(3 * 24 * HOUR))).toMatchObject({ status: 'confirmed', confirmationQueued: false });
      expect((await letters()).map((letter) => letter.recipient)).toEqual(['ada@example.com', 'ada@example.com', 'bob@example.com']);
    });

    it('sends no confirmation for a comment taken for spam (the caller says confirm: false)', async () => {
      const result = await subscribe({ email: 'spammer@example.com', confirm: false });
      expect(result).toMatchObject({ status: 'unconfirmed', confirmationQueued: false });
      expect(await letters()).toEqual([]);
    });

    it('records nothing at all for a blocked address', async () => {
      await subscribe({ email: 'ada@example.com' });
      expect(await unsubscribeAll(await tokenOf('ada@example.com'), now, { block: true })).toBe(true);
      expect(await letters()).toEqual([{ kind: 'confirm', recipient: 'ada@example.com', status: 'skipped', dedupeKey: expect.any(String) }]);
      expect(await subscribe({ email: 'ADA@example.com' }, later(2 * 24 * HOUR))).toMatchObject({ status: 'blocked', confirmationQueued: false });
      expect(await database.select().from(mailSubscriptions)).toEqual([]);
      expect(await letters()).toHaveLength(1);
    });

    it('takes mail again once the address allows it by its token, asking for confirmation first as for any new address', async () => {
      await subscribe({ email: 'ada@example.com' });
      const token = await tokenOf('ada@example.com');
      await unsubscribeAll(token, now, { block: true });
      expect(await allowMailAgain('no-such-token')).toBe(false);
      expect(await findAddressByToken(token)).toMatchObject({ blockedAt: expect.any(Date) });
      expect(await allowMailAgain(token)).toBe(true);
      expect(await findAddressByToken(token)).toMatchObject({ blockedAt: null, confirmedAt: null, subscriptions: [] });
      expect(await subscribe({ email: 'ada@example.com' }, later(2 * 24 * HOUR))).toMatchObject({ status: 'unconfirmed', confirmationQueued: true });
      expect(await letters()).toHaveLength(2);
    });

    it('queues nothing when mail is off', async () => {
      vi.stubEnv('SMTP_URL', '');
      try {
        expect(await subscribe({ email: 'ada@example.com' })).toBeNull();
        await approve([await addComment('bob@example.com')]);
        await transact(database, (tx) => queueStaffNoticeInTransaction(tx, 'held', made, now));
        expect(await database.select().from(mailOutbox)).toEqual([]);
        expect(await database.select().from(mailAddresses)).toEqual([]);
      } finally {
        vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
      }
    });

    it('confirms by token; the confirmation letter is skipped once the address is confirmed', async () => {
      await subscribe({ email: 'ada@example.com' });
      const [letter] = await claimLetters(database, now);
      expect(await confirmAddress('no-such-token', now)).toBe(false);
      expect(await confirmAddress(await tokenOf('ada@example.com'), later(MINUTE))).toBe(true);
      expect(await confirmAddress(await tokenOf('ada@example.com'), later(2 * MINUTE))).toBe(true);
      expect((await database.select({ confirmedAt: mailAddresses.confirmedAt }).from(mailAddresses))[0]!.confirmedAt).toEqual(later(MINUTE));
      expect(await letterContent(database, letter!)).toBeNull();
    });
  });

  describe('fan-out', () => {
    it('writes one letter per address: replies to the parent’s subscriber, the story’s subscribers, never the author, nobody unconfirmed or blocked', async () => {
      const parent = await addComment('ada@example.com');
      await reader('ada@example.com', { commentId: parent, replies: true, story: true });
      await reader('bob@example.com');
      await reader('eve@example.com');
      await subscribe({ email: 'carol@example.com' }); // never confirmed
      await reader('dave@example.com');
      await database.update(mailAddresses).set({ blockedAt: now }).where(eq(mailAddresses.email, 'dave@example.com'));
      await database.delete(mailOutbox);

      const reply = await addComment('Eve@Example.com', { parentId: parent });
      await approve([reply]);
      expect(await letters()).toEqual([]);
      expect(await expandFanOuts(database, now)).toBe(2);
      expect(await letters()).toEqual([
        { kind: 'reply', recipient: 'ada@example.com', status: 'queued', dedupeKey: expect.stringMatching(new RegExp(`^comment:${reply}:`)) },
        { kind: 'story', recipient: 'bob@example.com', status: 'queued', dedupeKey: expect.stringMatching(new RegExp(`^comment:${reply}:`)) },
      ]);
      const [fanOut] = await database.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.kind, 'approved'));
      expect(fanOut!.status).toBe('sent');
    });

    it('announces a comment approved, trashed and approved again once', async () => {
      await reader('bob@example.com');
      const id = await addComment('ada@example.com');
      await approve([id]);
      await expandFanOuts(database, now);
      await database.update(comments).set({ status: 'trash' }).where(eq(comments.id, id));
      await database.update(comments).set({ status: 'approved' }).where(eq(comments.id, id));
      await approve([id], later(HOUR));
      expect(await expandFanOuts(database, later(HOUR))).toBe(0);
      expect(await letters()).toHaveLength(2); // bob's confirmation (queued before he confirmed) and one story letter
      expect(await database.select().from(mailOutbox).where(eq(mailOutbox.kind, 'approved'))).toHaveLength(1);
    });

    it('skips a fan-out whose comment is no longer approved, and a letter whose comment is no longer approved when it is sent', async () => {
      await reader('bob@example.com');
      await database.delete(mailOutbox);
      const gone = await addComment('ada@example.com');
      await approve([gone]);
      await database.update(comments).set({ status: 'pending' }).where(eq(comments.id, gone));
      expect(await expandFanOuts(database, now)).toBe(0);
      expect(await database.select({ status: mailOutbox.status }).from(mailOutbox)).toEqual([{ status: 'skipped' }]);

      const withdrawn = await addComment('carol@example.com');
      await approve([withdrawn]);
      await expandFanOuts(database, now);
      const [letter] = await claimLetters(database, now);
      expect(await letterContent(database, letter!)).toMatchObject({ kind: 'story', to: 'bob@example.com', commentId: withdrawn, permalinkPath: `/comments/${withdrawn}`, storyPath: '/news/story', headline: 'A story' });
      await database.update(comments).set({ status: 'spam' }).where(eq(comments.id, withdrawn));
      expect(await letterContent(database, letter!)).toBeNull();
    });

    it('tells every active moderating member of staff of a held comment, once, each with a confirmed address', async () => {
      await database.insert(users).values([
        { email: 'Admin@Example.com', name: 'Admin', passwordHash: 'x', role: 'admin' },
        { email: 'mod@example.com', name: 'Mod', passwordHash: 'x', role: 'moderator' },
        { email: 'writer@example.com', name: 'Writer', passwordHash: 'x', role: 'author' },
        { email: 'gone@example.com', name: 'Gone', passwordHash: 'x', role: 'editor', disabled: true },
      ]);
      const held = await addComment('troll@example.com', { status: 'pending' });
      await transact(database, (tx) => queueStaffNoticeInTransaction(tx, 'held', held, now));
      await transact(database, (tx) => queueStaffNoticeInTransaction(tx, 'held', held, later(MINUTE)));
      expect(await expandFanOuts(database, later(MINUTE))).toBe(2);
      expect((await letters()).map(({ kind, recipient }) => `${kind} ${recipient}`)).toEqual(['held admin@example.com', 'held mod@example.com']);
      const addresses = await database.select({ email: mailAddresses.email, confirmedAt: mailAddresses.confirmedAt }).from(mailAddresses).orderBy(asc(mailAddresses.email));
      expect(addresses).toEqual([
        { email: 'admin@example.com', confirmedAt: later(MINUTE) },
        { email: 'mod@example.com', confirmedAt: later(MINUTE) },
      ]);
      const [letter] = await claimLetters(database, later(MINUTE), 1);
      expect(await letterContent(database, letter!)).toMatchObject({ kind: 'held', commentId: held, authorName: expect.any(String) });
      await database.update(comments).set({ status: 'approved' }).where(eq(comments.id, held));
      expect(await letterContent(database, letter!)).toBeNull();
    });

    it('expands a comment on a story with 5,000 subscribers in the background pass, not in the approving transaction', async () => {
      const addresses = Array.from({ length: 5000 }, (_, i) => ({ email: `reader${i}@example.com`, token: `token-${i}`, confirmedAt: now, createdAt: now }));
      for (let i = 0; i < addresses.length; i += 500) await database.insert(mailAddresses).values(addresses.slice(i, i + 500));
      const ids = (await database.select({ id: mailAddresses.id }).from(mailAddresses)).map((row) => row.id);
      for (let i = 0; i < ids.length; i += 500) {
        await database.insert(mailSubscriptions).values(ids.slice(i, i + 500).map((addressId) => ({ addressId, articleId, commentId: null, createdAt: now })));
      }
      const id = await addComment('reader7@example.com');

      let started = performance.now();
      await approve([id]);
      const approving = performance.now() - started;
      expect(await database.select().from(mailOutbox)).toHaveLength(1);

      started = performance.now();
      expect(await expandFanOuts(database, now)).toBe(4999);
      const expanding = performance.now() - started;
      console.log(`[mail timing, ${hooks().name}] queueApprovedInTransaction: ${approving.toFixed(1)} ms; expandFanOuts of 4,999 letters: ${expanding.toFixed(0)} ms`);
      expect(await letters()).toHaveLength(4999);
      expect(expanding).toBeLessThan(10_000);
    }, 60_000);
  });

  describe('claiming and sending', () => {
    async function queueLetters(n: number, prefix = 'test') {
      if (prefix === 'test') {
        await reader('ada@example.com');
        await database.delete(mailOutbox);
      }
      const [address] = await database.select({ id: mailAddresses.id }).from(mailAddresses);
      await database
        .insert(mailOutbox)
        .values(Array.from({ length: n }, (_, i) => ({ kind: 'confirm' as const, dedupeKey: `${prefix}:${i}`, addressId: address!.id, recipient: 'ada@example.com', nextAttemptAt: now, createdAt: now })));
    }

    it('takes due letters once, leased; a lease that runs out is taken again', async () => {
      await queueLetters(3);
      const first = await claimLetters(database, now, 2, MINUTE);
      expect(first.map((letter) => letter.attempts)).toEqual([1, 1]);
      const second = await claimLetters(database, now, 2, MINUTE);
      expect(second).toHaveLength(1);
      expect(await claimLetters(database, later(30_000))).toEqual([]);
      const again = await claimLetters(database, later(MINUTE + 1));
      expect(again.map((letter) => letter.id)).toEqual([...first, ...second].map((letter) => letter.id).sort((a, b) => a - b));
      expect(again.map((letter) => letter.attempts)).toEqual([2, 2, 2]);
      await markSent(database, again[0]!.id, '<x@example.com>', now);
      expect(await claimLetters(database, later(10 * MINUTE))).toHaveLength(2);
    });

    it('never gives two claimers running at once the same letter', async () => {
      await queueLetters(40);
      const claimed = await withSlowWrites(hooks(), 'mail_outbox', () => Promise.all(Array.from({ length: 6 }, () => claimLetters(database, now, 10))));
      const ids = claimed.flat().map((letter: Letter) => letter.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(40);
    }, 30_000);

    it('backs off after each failure, fails for good after the last attempt or at once when permanent, and keeps the error', async () => {
      await queueLetters(1);
      const [letter] = await claimLetters(database, now);
      const delays: number[] = [];
      let at = now;
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
        expect(await markFailed(database, letter!.id, `451 try later (${attempt})`, at, { permanent: false })).toBe('queued');
        const [row] = await database.select({ nextAttemptAt: mailOutbox.nextAttemptAt, status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, letter!.id));
        delays.push(row!.nextAttemptAt.getTime() - at.getTime());
        expect(await claimLetters(database, new Date(row!.nextAttemptAt.getTime() - 1))).toEqual([]);
        at = row!.nextAttemptAt;
        expect((await claimLetters(database, at)).map((claimed) => claimed.id)).toEqual([letter!.id]);
      }
      expect(delays).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR]);
      expect(await markFailed(database, letter!.id, '451 try later (6)', at, { permanent: false })).toBe('failed');
      await queueLetters(1, 'other');
      const [other] = await claimLetters(database, now);
      expect(await markFailed(database, other!.id, '550 no such mailbox', now, { permanent: true })).toBe('failed');
      const failed = await database.select({ id: mailOutbox.id, status: mailOutbox.status, lastError: mailOutbox.lastError, attempts: mailOutbox.attempts }).from(mailOutbox).orderBy(asc(mailOutbox.id));
      expect(failed).toEqual([
        { id: letter!.id, status: 'failed', lastError: '451 try later (6)', attempts: 6 },
        { id: other!.id, status: 'failed', lastError: '550 no such mailbox', attempts: 1 },
      ]);
      expect(await claimLetters(database, later(48 * HOUR))).toEqual([]);
      expect(await outboxCounts(now)).toEqual({ queued: 0, failed: 2, sentToday: 0 });
      expect((await listOutboxProblems({ page: 1 })).map((row) => row.id)).toEqual([other!.id, letter!.id]);

      expect(await retryLetter(other!.id, later(HOUR))).toBe(true);
      expect(await retryLetter(other!.id, later(HOUR))).toBe(false);
      const [retried] = await claimLetters(database, later(HOUR));
      expect(retried).toMatchObject({ id: other!.id, attempts: 1 });
      await markSent(database, retried!.id, '<id@example.com>', later(HOUR));
      expect(await outboxCounts(later(2 * HOUR))).toEqual({ queued: 0, failed: 1, sentToday: 1 });
    });
  });

  describe('managing subscriptions by token', () => {
    it('lists the token’s subscriptions, and unsubscribes only the token’s own', async () => {
      const adaComment = await addComment('ada@example.com', { body: 'My   first\ncomment' });
      await reader('ada@example.com', { commentId: adaComment, replies: true, story: true });
      await reader('bob@example.com', { commentId: await addComment('bob@example.com'), replies: true, story: false });
      const ada = await findAddressByToken(await tokenOf('ada@example.com'));
      expect(ada).toMatchObject({ email: 'ada@example.com', confirmedAt: now, blockedAt: null });
      expect(ada!.subscriptions.map(({ commentId, headline, path, commentExcerpt }) => ({ commentId, headline, path, commentExcerpt })).sort((a, b) => Number(a.commentId) - Number(b.commentId))).toEqual([
        { commentId: null, headline: 'A story', path: '/news/story', commentExcerpt: null },
        { commentId: adaComment, headline: 'A story', path: '/news/story', commentExcerpt: 'My first comment' },
      ]);
      const bob = await findAddressByToken(await tokenOf('bob@example.com'));
      expect(await findAddressByToken('no-such-token')).toBeNull();

      expect(await unsubscribe(await tokenOf('ada@example.com'), bob!.subscriptions[0]!.id, now)).toBe(false);
      expect((await findAddressByToken(await tokenOf('bob@example.com')))!.subscriptions).toHaveLength(1);
      expect(await unsubscribe(await tokenOf('ada@example.com'), ada!.subscriptions[0]!.id, now)).toBe(true);
      expect((await findAddressByToken(await tokenOf('ada@example.com')))!.subscriptions).toHaveLength(1);

      expect(await unsubscribeAll(await tokenOf('ada@example.com'), now, { block: false })).toBe(true);
      expect(await findAddressByToken(await tokenOf('ada@example.com'))).toMatchObject({ subscriptions: [], blockedAt: null });
      expect((await findAddressByToken(await tokenOf('bob@example.com')))!.subscriptions).toHaveLength(1);
      expect(await unsubscribeAll('no-such-token', now, { block: true })).toBe(false);
    });

    it('skips a letter whose subscription was ended before it was sent', async () => {
      await reader('bob@example.com');
      await database.delete(mailOutbox);
      await approve([await addComment('ada@example.com')]);
      await expandFanOuts(database, now);
      const [letter] = await claimLetters(database, now);
      const bob = await findAddressByToken(await tokenOf('bob@example.com'));
      expect(await letterContent(database, letter!)).toMatchObject({ subscriptionId: bob!.subscriptions[0]!.id });
      await unsubscribe(await tokenOf('bob@example.com'), bob!.subscriptions[0]!.id, now);
      expect(await letterContent(database, letter!)).toBeNull();
    });
  });
}
