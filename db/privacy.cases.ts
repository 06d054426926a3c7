/**
 * db/privacy.ts's cases, run on SQLite (privacy.test.ts) and on PostgreSQL (privacy.pg.test.ts):
 * setup and checks are awaited, so that one text serves both engines.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertStory } from '../test/content-rows';
import type { Db } from './client';
import { ANONYMOUS_NAME, eraseCommenterData, exportCommenterData, storyPaths } from './privacy';
import { authors, comments, loginFailures, mailAddresses, mailOutbox, mailSubscriptions, moderationLog, sections, users } from './schema';
import { tags } from './tags';

export function privacyCases(db: Db) {
  const now = new Date('2025-02-12T21:40:00Z');
  let first: { id: number };
  let second: { id: number };
  beforeAll(async () => {
    const [section] = await db.insert(sections).values({ slug: 'news', name: 'News' }).returning();
    const [author] = await db.insert(authors).values({ slug: 'ed', name: 'Ed' }).returning();
    const story = (slug: string) => insertStory(db, { slug, sectionId: section!.id, authorIds: [author!.id], headline: slug, body: 'Text', status: 'published', publishedAt: now });
    first = await story('first-story');
    second = await story('second-story');
  });

  let minute = 0;
  async function addComment(values: { articleId?: number; name: string; email: string; body: string; status?: 'approved' | 'pending'; parentId?: number }) {
    const [row] = await db
      .insert(comments)
      .values({
        articleId: values.articleId ?? first.id,
        parentId: values.parentId ?? null,
        authorName: values.name,
        authorEmail: values.email,
        authorUrl: `https://example.com/${values.name.toLowerCase()}`,
        body: values.body,
        status: values.status ?? 'approved',
        ip: '192.0.2.44',
        userAgent: `Browser of ${values.name}`,
        heldReason: values.status === 'pending' ? { rule: 'manual-approval' } : null,
        createdAt: new Date(now.getTime() + ++minute * 60_000),
      })
      .returning();
    return row!;
  }

  let ada: Awaited<ReturnType<typeof addComment>>[];
  let other: Awaited<ReturnType<typeof addComment>>;

  beforeEach(async () => {
    await db.delete(moderationLog);
    await db.delete(loginFailures);
    await db.delete(comments);
    const top = await addComment({ name: 'Ada', email: 'ada@example.com', body: 'First thoughts.' });
    ada = [
      top,
      await addComment({ name: 'Ada L.', email: 'ADA@Example.com', body: 'An older row, typed in capitals.', articleId: second.id, status: 'pending' }),
      await addComment({ name: 'Ada', email: 'ada@example.com', body: 'Replying to myself.', parentId: top.id }),
    ];
    other = await addComment({ name: 'Grace', email: 'grace@example.com', body: 'Someone else entirely.', parentId: top.id });
    await db.insert(loginFailures).values([
      { email: 'ada@example.com', ip: '192.0.2.44', createdAt: now },
      { email: 'grace@example.com', ip: '192.0.2.45', createdAt: now },
    ]);
    await db.insert(moderationLog).values([
        { actorName: 'Mo', action: 'comment.approve', targetType: 'comment', targetId: top.id, before: { status: 'pending' }, after: { status: 'approved' }, createdAt: now },
        { actorName: 'Mo', action: 'comment.approve', targetType: 'comment', targetId: other.id, before: { status: 'pending' }, after: { status: 'approved' }, createdAt: now },
    ]);
  });

  const commentRow = async (id: number) => (await db.select().from(comments).where(eq(comments.id, id)))[0];
  const logRows = () => db.select().from(moderationLog).orderBy(asc(moderationLog.id));

  describe('exportCommenterData', () => {
    it('returns every column of every comment with that email, whatever its case, and nobody else’s', async () => {
      const data = await exportCommenterData(db, '  Ada@Example.COM ', now);
      expect(data.email).toBe('ada@example.com');
      expect(data.exportedAt).toBe(now.toISOString());
      expect(data.comments.map((c) => c.id).sort()).toEqual(ada.map((c) => c.id).sort());
      const pending = data.comments.find((c) => c.id === ada[1]!.id)!;
      expect(pending).toEqual(await commentRow(ada[1]!.id));
      expect(pending).toMatchObject({
        authorName: 'Ada L.',
        authorEmail: 'ADA@Example.com',
        authorUrl: 'https://example.com/ada l.',
        ip: '192.0.2.44',
        userAgent: 'Browser of Ada L.',
        status: 'pending',
        heldReason: { rule: 'manual-approval' },
      });
      expect(JSON.stringify(data)).not.toContain('grace');
    });

    it('includes failed sign-ins with the email and the log entries about their comments', async () => {
      const data = await exportCommenterData(db, 'ada@example.com', now);
      expect(data.loginFailures).toEqual([expect.objectContaining({ email: 'ada@example.com', ip: '192.0.2.44' })]);
      expect(data.moderationLog).toEqual([expect.objectContaining({ action: 'comment.approve', targetId: ada[0]!.id })]);
    });

    it('is empty for an email nobody used, and serialises to JSON', async () => {
      const data = await exportCommenterData(db, 'nobody@example.com', now);
      expect(data).toMatchObject({ comments: [], moderationLog: [], loginFailures: [] });
      expect(JSON.parse(JSON.stringify(await exportCommenterData(db, 'ada@example.com', now))).comments[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it('refuses an empty address rather than match every erased comment', async () => {
      await expect(exportCommenterData(db, '  ')).rejects.toThrow();
    });
  });

  describe('eraseCommenterData', () => {
    it('anonymises their comments, keeps the text and the thread, and deletes their failed sign-ins', async () => {
      const before = await Promise.all(ada.map(async (c) => (await commentRow(c.id))!));
      const result = await eraseCommenterData(db, 'Ada@example.com');
      expect(result).toEqual({
        comments: 3,
        articleIds: [first.id, second.id],
        tags: [`comments:${first.id}`, `comments:${second.id}`],
        loginFailures: 1,
        mailAddresses: 0,
      });

      for (const old of before) {
        expect(await commentRow(old.id)).toEqual({
          ...old,
          authorName: ANONYMOUS_NAME,
          authorEmail: '',
          authorUrl: '',
          ip: '',
          userAgent: '',
        });
      }
      expect(await exportCommenterData(db, 'ada@example.com')).toMatchObject({ comments: [], loginFailures: [] });
    });

    it('leaves everyone else, and the log, as they were, adding to the log how much was erased but not whose', async () => {
      const log = await logRows();
      const [admin] = await db.insert(users).values({ email: `admin.${++minute}@example.com`, name: 'Site admin', passwordHash: 'x' }).returning();
      await eraseCommenterData(db, 'ada@example.com', admin!, now);
      expect(await commentRow(other.id)).toEqual(other);
      expect((await commentRow(other.id))?.parentId).toBe(ada[0]!.id);
      expect(await db.select().from(loginFailures)).toEqual([expect.objectContaining({ email: 'grace@example.com' })]);
      const after = await logRows();
      expect(after.slice(0, log.length)).toEqual(log);
      expect(after.slice(log.length)).toEqual([
        expect.objectContaining({
          actorId: admin!.id,
          actorName: 'Site admin',
          action: 'commenter.erase',
          targetType: 'commenter',
          targetId: null,
          after: { comments: 3, stories: 2, loginFailures: 1, mailAddresses: 0 },
        }),
      ]);
      expect(JSON.stringify(after.slice(log.length))).not.toMatch(/ada@example\.com|Ada/);
    });

    it('is idempotent, and erases nothing for an unknown or empty address', async () => {
      await eraseCommenterData(db, 'ada@example.com');
      const logged = (await logRows()).length;
      expect(await eraseCommenterData(db, 'ada@example.com')).toEqual({ comments: 0, articleIds: [], tags: [], loginFailures: 0, mailAddresses: 0 });
      expect(await logRows()).toHaveLength(logged);
      expect((await eraseCommenterData(db, 'nobody@example.com')).comments).toBe(0);
      await expect(eraseCommenterData(db, '')).rejects.toThrow();
      expect(await commentRow(other.id)).toEqual(other);
    });

    it('exports what mail knows of the address (not its link token), and erases it with its subscriptions and emails', async () => {
      const [address] = await db.insert(mailAddresses).values({ email: 'ada@example.com', token: 'a-secret-token-of-ada-1234567890', confirmedAt: now, createdAt: now }).returning();
      const [graceAddress] = await db.insert(mailAddresses).values({ email: 'grace@example.com', token: 'a-secret-token-of-grace-123456789', createdAt: now }).returning();
      await db.insert(mailSubscriptions).values([
        { addressId: address!.id, articleId: first.id, commentId: ada[0]!.id, createdAt: now },
        { addressId: graceAddress!.id, articleId: first.id, commentId: null, createdAt: now },
      ]);
      await db.insert(mailOutbox).values([
        { kind: 'reply', dedupeKey: `privacy:ada:${minute}`, addressId: address!.id, recipient: 'ada@example.com', commentId: other.id, status: 'sent', nextAttemptAt: now, createdAt: now, sentAt: now },
        { kind: 'confirm', dedupeKey: `privacy:grace:${minute}`, addressId: graceAddress!.id, recipient: 'grace@example.com', status: 'queued', nextAttemptAt: now, createdAt: now },
      ]);
      const exported = await exportCommenterData(db, 'ADA@example.com', now);
      expect(exported.mail).toEqual({
        address: { id: address!.id, email: 'ada@example.com', confirmedAt: now, blockedAt: null, createdAt: now },
        subscriptions: [{ articleId: first.id, commentId: ada[0]!.id, createdAt: now }],
        letters: [{ kind: 'reply', status: 'sent', commentId: other.id, createdAt: now, sentAt: now }],
      });
      expect(JSON.stringify(exported)).not.toContain('a-secret-token');
      expect((await eraseCommenterData(db, 'ada@example.com')).mailAddresses).toBe(1);
      expect((await exportCommenterData(db, 'ada@example.com')).mail).toEqual({ address: null, subscriptions: [], letters: [] });
      // Grace's are hers still.
      expect(await db.select({ email: mailAddresses.email }).from(mailAddresses)).toEqual([{ email: 'grace@example.com' }]);
      expect(await db.select({ recipient: mailOutbox.recipient }).from(mailOutbox)).toEqual([{ recipient: 'grace@example.com' }]);
      expect(await db.select({ addressId: mailSubscriptions.addressId }).from(mailSubscriptions)).toEqual([{ addressId: graceAddress!.id }]);
      await db.delete(mailAddresses);
    });

    it('returns the cache tags of every story that showed the old name, each once', async () => {
      await addComment({ name: 'Ada', email: 'ada@example.com', body: 'On the second story again.', articleId: second.id });
      const { articleIds, tags: changed } = await eraseCommenterData(db, 'ada@example.com');
      expect(changed).toEqual([tags.comments(first.id), tags.comments(second.id)]);
      expect(await storyPaths(db, articleIds)).toEqual(['/news/first-story', '/news/second-story']);
      expect(await storyPaths(db, [])).toEqual([]);
      expect((await eraseCommenterData(db, 'grace@example.com')).tags).toEqual([tags.comments(first.id)]);
    });
  });
}
