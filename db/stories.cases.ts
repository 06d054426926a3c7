/**
 * db/stories.ts's cases (the desk's stories: save, publish, addresses, corrections, autosaves, the
 * list), run on SQLite (stories.test.ts) and on PostgreSQL (stories.pg.test.ts). The calling file
 * points the app's `db` at a fresh database and mocks 'server-only'.
 */
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAuthor, insertEditor, insertSection, insertStory } from '../test/content-rows';
import type { Db } from './client';
import { articles, moderationLog, storyRedirects, storyRevisions } from './schema';
import { storyPageTags } from './story-tags';
import { tags } from './tags';
import {
  addCorrection,
  deskFilterChoices,
  findAutosave,
  getDeskStory,
  getRevision,
  listCorrections,
  listDeskStories,
  listRevisions,
  listTopicNames,
  saveStory,
  type StoryWrite,
  versionOf,
  writeAutosave,
} from './stories';

export function storyCases(db: Db) {
  let sectionId = 0;
  let otherSectionId = 0;
  let jo = 0;
  let sam = 0;
  let editor: { id: number; name: string };
  let other: { id: number; name: string };

  beforeAll(async () => {
    sectionId = (await insertSection(db, 'news', 1)).id;
    otherSectionId = (await insertSection(db, 'sport', 2)).id;
    jo = (await insertAuthor(db, 'jo', 'Jo Byline')).id;
    sam = (await insertAuthor(db, 'sam', 'Sam Byline')).id;
    editor = await insertEditor(db, 'Eve Editor');
    other = await insertEditor(db, 'Oscar Other');
  });

  const write = (values: Partial<StoryWrite> & { slug: string }): StoryWrite => ({
    headline: `Headline of ${values.slug}`,
    standfirst: 'Standfirst',
    body: 'Body text',
    status: 'draft',
    sectionId,
    authorIds: [jo],
    featured: false,
    commentsOpen: true,
    topics: [],
    photoSrc: null,
    photoWidth: null,
    photoHeight: null,
    photoAlt: null,
    photoCaption: null,
    photoCredit: null,
    scheduledFor: null,
    ...values,
  });

  async function create(values: Partial<StoryWrite> & { slug: string }) {
    const result = await saveStory(null, 0, write(values), editor);
    if (result.kind !== 'saved') throw new Error(`not saved: ${result.kind}`);
    return result.after;
  }

  describe('saveStory', () => {
    it('creates a story with its bylines and topics in order, a revision and a log row', async () => {
      const story = await create({ slug: 'budget-vote', headline: 'Budget vote', authorIds: [sam, jo], topics: ['Tax', 'Budget 2026'] });
      expect(story).toMatchObject({ slug: 'budget-vote', status: 'draft', sectionSlug: 'news', authorIds: [sam, jo], topics: ['Tax', 'Budget 2026'], topicSlugs: ['tax', 'budget-2026'], updatedByName: 'Eve Editor', publishedAt: null });
      expect(story.updatedAt).toBeInstanceOf(Date);
      expect(await getDeskStory(story.id)).toEqual(story);
      expect(await getDeskStory(story.id + 10_000)).toBeNull();
      const revisions = await listRevisions(story.id);
      expect(revisions).toEqual([expect.objectContaining({ kind: 'save', userId: editor.id, userName: 'Eve Editor' })]);
      expect((await getRevision(story.id, revisions[0]!.id))?.fields).toMatchObject({ headline: 'Budget vote', topics: ['Tax', 'Budget 2026'], authorIds: [sam, jo] });
      const log = await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'story'), eq(moderationLog.targetId, story.id)));
      expect(log).toEqual([expect.objectContaining({ action: 'story.create', actorId: editor.id })]);
      expect(await listTopicNames()).toEqual(expect.arrayContaining(['Budget 2026', 'Tax']));
    });

    it('refuses a save over a version other than the one the form was opened on, saying who changed it and when', async () => {
      const story = await create({ slug: 'contested' });
      const saved = await saveStory(story.id, versionOf(story), write({ slug: 'contested', headline: 'First edit' }), other);
      expect(saved.kind).toBe('saved');
      const after = saved.kind === 'saved' ? saved.after : story;
      expect(versionOf(after)).toBeGreaterThan(versionOf(story));
      const stale = await saveStory(story.id, versionOf(story), write({ slug: 'contested', headline: 'Second edit' }), editor);
      expect(stale).toEqual({ kind: 'conflict', by: 'Oscar Other', at: after.updatedAt });
      expect((await getDeskStory(story.id))?.headline).toBe('First edit');
      expect(await saveStory(story.id + 10_000, 0, write({ slug: 'nowhere' }), editor)).toEqual({ kind: 'not-found' });
    });

    it('publishes: the publication time is set once, the log says so, and bylines and topics can change', async () => {
      const story = await create({ slug: 'to-publish', topics: ['Tax'] });
      const published = await saveStory(story.id, versionOf(story), write({ slug: 'to-publish', status: 'published', authorIds: [jo, sam], topics: ['Health'] }), editor);
      if (published.kind !== 'saved') throw new Error(published.kind);
      expect(published.after).toMatchObject({ status: 'published', authorIds: [jo, sam], topics: ['Health'] });
      expect(published.after.publishedAt).toEqual(published.after.updatedAt);
      const again = await saveStory(story.id, versionOf(published.after), write({ slug: 'to-publish', status: 'published', headline: 'Edited after' }), editor);
      if (again.kind !== 'saved') throw new Error(again.kind);
      expect(again.after.publishedAt).toEqual(published.after.publishedAt);
      const actions = await db
        .select({ action: moderationLog.action })
        .from(moderationLog)
        .where(and(eq(moderationLog.targetType, 'story'), eq(moderationLog.targetId, story.id)))
        .orderBy(asc(moderationLog.id));
      expect(actions.map((row) => row.action)).toEqual(['story.create', 'story.published', 'story.save']);
    });

    it('schedules a story for the time chosen', async () => {
      const at = new Date('2030-01-02T03:04:05.678Z');
      const story = await create({ slug: 'later', status: 'scheduled', scheduledFor: at });
      expect(story).toMatchObject({ status: 'scheduled', publishedAt: at });
    });

    it("keeps a public story's old address as a redirect, refuses addresses others have or had, and takes its own back", async () => {
      const story = await create({ slug: 'old-address', status: 'published' });
      const moved = await saveStory(story.id, versionOf(story), write({ slug: 'new-address', status: 'published' }), editor);
      if (moved.kind !== 'saved') throw new Error(moved.kind);
      expect(await db.select({ slug: storyRedirects.slug }).from(storyRedirects).where(eq(storyRedirects.articleId, story.id))).toEqual([{ slug: 'old-address' }]);
      expect(await saveStory(null, 0, write({ slug: 'new-address' }), editor)).toEqual({ kind: 'slug-taken', redirect: false });
      expect(await saveStory(null, 0, write({ slug: 'old-address' }), editor)).toEqual({ kind: 'slug-taken', redirect: true });
      const back = await saveStory(story.id, versionOf(moved.after), write({ slug: 'old-address', status: 'published' }), editor);
      expect(back.kind).toBe('saved');
      expect(await db.select({ slug: storyRedirects.slug }).from(storyRedirects).where(eq(storyRedirects.articleId, story.id))).toEqual([{ slug: 'new-address' }]);
    });

    it('keeps the text a story had before the desk (seeded, imported) as its first revision', async () => {
      const seeded = await insertStory(db, { slug: 'seeded', sectionId, authorIds: [jo], headline: 'Seeded headline', body: 'Seeded body', status: 'published', publishedAt: new Date('2025-01-01T00:00:00Z') });
      const before = (await getDeskStory(seeded.id))!;
      const saved = await saveStory(seeded.id, versionOf(before), write({ slug: 'seeded', status: 'published', headline: 'New headline' }), editor, 'restore');
      expect(saved.kind).toBe('saved');
      const revisions = await db.select().from(storyRevisions).where(eq(storyRevisions.articleId, seeded.id)).orderBy(asc(storyRevisions.id));
      expect(revisions.map((row) => [row.kind, row.userName, row.fields.headline])).toEqual([
        ['save', 'before the desk', 'Seeded headline'],
        ['restore', 'Eve Editor', 'New headline'],
      ]);
      expect(revisions[0]!.createdAt).toEqual(new Date('2025-01-01T00:00:00Z'));
    });
  });

  describe('addCorrection', () => {
    it('adds a note to a published story only, moving its version, and lists the notes oldest first', async () => {
      const draft = await create({ slug: 'draft-for-correction' });
      expect(await addCorrection(draft.id, 'No.', editor)).toEqual({ kind: 'not-published' });
      expect(await addCorrection(draft.id + 10_000, 'No.', editor)).toEqual({ kind: 'not-found' });
      const story = await create({ slug: 'corrected', status: 'published' });
      const first = await addCorrection(story.id, 'The vote was on Tuesday.', other);
      if (first.kind !== 'added') throw new Error(first.kind);
      expect(versionOf(first.after)).toBeGreaterThan(versionOf(story));
      expect(first.after.updatedByName).toBe('Oscar Other');
      await addCorrection(story.id, 'And the minister was misnamed.', editor);
      expect(await listCorrections(story.id)).toEqual([
        expect.objectContaining({ text: 'The vote was on Tuesday.', byName: 'Oscar Other' }),
        expect.objectContaining({ text: 'And the minister was misnamed.', byName: 'Eve Editor' }),
      ]);
      const log = await db.select().from(moderationLog).where(and(eq(moderationLog.action, 'story.correction'), eq(moderationLog.targetId, story.id)));
      expect(log).toHaveLength(2);
    });
  });

  describe('autosaves', () => {
    it("keeps one autosave per writer, newer than the story's last save, until that writer saves", async () => {
      const story = await create({ slug: 'being-typed' });
      const fields = { ...write({ slug: 'being-typed', headline: 'Typed, not saved' }) };
      const first = await writeAutosave(story.id, fields, editor);
      const second = await writeAutosave(story.id, { ...fields, headline: 'Typed again' }, editor);
      await writeAutosave(story.id, { ...fields, headline: 'Oscar typing' }, other);
      expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime());
      const mine = await findAutosave(story.id, editor.id, null);
      expect(mine?.fields.headline).toBe('Typed again');
      expect(mine?.createdAt).toEqual(second);
      expect(await findAutosave(story.id, editor.id, new Date(second.getTime() + 1))).toBeNull();
      expect((await listRevisions(story.id)).map((row) => row.kind)).toEqual(['save']);
      await saveStory(story.id, versionOf(story), write({ slug: 'being-typed', headline: 'Typed again' }), editor);
      expect(await findAutosave(story.id, editor.id, null)).toBeNull();
      expect((await findAutosave(story.id, other.id, null))?.fields.headline).toBe('Oscar typing');
    });
  });

  describe('listDeskStories', () => {
    let words = '';
    beforeAll(async () => {
      words = `Zebra${Math.random().toString(36).slice(2, 8)}`;
      const base = new Date('2026-06-01T00:00:00Z').getTime();
      const row = (slug: string, headline: string, updatedAt: Date | null, publishedAt: Date | null, authorIds = [jo], section = otherSectionId) =>
        insertStory(db, { slug, sectionId: section, authorIds, headline, body: 'x', status: publishedAt ? 'published' : 'draft', publishedAt, updatedAt });
      await row('never-touched', `${words} never touched`, null, null);
      await row('changed-recently', `${words} changed recently`, new Date(base + 3_000), new Date(base));
      await row('published-only', `${words} published only`, null, new Date(base + 2_000), [sam]);
      await row('percent', `${words} 100% sure`, new Date(base + 1_000), null);
    });

    it('finds words in headlines whatever their case, a % matching itself, newest change first and the never-changed last', async () => {
      const { rows, total } = await listDeskStories({ q: words.toUpperCase() }, 1);
      expect(total).toBe(4);
      expect(typeof total).toBe('number');
      expect(rows.map((row) => row.slug)).toEqual(['changed-recently', 'published-only', 'percent', 'never-touched']);
      expect(rows[0]).toMatchObject({ sectionSlug: 'sport', bylines: [{ slug: 'jo', name: 'Jo Byline' }] });
      expect((await listDeskStories({ q: `${words.toLowerCase()} 100%` }, 1)).rows.map((row) => row.slug)).toEqual(['percent']);
      expect((await listDeskStories({ q: '100%sure' }, 1)).total).toBe(0);
    });

    it('filters by status, section and byline', async () => {
      expect((await listDeskStories({ q: words, status: 'published' }, 1)).rows.map((row) => row.slug)).toEqual(['changed-recently', 'published-only']);
      expect((await listDeskStories({ q: words, authorId: sam }, 1)).rows.map((row) => row.slug)).toEqual(['published-only']);
      expect((await listDeskStories({ q: words, ownAuthorId: sam, authorId: jo }, 1)).total).toBe(0);
      expect((await listDeskStories({ q: words, sectionId }, 1)).total).toBe(0);
      expect((await listDeskStories({ q: words }, 2)).rows).toEqual([]);
    });

    it('offers the sections in order and the bylines by name', async () => {
      const choices = await deskFilterChoices();
      expect(choices.sections.slice(0, 2).map((row) => row.name)).toEqual(['News', 'Sport']);
      expect(choices.authors.map((row) => row.name)).toEqual(['Jo Byline', 'Sam Byline']);
    });
  });

  describe('storyPageTags', () => {
    it("names a saved story's pages, and when it moves its section's, bylines' and topics' pages", async () => {
      const story = await create({ slug: 'tagged-pages', status: 'published', authorIds: [sam], topics: ['Rail'] });
      expect((await storyPageTags(db, [story], false)).sort()).toEqual([tags.article(story.id), tags.articleSlug('tagged-pages'), tags.storyText].sort());
      expect((await storyPageTags(db, [story], true)).sort()).toEqual(
        [tags.article(story.id), tags.articleSlug('tagged-pages'), tags.storyText, tags.latest, tags.section('news'), tags.author('sam'), tags.tag('rail')].sort(),
      );
    });
  });

  describe('at the same moment', () => {
    it('saves one of two saves over the same version and refuses the other', async () => {
      const story = await create({ slug: 'two-editors' });
      const results = await Promise.all(
        ['One', 'Two'].map((headline, index) => saveStory(story.id, versionOf(story), write({ slug: 'two-editors', headline }), index ? other : editor)),
      );
      expect(results.map((result) => result.kind).sort()).toEqual(['conflict', 'saved']);
      expect(await listRevisions(story.id)).toHaveLength(2);
    });

    it('creates a new topic once when two stories bring it at once', async () => {
      const results = await Promise.all(['first-with-topic', 'second-with-topic'].map((slug) => saveStory(null, 0, write({ slug, topics: ['Brand New Topic'] }), editor)));
      expect(results.map((result) => result.kind)).toEqual(['saved', 'saved']);
      expect((await listTopicNames()).filter((name) => name === 'Brand New Topic')).toHaveLength(1);
    });

    it('gives one address to one story when two ask for it at once', async () => {
      const results = await Promise.all([1, 2].map(() => saveStory(null, 0, write({ slug: 'wanted-address' }), editor)));
      expect(results.map((result) => result.kind).sort()).toEqual(['saved', 'slug-taken']);
    });

    it("keeps one autosave of a writer's two tabs", async () => {
      const story = await create({ slug: 'two-tabs' });
      await Promise.all(['Tab one', 'Tab two'].map((headline) => writeAutosave(story.id, write({ slug: 'two-tabs', headline }), editor)));
      const rows = await db.select().from(storyRevisions).where(and(eq(storyRevisions.articleId, story.id), eq(storyRevisions.kind, 'autosave')));
      expect(rows).toHaveLength(1);
    });
  });

  it('leaves no story half-saved: a save that fails inside the transaction changes nothing', async () => {
    const story = await create({ slug: 'whole-or-nothing' });
    // A byline that does not exist fails the insert after the story row was updated.
    await expect(saveStory(story.id, versionOf(story), write({ slug: 'whole-or-nothing', headline: 'Half', authorIds: [999_999] }), editor)).rejects.toThrow();
    expect((await db.select({ headline: articles.headline }).from(articles).where(eq(articles.id, story.id)))[0]?.headline).toBe(story.headline);
  });
}
