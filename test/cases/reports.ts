/**
 * db/reports.ts's cases, for both engines: db/reports.test.ts runs them on SQLite, db/reports.pg.test.ts
 * on PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORTS_PER_ADDRESS_PER_HOUR } from '@/lib/reports';
import type { Db } from '../../db/client';
import { countReportedComments, dismissOpenReports, insertReport, listReportedComments } from '../../db/reports';
import { commentReports, comments, mailOutbox, moderationLog, settings } from '../../db/schema';
import { transact } from '../../db/transact';
import { type EngineHooks, insertStory, rejection, withHook, withSlowWrites } from './engine';

const now = new Date('2025-02-12T21:40:00Z');

export function reportCases(database: Db, hooks: () => EngineHooks) {
  let articleId = 0;

  beforeEach(async () => {
    await database.delete(moderationLog);
    await database.delete(commentReports);
    await database.delete(comments);
    await database.delete(settings);
    if (articleId) return;
    articleId = await insertStory(database, now);
  });

  const dismissReports = (ids: number[], at: Date) => transact(database, (tx) => dismissOpenReports(tx, ids, at));

  async function addComment(status: 'approved' | 'pending' | 'spam' = 'approved', name = 'Ada') {
    const [row] = await database
      .insert(comments)
      .values({ articleId, authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, body: `Said by ${name}`, status, ip: '192.0.2.1' })
      .returning({ id: comments.id });
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

  const statusOf = async (id: number) => (await database.select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;

  describe('insertReport', () => {
    it('counts reports and sends the comment back to Pending at the threshold', async () => {
      const id = await addComment();
      expect(await report(id, 'a')).toEqual({ kind: 'reported', articleId, weight: 'counts', people: 1, sentBack: false });
      expect(await report(id, 'b')).toEqual({ kind: 'reported', articleId, weight: 'counts', people: 2, sentBack: false });
      expect(await statusOf(id)).toBe('approved');
      expect(await report(id, 'c')).toEqual({ kind: 'reported', articleId, weight: 'counts', people: 3, sentBack: true });
      expect(await statusOf(id)).toBe('pending');
      // In the same write: the log says why, and Restore would know where the comment came from.
      expect(await database.select({ actorName: moderationLog.actorName, action: moderationLog.action, after: moderationLog.after }).from(moderationLog)).toEqual([
        { actorName: 'System', action: 'comment.reported-to-pending', after: { status: 'pending', reports: 3 } },
      ]);
      expect(await database.select({ previous: comments.previousStatus }).from(comments).where(eq(comments.id, id))).toEqual([{ previous: 'approved' }]);
    });

    it('counts fresh browsers from one address as one person, however many', async () => {
      const id = await addComment();
      for (const reporter of ['a', 'b', 'c', 'd', 'e']) {
        expect(await report(id, reporter, 'abuse', '203.0.113.50')).toMatchObject({ kind: 'reported', people: 1, sentBack: false });
      }
      expect(await report(id, 'f', 'abuse', '203.0.113.50')).toMatchObject({ weight: 'same-address' });
      expect(await statusOf(id)).toBe('approved');
      // Each is kept for the moderator, with its note.
      expect(await database.select().from(commentReports)).toHaveLength(6);
    });

    it('counts addresses in one IPv6 /64 as one person, and every unknown address as one', async () => {
      const id = await addComment();
      expect(await report(id, 'a', 'abuse', '2001:db8:1:2::1')).toMatchObject({ people: 1 });
      expect(await report(id, 'b', 'abuse', '2001:db8:1:2:ffff::9')).toMatchObject({ people: 1, weight: 'same-address' });
      expect(await report(id, 'c', 'abuse', 'unknown')).toMatchObject({ people: 2 });
      expect(await report(id, 'd', 'abuse', 'unknown')).toMatchObject({ people: 2, weight: 'same-address' });
      expect(await statusOf(id)).toBe('approved');
      expect(await report(id, 'e', 'abuse', '2001:db8:1:3::1')).toMatchObject({ people: 3, sentBack: true });
    });

    it('thanks but neither counts nor keeps reports from an address past its hourly cap', async () => {
      const targets = await Promise.all(Array.from({ length: REPORTS_PER_ADDRESS_PER_HOUR + 1 }, (_, i) => addComment('approved', `Name${i}`)));
      const from = '203.0.113.77';
      for (const [i, id] of targets.slice(0, -1).entries()) {
        expect(await report(id, `r${i}`, 'spam', from, new Date(now.getTime() + i * 60_000))).toMatchObject({ weight: 'counts' });
      }
      const last = targets.at(-1)!;
      const soon = new Date(now.getTime() + 30 * 60_000);
      expect(await report(last, 'late', 'spam', from, soon)).toMatchObject({ kind: 'reported', weight: 'over-rate', people: 0 });
      expect(await database.select().from(commentReports).where(eq(commentReports.commentId, last))).toEqual([]);
      // An hour after the first, the address may report again.
      expect(await report(last, 'later', 'spam', from, new Date(now.getTime() + 61 * 60_000))).toMatchObject({ weight: 'counts', people: 1 });
    });

    it('stores nothing when the log cannot be written as the comment is sent back', async () => {
      const id = await addComment();
      await report(id, 'a');
      await report(id, 'b');
      await withHook(hooks().failInserts('moderation_log', 'log unavailable'), async () => {
        expect(await rejection(report(id, 'c'))).toMatch(/log unavailable/);
      });
      expect(await statusOf(id)).toBe('approved');
      expect(await database.select().from(commentReports)).toHaveLength(2);
    });

    it('follows the threshold in the settings', async () => {
      await database.insert(settings).values({ key: 'comments', value: { reportThreshold: 1 }, updatedAt: now });
      const id = await addComment();
      expect(await report(id, 'a')).toMatchObject({ sentBack: true });
      expect(await statusOf(id)).toBe('pending');
    });

    it('queues the moderators’ email when the comment is sent back, only with mail on and the setting ticked', async () => {
      const notices = async (id: number) => database.select({ kind: mailOutbox.kind, dedupeKey: mailOutbox.dedupeKey }).from(mailOutbox).where(eq(mailOutbox.commentId, id));
      await database.insert(settings).values({ key: 'comments', value: { reportThreshold: 1, emailOnReported: true }, updatedAt: now });
      const quiet = await addComment('approved', 'Quiet');
      expect(await report(quiet, 'a')).toMatchObject({ sentBack: true });
      expect(await notices(quiet), 'mail is off: nothing queued').toEqual([]);
      vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
      try {
        const loud = await addComment('approved', 'Loud');
        expect(await report(loud, 'b')).toMatchObject({ sentBack: true });
        expect(await notices(loud)).toEqual([{ kind: 'reported-fanout', dedupeKey: `reported:${loud}` }]);
        await database.update(settings).set({ value: { reportThreshold: 1, emailOnReported: false } }).where(eq(settings.key, 'comments'));
        const unticked = await addComment('approved', 'Unticked');
        expect(await report(unticked, 'c')).toMatchObject({ sentBack: true });
        expect(await notices(unticked), 'the setting is off').toEqual([]);
      } finally {
        vi.unstubAllEnvs();
        await database.delete(mailOutbox);
      }
    });

    it('takes one report per reporter and comment', async () => {
      const id = await addComment();
      expect((await report(id, 'a')).kind).toBe('reported');
      expect(await report(id, 'a')).toEqual({ kind: 'duplicate' });
      expect((await report(await addComment('approved', 'Bo'), 'a')).kind).toBe('reported');
    });

    it('refuses a comment that is not approved or does not exist', async () => {
      expect(await report(await addComment('pending'), 'a')).toEqual({ kind: 'not-found' });
      expect(await report(await addComment('spam'), 'a')).toEqual({ kind: 'not-found' });
      expect(await report(999_999, 'a')).toEqual({ kind: 'not-found' });
      expect(await database.select().from(commentReports)).toHaveLength(0);
    });

    it('does not count dismissed reports towards the threshold', async () => {
      const id = await addComment();
      await report(id, 'a');
      await report(id, 'b');
      expect(await dismissReports([id], now)).toEqual([id]);
      expect(await report(id, 'c')).toMatchObject({ people: 1, sentBack: false });
    });
  });

  describe('the reported queue', () => {
    it('lists comments with open reports, most reported first, with each report', async () => {
      const once = await addComment('approved', 'Once');
      const twice = await addComment('approved', 'Twice');
      await addComment('approved', 'Never');
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
      const dismissed = await addComment('approved', 'Dismissed');
      const trashed = await addComment('approved', 'Trashed');
      const kept = await addComment('approved', 'Kept');
      for (const id of [dismissed, trashed, kept]) await report(id, 'a');
      await database.update(comments).set({ status: 'trash' }).where(eq(comments.id, trashed));

      expect(await dismissReports([dismissed, 424242], now)).toEqual([dismissed]);
      expect(await dismissReports([dismissed], now)).toEqual([]);
      expect(await dismissReports([], now)).toEqual([]);
      expect((await listReportedComments({ page: 1, perPage: 10 })).map((row) => row.id)).toEqual([kept]);
      expect(await countReportedComments()).toBe(1);
    });
  });

  describe('concurrent reports', () => {
    it('counts each of many reports arriving together once, and sends the comment back exactly once', async () => {
      const id = await addComment();
      const results = await withSlowWrites(hooks(), 'comment_reports', () => Promise.all(['a', 'b', 'c', 'd', 'e'].map((reporter) => report(id, reporter))));
      // The third sends it back to Pending, where the last two no longer find it.
      expect(results.map((result) => (result.kind === 'reported' ? result.people : result.kind)).sort()).toEqual([1, 2, 3, 'not-found', 'not-found']);
      expect(results.filter((result) => result.kind === 'reported' && result.sentBack)).toHaveLength(1);
      expect(await database.select({ id: moderationLog.id }).from(moderationLog)).toHaveLength(1);
    });

    it('keeps no more reports from one address in an hour than its cap, however they arrive', async () => {
      const targets = await Promise.all(Array.from({ length: REPORTS_PER_ADDRESS_PER_HOUR + 3 }, (_, i) => addComment('approved', `Many${i}`)));
      const results = await withSlowWrites(hooks(), 'comment_reports', () => Promise.all(targets.map((id, i) => report(id, `m${i}`, 'spam', '203.0.113.88'))));
      expect(results.filter((result) => result.kind === 'reported' && result.weight === 'over-rate')).toHaveLength(3);
      expect(await database.select({ id: commentReports.id }).from(commentReports)).toHaveLength(REPORTS_PER_ADDRESS_PER_HOUR);
    });
  });
}
