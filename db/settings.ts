import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { CommentSettings } from '@/lib/comment-settings';
import { db, preparedOnce } from './client';
import { settings } from './schema';
import { tags } from './tags';

const COMMENTS_KEY = 'comments';

/** The comment rules in force now, read fresh (for deciding a new comment's fate). */
const settingRow = preparedOnce(db, (database) =>
  database.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare(),
);

export function readCommentSettings(): CommentSettings {
  const row = settingRow().get({ key: COMMENTS_KEY });
  const parsed = CommentSettings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : CommentSettings.parse({});
}

/** The same, cached for rendering pages; saving settings updates the tag. */
export async function getCommentSettings(): Promise<CommentSettings> {
  'use cache';
  cacheTag(tags.settings);
  cacheLife('content');
  return readCommentSettings();
}

export function saveCommentSettings(value: CommentSettings) {
  db.insert(settings)
    .values({ key: COMMENTS_KEY, value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } })
    .run();
}

/** Saves new comment settings and returns the ones they replace (for the log), read and written together. */
export function replaceCommentSettings(value: CommentSettings): CommentSettings {
  return db.transaction(
    () => {
      const before = readCommentSettings();
      saveCommentSettings(value);
      return before;
    },
    { behavior: 'immediate' },
  );
}
