/**
 * db/sections.ts's cases, run on SQLite (sections.test.ts) and on PostgreSQL (sections.pg.test.ts).
 * The calling file points the app's `db` at a fresh database and mocks 'server-only' and 'next/cache'.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SectionInput } from '@/lib/section-form';
import { insertAuthor, insertEditor, insertStory } from '../test/content-rows';
import type { Db } from './client';
import { moderationLog } from './schema';
import { countSections, getDeskSection, listDeskSections, listNavigationSections, saveSection, sectionVersion } from './sections';

export function sectionCases(db: Db) {
  let editor: { id: number; name: string };
  let authorId = 0;
  beforeAll(async () => {
    editor = await insertEditor(db, 'Sue Sections');
    authorId = (await insertAuthor(db, 'sections-author')).id;
  });

  const input = (name: string, position: number, slug = name.toLowerCase()): SectionInput => ({ name, slug, description: `All about ${name}`, position });

  async function add(name: string, position: number) {
    const saved = await saveSection(null, input(name, position), '', editor);
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    return saved.id;
  }

  const order = async () => (await listNavigationSections()).map((section) => section.slug);

  describe('saveSection', () => {
    it('adds sections at the place asked, numbering every section 1, 2, 3…', async () => {
      await add('News', 1);
      await add('Sport', 2);
      await add('Culture', 1);
      await add('Money', 99);
      expect(await order()).toEqual(['culture', 'news', 'sport', 'money']);
      expect((await listDeskSections()).map((row) => row.position)).toEqual([1, 2, 3, 4]);
      expect(await countSections()).toBe(4);
      expect(await saveSection(null, input('Other news', 1, 'news'), '', editor)).toEqual({ kind: 'slug-taken', by: 'News' });
    });

    it('renames and moves a section, with its log row; refuses a stale form saying who saved last', async () => {
      const id = (await listDeskSections()).find((row) => row.slug === 'sport')!.id;
      const before = (await getDeskSection(id))!;
      expect(before).toMatchObject({ slug: 'sport', name: 'Sport', place: 3, stories: 0 });
      const saved = await saveSection(id, input('Sports', 1, 'sports'), before.version, editor);
      expect(saved).toMatchObject({ kind: 'saved', id, before: { slug: 'sport', name: 'Sport' }, after: { slug: 'sports', name: 'Sports' }, storyIds: [] });
      expect(await order()).toEqual(['sports', 'culture', 'news', 'money']);
      const stale = await saveSection(id, input('Sport again', 1, 'sports'), before.version, editor);
      expect(stale).toMatchObject({ kind: 'stale', by: 'Sue Sections' });
      expect(stale.kind === 'stale' && stale.at).toBeInstanceOf(Date);
      const log = await db.select().from(moderationLog).where(and(eq(moderationLog.targetType, 'section'), eq(moderationLog.targetId, id)));
      expect(log.map((row) => row.action).sort()).toEqual(['section.create', 'section.save']);
      expect(await saveSection(id + 10_000, input('Nowhere', 1), 'x', editor)).toEqual({ kind: 'not-found' });
    });

    it("keeps a section's address while it holds stories, and counts them", async () => {
      const id = (await listDeskSections()).find((row) => row.slug === 'news')!.id;
      const story = await insertStory(db, { slug: 'in-news', sectionId: id, authorIds: [authorId], headline: 'In News', body: 'x', status: 'draft' });
      const section = (await getDeskSection(id))!;
      expect(section.stories).toBe(1);
      expect((await listDeskSections()).find((row) => row.id === id)?.stories).toBe(1);
      expect(await saveSection(id, input('News', section.place, 'headlines'), section.version, editor)).toEqual({ kind: 'slug-fixed', slug: 'news', stories: 1 });
      const renamed = await saveSection(id, input('The News', section.place, 'news'), sectionVersion(section), editor);
      expect(renamed).toMatchObject({ kind: 'saved', storyIds: [story.id], before: { name: 'News' }, after: { name: 'The News' } });
    });

    it('keeps the places whole when several editors save at once', async () => {
      await Promise.all(['Travel', 'Food', 'Books', 'Films', 'Music', 'Games', 'Cars', 'Homes'].map((name, index) => add(name, (index % 3) + 1)));
      const positions = (await listDeskSections()).map((row) => row.position);
      expect(positions).toEqual(positions.map((_, index) => index + 1));
    });
  });
}
