import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { readTagExpirationsSince } from './cache-tags';
import { insertStoryRow } from '../test/story';
import { runMigrations } from './migrate';
import { publishDueStories } from './schedule';
import { articles, articleTags, authors, cacheTagExpirations, moderationLog, sections, tags as tagTable } from './schema';
import { tags } from './tags';

// A file, not memory: two connections stand for two app servers on one database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-schedule-'));
const file = path.join(dir, 'schedule.db');
const first = openDatabase(file);
runMigrations(first);
const second = openDatabase(file);
afterAll(async () => {
  first.$client.close();
  second.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const [section] = first.insert(sections).values({ slug: 'politics', name: 'Politics' }).returning().all();
const [author] = first.insert(authors).values({ slug: 'jo', name: 'Jo' }).returning().all();
const [topic] = first.insert(tagTable).values({ slug: 'budget', name: 'Budget' }).returning().all();
const at = new Date('2026-12-03T10:15:00Z');

function story(slug: string, status: 'scheduled' | 'draft', publishedAt: Date | null) {
  return insertStoryRow(first, { slug, sectionId: section!.id, authorId: author!.id, headline: `Headline ${slug}`, body: 'Text', status, publishedAt, updatedAt: new Date(at.getTime() - 3_600_000) });
}

beforeEach(async () => {
  first.delete(articles).run();
  first.delete(moderationLog).run();
  first.delete(cacheTagExpirations).run();
});

describe('the schedule', () => {
  it('publishes a due story once, whichever server asks first, with one log row and the tags of every page that shows it', async () => {
    const due = story('budget-vote', 'scheduled', at);
    first.insert(articleTags).values({ articleId: due.id, tagId: topic!.id }).run();
    const notYet = story('next-week', 'scheduled', new Date(at.getTime() + 60_000));
    const draft = story('a-draft', 'draft', null);

    expect(await publishDueStories(first, new Date(at.getTime() - 1))).toEqual([]);
    const published = await publishDueStories(first, new Date(at.getTime() + 2_000));
    expect(published.map((row) => row.id)).toEqual([due.id]);
    expect(await publishDueStories(second, new Date(at.getTime() + 3_000))).toEqual([]);

    const rows = first.select().from(articles).all();
    const status = (id: number) => rows.find((row) => row.id === id)!.status;
    expect([status(due.id), status(notYet.id), status(draft.id)]).toEqual(['published', 'scheduled', 'draft']);
    const saved = rows.find((row) => row.id === due.id)!;
    // Published at its minute, not when the schedule noticed; not shown as "updated".
    expect(saved.publishedAt).toEqual(at);
    expect(saved.updatedAt).toEqual(at);

    const log = first.select().from(moderationLog).where(eq(moderationLog.targetId, due.id)).all();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'story.published', targetType: 'story', actorName: 'System' });

    // Told to every server through the database (read here on the other connection).
    const expired = (await readTagExpirationsSince(0, second)).map((row) => row.tag);
    expect(expired.sort()).toEqual(
      [tags.article(due.id), tags.articleSlug('budget-vote'), tags.storyText, tags.latest, tags.section('politics'), tags.author('jo'), tags.tag('budget')].sort(),
    );
  });

  it('leaves a story whose schedule was cancelled, or which an editor published first', async () => {
    const cancelled = story('cancelled', 'draft', null);
    const now = new Date(at.getTime() + 60_000);
    expect(await publishDueStories(first, now)).toEqual([]);
    expect(first.select().from(articles).where(eq(articles.id, cancelled.id)).all()[0]!.status).toBe('draft');
    expect(first.select().from(moderationLog).all()).toHaveLength(0);
  });
});
