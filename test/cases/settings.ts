/**
 * db/settings.ts's and db/moderation-log.ts's cases, for both engines: db/settings.test.ts and
 * db/moderation-log.test.ts run them on SQLite, the *.pg.test.ts twins on PostgreSQL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CommentSettings, defaultCommentSettings } from '@/lib/comment-settings';
import type { Db } from '../../db/client';
import { listLog, LOG_PAGE_SIZE, logModeration } from '../../db/moderation-log';
import { moderationLog, settings, users } from '../../db/schema';
import { getCommentSettings, readCommentSettings, replaceCommentSettings, saveCommentSettings } from '../../db/settings';

export function settingsCases(database: Db) {
  beforeEach(async () => {
    await database.delete(settings);
  });

  describe('comment settings', () => {
    it('reads the defaults until saved, then what was saved', async () => {
      expect(await readCommentSettings()).toEqual(defaultCommentSettings);
      const saved = CommentSettings.parse({ floodIntervalSeconds: 30, reportThreshold: 5, manualApproval: false });
      await saveCommentSettings(saved);
      expect(await readCommentSettings()).toEqual(saved);
      expect(await getCommentSettings()).toEqual(saved);
      await saveCommentSettings(defaultCommentSettings);
      expect(await readCommentSettings()).toEqual(defaultCommentSettings);
    });

    it('falls back to the defaults when the stored value no longer parses', async () => {
      await database.insert(settings).values({ key: 'comments', value: { floodIntervalSeconds: 'soon' }, updatedAt: new Date() });
      expect(await readCommentSettings()).toEqual(defaultCommentSettings);
    });

    it('replaceCommentSettings gives the settings it replaces', async () => {
      const first = CommentSettings.parse({ threadDepth: 3 });
      const second = CommentSettings.parse({ threadDepth: 7 });
      expect(await replaceCommentSettings(first)).toEqual(defaultCommentSettings);
      expect(await replaceCommentSettings(second)).toEqual(first);
      expect(await readCommentSettings()).toEqual(second);
    });

    it('each of concurrent replacements gives a different predecessor', async () => {
      const values = [2, 4, 6, 8].map((threadDepth) => CommentSettings.parse({ threadDepth }));
      const before = await Promise.all(values.map((value) => replaceCommentSettings(value)));
      // Each replaced either the defaults or one of the others, and no two the same one.
      expect(new Set(before.map((value) => value.threadDepth)).size).toBe(values.length);
    });
  });
}

export function logCases(database: Db) {
  beforeEach(async () => {
    await database.delete(moderationLog);
  });

  describe('the moderation log', () => {
    it('appends entries and lists them newest first, a page at a time', async () => {
      await database.delete(users);
      const [mo] = await database.insert(users).values({ email: 'mo@example.com', name: 'Mo', passwordHash: 'x' }).returning({ id: users.id });
      for (let i = 0; i < LOG_PAGE_SIZE + 2; i++) {
        await logModeration({ actor: i % 2 ? { id: mo!.id, name: 'Mo' } : null, action: `test.${i}`, targetType: 'comment', targetId: i, before: { n: i }, after: null });
      }
      const first = await listLog(1);
      expect(first.total).toBe(LOG_PAGE_SIZE + 2);
      expect(first.pageCount).toBe(2);
      expect(first.rows).toHaveLength(LOG_PAGE_SIZE);
      expect(first.rows[0]).toMatchObject({ action: `test.${LOG_PAGE_SIZE + 1}`, actorId: mo!.id, actorName: 'Mo', targetType: 'comment', before: { n: LOG_PAGE_SIZE + 1 }, after: null });
      const second = await listLog(2);
      expect(second.rows.map((row) => [row.action, row.actorName])).toEqual([
        ['test.1', 'Mo'],
        ['test.0', 'System'],
      ]);
    });
  });
}
