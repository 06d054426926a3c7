/**
 * db/wordpress-jobs.ts's cases (the desk's import queue), run on SQLite (wordpress-jobs.test.ts) and
 * on PostgreSQL (wordpress-jobs.pg.test.ts).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '@/lib/wordpress/progress-text';
import { insertEditor } from '../test/content-rows';
import type { Db } from './client';
import { wordpressImports } from './schema';
import { activeJob, claimedJob, failStalledJobs, finishJob, getJob, listJobs, queueJob, STALLED_AFTER_MS, writeJobProgress } from './wordpress-jobs';

export function wordpressJobCases(db: Db) {
  let editor: { id: number; name: string };
  beforeAll(async () => {
    editor = await insertEditor(db, 'Ian Importer');
  });

  const job = (fileName: string) => ({ fileName, filePath: `/tmp/${fileName}`, dryRun: false, mediaFrom: '', createdBy: editor.id });
  const progress = { site: 'https://old.example', bytesRead: 10, totalBytes: 100, itemsRead: 1 } as unknown as ImportProgress;

  describe('the import queue', () => {
    it('is claimed once, writes its progress and ends; the active one is the one queued or running', async () => {
      const id = await queueJob(db, job('first.xml'));
      expect((await activeJob(db))?.id).toBe(id);
      const claims = await Promise.all([claimedJob(db, id), claimedJob(db, id)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(claims.find(Boolean)).toMatchObject({ id, status: 'running', actorName: 'Ian Importer', dryRun: false });
      await writeJobProgress(db, id, progress);
      expect((await getJob(db, id))?.progress).toEqual(progress);
      await finishJob(db, id, { status: 'done', summary: 'All in.' });
      const done = (await getJob(db, id))!;
      expect(done).toMatchObject({ status: 'done', summary: 'All in.', error: '', progress });
      expect(done.finishedAt).toBeInstanceOf(Date);
      expect(await activeJob(db)).toBeUndefined();
      expect(await claimedJob(db, id)).toBeNull();
      expect(await getJob(db, id + 1000)).toBeUndefined();
    });

    it('fails the imports that stopped writing or never started, and lists the newest first', async () => {
      const now = Date.now();
      const running = await queueJob(db, job('running.xml'));
      await claimedJob(db, running);
      const queued = await queueJob(db, job('queued.xml'));
      const fresh = await queueJob(db, job('fresh.xml'));
      const longAgo = new Date(now - STALLED_AFTER_MS - 1_000);
      for (const id of [running, queued]) await db.update(wordpressImports).set({ updatedAt: longAgo }).where(eq(wordpressImports.id, id));
      await failStalledJobs(db, now);
      expect((await getJob(db, running))).toMatchObject({ status: 'failed', error: expect.stringContaining('stopped without finishing') });
      expect((await getJob(db, queued))).toMatchObject({ status: 'failed', error: expect.stringContaining('never started') });
      expect((await getJob(db, fresh))?.status).toBe('queued');
      expect((await listJobs(db, 2)).map((row) => row.id)).toEqual([fresh, queued]);
    });
  });
}
