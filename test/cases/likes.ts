/**
 * db/likes.ts's cases, for both engines: db/likes.test.ts runs them on SQLite, db/likes.pg.test.ts on
 * PostgreSQL. `database` is the app's `db` as the file set it up.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIKE_REFRESH_MS, LIKES_PER_ADDRESS_PER_COMMENT, LIKES_PER_BROWSER_PER_HOUR } from '@/lib/likes';
import type { Db } from '../../db/client';
import { expireTags } from '../../db/cache-tags';
import { insertLike, likeRefreshDueFor } from '../../db/likes';
import { articles, cacheTagExpirations, commentLikes, comments } from '../../db/schema';
import { tags } from '../../db/tags';
import { type EngineHooks, insertStory, rejection, withHook, withSlowWrites } from './engine';

const now = new Date('2025-02-12T21:40:00Z');

export function likeCases(database: Db, hooks: () => EngineHooks) {
  let articleId = 0;

  beforeEach(async () => {
    await database.delete(commentLikes);
    await database.delete(comments);
    await database.delete(cacheTagExpirations);
    if (articleId) return;
    articleId = await insertStory(database, now);
  });

  async function addComment(status: 'approved' | 'pending' | 'spam' = 'approved', name = 'Ada') {
    const [row] = await database
      .insert(comments)
      .values({ articleId, authorName: name, authorEmail: `${name.toLowerCase()}@example.com`, body: `Said by ${name}`, status, ip: '192.0.2.1' })
      .returning({ id: comments.id });
    return row!.id;
  }

  /** A like from a browser of its own; each liker id has an address of its own unless told. */
  const like = (commentId: number, liker: string, ip = addressOf(liker), at = now) => insertLike({ commentId, liker, ip, now: at });
  const addresses = new Map<string, string>();
  const addressOf = (liker: string) => {
    if (!addresses.has(liker)) addresses.set(liker, `198.51.${Math.floor(addresses.size / 250)}.${(addresses.size % 250) + 1}`);
    return addresses.get(liker)!;
  };
  const countOf = async (id: number) => (await database.select({ n: comments.likeCount }).from(comments).where(eq(comments.id, id)))[0]?.n;
  const rowsOf = async (id: number) => (await database.select({ liker: commentLikes.liker }).from(commentLikes).where(eq(commentLikes.commentId, id))).length;

  describe('insertLike', () => {
    it('counts a like in the row and the comment, and says where the comment is', async () => {
      const id = await addComment();
      expect(await like(id, 'a')).toEqual({ kind: 'liked', likes: 1, articleId, path: '/news/story' });
      expect(await like(id, 'b')).toMatchObject({ kind: 'liked', likes: 2 });
      expect(await countOf(id)).toBe(2);
      expect(await database.select({ liker: commentLikes.liker, ip: commentLikes.ip }).from(commentLikes).orderBy(commentLikes.liker)).toEqual([
        { liker: 'a', ip: addressOf('a') },
        { liker: 'b', ip: addressOf('b') },
      ]);
    });

    it('takes one like per browser and comment: the second changes nothing', async () => {
      const id = await addComment();
      await like(id, 'a');
      expect(await like(id, 'a', '203.0.113.9')).toMatchObject({ kind: 'already', likes: 1 });
      expect(await countOf(id)).toBe(1);
      expect(await rowsOf(id)).toBe(1);
      expect(await like(await addComment('approved', 'Bo'), 'a')).toMatchObject({ kind: 'liked', likes: 1 });
    });

    it('counts only its share of likes of one comment from one address, whatever the cookies', async () => {
      const id = await addComment();
      for (let i = 0; i < LIKES_PER_ADDRESS_PER_COMMENT; i++) expect(await like(id, `home${i}`, '203.0.113.50')).toMatchObject({ kind: 'liked', likes: i + 1 });
      expect(await like(id, 'fresh-cookie', '203.0.113.50')).toMatchObject({ kind: 'same-address', likes: LIKES_PER_ADDRESS_PER_COMMENT });
      // One household's IPv6 /64 is one address too.
      await like(id, 'v6-a', '2001:db8:1:2::1');
      for (let i = 1; i < LIKES_PER_ADDRESS_PER_COMMENT; i++) await like(id, `v6-${i}`, `2001:db8:1:2::${i + 1}`);
      expect(await like(id, 'v6-z', '2001:db8:1:2:ffff::9')).toMatchObject({ kind: 'same-address' });
      expect(await countOf(id)).toBe(2 * LIKES_PER_ADDRESS_PER_COMMENT);
      expect(await rowsOf(id)).toBe(2 * LIKES_PER_ADDRESS_PER_COMMENT);
      // The address may still like another comment.
      expect(await like(await addComment('approved', 'Bo'), 'fresh-cookie', '203.0.113.50')).toMatchObject({ kind: 'liked' });
    });

    it('refuses a browser past its hourly cap, neither counting nor keeping it, until the hour has passed', async () => {
      const targets = await Promise.all(Array.from({ length: LIKES_PER_BROWSER_PER_HOUR + 1 }, (_, i) => addComment('approved', `Name${i}`)));
      for (const [i, id] of targets.slice(0, -1).entries()) {
        expect(await like(id, 'greedy', `198.18.0.${i + 1}`, new Date(now.getTime() + i * 30_000))).toMatchObject({ kind: 'liked' });
      }
      const last = targets.at(-1)!;
      expect(await like(last, 'greedy', '198.18.1.1', new Date(now.getTime() + 40 * 60_000))).toMatchObject({ kind: 'over-rate', likes: 0 });
      expect(await rowsOf(last)).toBe(0);
      expect(await like(last, 'greedy', '198.18.1.1', new Date(now.getTime() + 61 * 60_000))).toMatchObject({ kind: 'liked', likes: 1 });
    });

    it('refuses an address past its hourly cap, however many fresh browsers it uses', async () => {
      // Cheaper than filling the cap one like at a time: the rows as they would stand.
      const id = await addComment();
      const others = await Promise.all(Array.from({ length: 3 }, (_, i) => addComment('approved', `Other${i}`)));
      const { LIKES_PER_ADDRESS_PER_HOUR } = await import('@/lib/likes');
      await database.insert(commentLikes).values(
        Array.from({ length: LIKES_PER_ADDRESS_PER_HOUR }, (_, i) => ({ commentId: others[i % 3]!, liker: `bot${i}`, ip: '203.0.113.66', createdAt: now })),
      );
      expect(await like(id, 'bot-fresh', '203.0.113.66', new Date(now.getTime() + 60_000))).toMatchObject({ kind: 'over-rate' });
      expect(await countOf(id)).toBe(0);
      expect(await like(id, 'someone-else', '203.0.113.67', new Date(now.getTime() + 60_000))).toMatchObject({ kind: 'liked' });
    });

    it('refuses a comment that is not approved, is on a story taken down, or does not exist', async () => {
      expect(await like(await addComment('pending'), 'a')).toEqual({ kind: 'not-found' });
      expect(await like(await addComment('spam'), 'a')).toEqual({ kind: 'not-found' });
      expect(await like(999_999, 'a')).toEqual({ kind: 'not-found' });
      const onDraft = await addComment();
      await database.update(articles).set({ status: 'draft' }).where(eq(articles.id, articleId));
      try {
        expect(await like(onDraft, 'a')).toEqual({ kind: 'not-found' });
      } finally {
        await database.update(articles).set({ status: 'published' }).where(eq(articles.id, articleId));
      }
      expect(await database.select().from(commentLikes)).toHaveLength(0);
    });

    it('leaves the count as it was when the like cannot be stored', async () => {
      const id = await addComment();
      await like(id, 'a');
      await withHook(hooks().failInserts('comment_likes', 'disk full'), async () => {
        expect(await rejection(like(id, 'b'))).toMatch(/disk full/);
      });
      expect(await countOf(id)).toBe(1);
      expect(await rowsOf(id)).toBe(1);
    });
  });

  describe('concurrent likes', () => {
    it('counts many likes arriving together from different browsers exactly', async () => {
      const id = await addComment();
      const likers = Array.from({ length: 20 }, (_, i) => `c${i}`);
      const results = await withSlowWrites(hooks(), 'comment_likes', () => Promise.all(likers.map((liker) => like(id, liker))));
      expect(results.map((result) => result.kind)).toEqual(likers.map(() => 'liked'));
      expect(results.map((result) => (result.kind === 'liked' ? result.likes : 0)).sort((a, b) => a - b)).toEqual(likers.map((_, i) => i + 1));
      expect(await countOf(id)).toBe(20);
      expect(await rowsOf(id)).toBe(20);
    });

    it('counts one browser liking one comment many times at once as one like', async () => {
      const id = await addComment();
      const results = await withSlowWrites(hooks(), 'comment_likes', () => Promise.all(Array.from({ length: 10 }, (_, i) => like(id, 'same', `198.18.2.${i + 1}`))));
      expect(results.filter((result) => result.kind === 'liked')).toHaveLength(1);
      expect(results.filter((result) => result.kind === 'already')).toHaveLength(9);
      expect(await countOf(id)).toBe(1);
    });

    it('keeps one address to its share of a comment, however its fresh browsers arrive', async () => {
      const id = await addComment();
      const results = await withSlowWrites(hooks(), 'comment_likes', () => Promise.all(Array.from({ length: 8 }, (_, i) => like(id, `burst${i}`, '203.0.113.88'))));
      expect(results.filter((result) => result.kind === 'liked')).toHaveLength(LIKES_PER_ADDRESS_PER_COMMENT);
      expect(await countOf(id)).toBe(LIKES_PER_ADDRESS_PER_COMMENT);
    });
  });

  describe('likeRefreshDueFor', () => {
    it('is due for a thread never refreshed or refreshed long enough ago, and not just after a refresh', async () => {
      expect(await likeRefreshDueFor(articleId, now)).toBe(true);
      await expireTags([tags.comments(articleId)], now.getTime() - 1_000);
      expect(await likeRefreshDueFor(articleId, now)).toBe(false);
      expect(await likeRefreshDueFor(articleId, new Date(now.getTime() + LIKE_REFRESH_MS))).toBe(true);
      // Another story's refresh is not this one's.
      expect(await likeRefreshDueFor(articleId + 1, now)).toBe(true);
    });
  });
}
