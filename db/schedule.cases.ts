/**
 * db/schedule.ts's cases, run on SQLite (schedule.test.ts) and on PostgreSQL (schedule.pg.test.ts).
 * Two connections to one database stand for two app servers.
 */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertAuthor, insertSection, insertStory, insertTopic } from '../test/content-rows';
import type { Db } from './client';
import { readTagExpirationsSince } from './cache-tags';
import { publishDueStories } from './schedule';
import { articles, articleTags, cacheTagExpirations, moderationLog } from './schema';
import { tags } from './tags';

export function scheduleCases(connections: () => { first: Db; second: Db }) {
  const at = new Date('2026-12-03T10:15:00Z');
  let first: Db;
  let second: Db;
  let sectionId = 0;
  let authorId = 0;
  let topicId = 0;

  beforeAll(async () => {
    ({ first, second } = connections());
    sectionId = (await insertSection(first, 'politics')).id;
    authorId = (await insertAuthor(first, 'jo', 'Jo')).id;
    topicId = (await insertTopic(first, 'budget', 'Budget')).id;
  });

  function story(slug: string, status: 'scheduled' | 'draft', publishedAt: Date | null) {
    return insertStory(first, { slug, sectionId, authorIds: [authorId], headline: `Headline ${slug}`, body: 'Text', status, publishedAt, updatedAt: new Date(at.getTime() - 3_600_000) });
  }

  beforeEach(async () => {
    await first.delete(articles);
    await first.delete(moderationLog);
    await first.delete(cacheTagExpirations);
  });

  describe('the schedule', () => {
    it('publishes a due story once, whichever server asks first, with one log row and the tags of every page that shows it', async () => {
      const due = await story('budget-vote', 'scheduled', at);
      await first.insert(articleTags).values({ articleId: due.id, tagId: topicId });
      const notYet = await story('next-week', 'scheduled', new Date(at.getTime() + 60_000));
      const draft = await story('a-draft', 'draft', null);

      expect(await publishDueStories(first, new Date(at.getTime() - 1))).toEqual([]);
      const published = await publishDueStories(first, new Date(at.getTime() + 2_000));
      expect(published.map((row) => row.id)).toEqual([due.id]);
      expect(await publishDueStories(second, new Date(at.getTime() + 3_000))).toEqual([]);

      const rows = await first.select().from(articles);
      const status = (id: number) => rows.find((row) => row.id === id)!.status;
      expect([status(due.id), status(notYet.id), status(draft.id)]).toEqual(['published', 'scheduled', 'draft']);
      const saved = rows.find((row) => row.id === due.id)!;
      // Published at its minute, not when the schedule noticed; not shown as "updated".
      expect(saved.publishedAt).toEqual(at);
      expect(saved.updatedAt).toEqual(at);

      const log = await first.select().from(moderationLog).where(eq(moderationLog.targetId, due.id));
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ action: 'story.published', targetType: 'story', actorName: 'System' });

      // Told to every server through the database (read here on the other connection).
      const expired = (await readTagExpirationsSince(0, second)).map((row) => row.tag);
      expect(expired.sort()).toEqual(
        [tags.article(due.id), tags.articleSlug('budget-vote'), tags.storyText, tags.latest, tags.section('politics'), tags.author('jo'), tags.tag('budget')].sort(),
      );
      expect(await readTagExpirationsSince(0, second)).toEqual(expect.arrayContaining([{ tag: tags.latest, staleAt: at.getTime() + 2_000, expiredAt: at.getTime() + 2_000 }]));
    });

    it('publishes each due story once when two servers ask at the same moment', async () => {
      const stories = await Promise.all(['one', 'two', 'three'].map((slug) => story(slug, 'scheduled', at)));
      const now = new Date(at.getTime() + 1_000);
      const [a, b] = await Promise.all([publishDueStories(first, now), publishDueStories(second, now)]);
      expect([...a, ...b].map((row) => row.id).sort((x, y) => x - y)).toEqual(stories.map((row) => row.id).sort((x, y) => x - y));
      const log = await first.select({ targetId: moderationLog.targetId }).from(moderationLog).orderBy(asc(moderationLog.targetId));
      expect(log.map((row) => row.targetId)).toEqual(stories.map((row) => row.id).sort((x, y) => x - y));
    });

    it('leaves a story whose schedule was cancelled, or which an editor published first', async () => {
      const cancelled = await story('cancelled', 'draft', null);
      const now = new Date(at.getTime() + 60_000);
      expect(await publishDueStories(first, now)).toEqual([]);
      expect((await first.select().from(articles).where(eq(articles.id, cancelled.id)))[0]!.status).toBe('draft');
      expect(await first.select().from(moderationLog)).toHaveLength(0);
    });
  });
}
