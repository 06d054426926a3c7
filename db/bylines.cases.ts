/**
 * db/bylines.ts's cases, run on SQLite (bylines.test.ts) and on PostgreSQL (bylines.pg.test.ts).
 * The calling file points the app's `db` at a fresh database and mocks 'server-only'.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertEditor, insertSection, insertStory } from '../test/content-rows';
import { getByline, listBylines, saveByline } from './bylines';
import type { Db } from './client';
import { authorRedirects, moderationLog } from './schema';

export function bylineCases(db: Db) {
  let editor: { id: number; name: string };
  let sectionId = 0;
  beforeAll(async () => {
    editor = await insertEditor(db, 'Bea Bylines');
    sectionId = (await insertSection(db, 'bylines-news')).id;
  });

  const values = (name: string, slug: string) => ({ name, slug, bio: `${name} writes.`, photoSrc: null });

  describe('saveByline', () => {
    it('creates a byline with its log row, and lists bylines by name with their story counts', async () => {
      const saved = await saveByline(null, values('Zoe Writer', 'zoe'), editor);
      if (saved.kind !== 'saved') throw new Error(saved.kind);
      expect(saved).toMatchObject({ slugs: ['zoe'], storyIds: [] });
      const anna = await saveByline(null, values('Anna Writer', 'anna'), editor);
      if (anna.kind !== 'saved') throw new Error(anna.kind);
      const story = await insertStory(db, { slug: 'by-zoe', sectionId, authorIds: [saved.id, anna.id], headline: 'By Zoe', body: 'x', status: 'published', publishedAt: new Date() });
      await insertStory(db, { slug: 'by-zoe-2', sectionId, authorIds: [saved.id], headline: 'By Zoe too', body: 'x', status: 'draft' });
      const list = await listBylines();
      expect(list.map((row) => [row.name, row.stories])).toEqual([
        ['Anna Writer', 1],
        ['Zoe Writer', 2],
      ]);
      expect(await getByline(saved.id)).toEqual({ id: saved.id, slug: 'zoe', name: 'Zoe Writer', bio: 'Zoe Writer writes.', photoSrc: null });
      expect(await getByline(saved.id + 10_000)).toBeNull();
      const log = await db.select().from(moderationLog).where(eq(moderationLog.targetType, 'byline'));
      expect(log.map((row) => row.action)).toEqual(['byline.create', 'byline.create']);
      const again = await saveByline(saved.id, values('Zoe Writer', 'zoe'), editor);
      expect(again).toMatchObject({ kind: 'saved', storyIds: expect.arrayContaining([story.id]) });
    });

    it('keeps an old address as a redirect, refuses addresses others have or had, and takes its own back', async () => {
      const id = (await listBylines()).find((row) => row.slug === 'zoe')!.id;
      const moved = await saveByline(id, values('Zoe Writer', 'zoe-writer'), editor);
      expect(moved).toMatchObject({ kind: 'saved', slugs: ['zoe', 'zoe-writer'] });
      expect(await db.select({ slug: authorRedirects.slug }).from(authorRedirects).where(eq(authorRedirects.authorId, id))).toEqual([{ slug: 'zoe' }]);
      expect(await saveByline(null, values('Another Zoe', 'zoe'), editor)).toEqual({ kind: 'slug-taken', redirect: true });
      expect(await saveByline(null, values('Another Anna', 'anna'), editor)).toEqual({ kind: 'slug-taken', redirect: false });
      expect(await saveByline(id + 10_000, values('Nobody', 'nobody'), editor)).toEqual({ kind: 'not-found' });
      await saveByline(id, values('Zoe Writer', 'zoe'), editor);
      expect(await db.select({ slug: authorRedirects.slug }).from(authorRedirects).where(eq(authorRedirects.authorId, id))).toEqual([{ slug: 'zoe-writer' }]);
    });

    it('gives one address to one byline when two ask for it at once', async () => {
      const results = await Promise.all(['Kit One', 'Kit Two'].map((name) => saveByline(null, values(name, 'kit'), editor)));
      expect(results.map((result) => result.kind).sort()).toEqual(['saved', 'slug-taken']);
    });
  });
}
