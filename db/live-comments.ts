import 'server-only';
import { and, count, eq, max } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import type { LiveCount } from '@/lib/live-comments';
import { db } from './client';
import { articles, comments } from './schema';
import { tags } from './tags';

/**
 * A published story's approved-comment count and newest approved id, for the pages that poll it
 * (lib/live-comments.ts); null for a draft or an unknown id. Cached under the story's comments tag,
 * which every approval updates, on every server (cache-handlers/tag-state.mjs), and its own, which
 * unpublishing updates. Nothing about a commenter but their number leaves here.
 */
export async function getLiveCount(articleId: number): Promise<LiveCount | null> {
  'use cache';
  cacheTag(tags.comments(articleId), tags.article(articleId));
  cacheLife('content');
  const [story] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.status, 'published')));
  if (!story) {
    // Not kept: any number can be asked for, and each kept answer would push a page out of memory.
    cacheLife({ stale: 0, revalidate: 0, expire: 0 });
    return null;
  }
  const [row] = await db
    .select({ count: count(), newestId: max(comments.id) })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')));
  // count(*) is a bigint, which node-postgres hands over as a string.
  return { count: Number(row?.count ?? 0), newestId: row?.newestId ?? null };
}
