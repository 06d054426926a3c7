'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { findArticleForComment } from '@/db/articles';
import { forgottenOwnViewCookie, OWN_VIEW_COOKIE } from '@/lib/comment-cookies';
import { isStorageError } from '@/lib/storage-errors';
import { secureCookies } from '@/lib/config';
import { ownCommentsOn } from './own-comments';

const articleIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Removes this browser's per-reader view marker (`bs_yours`) from a story once the view has nothing
 * of the browser's left to show there: its held comments were decided and its edit window passed.
 * The browser then reads the story as the page cached for everyone, as it does every other story.
 *
 * Called by the view itself (forget-own-view.tsx) when it rendered nothing of the reader's. Anyone may
 * call it, as anyone may comment: it only ever expires the caller's own marker, and decides again
 * here, from the caller's signed cookies and the database, rather than take the page's word. While
 * the database cannot be read the marker stays, and the next visit tries again.
 */
export async function forgetOwnView(articleId: number): Promise<void> {
  const parsed = articleIdSchema.safeParse(articleId);
  if (!parsed.success) return;
  const jar = await cookies();
  if (!jar.has(OWN_VIEW_COOKIE)) return;
  try {
    const article = await findArticleForComment(parsed.data);
    if (!article) return;
    if ((await ownCommentsOn(article.id)).shown.length > 0) return;
    jar.set(forgottenOwnViewCookie(`/${article.sectionSlug}/${article.slug}`, secureCookies()));
  } catch (error) {
    if (!isStorageError(error)) throw error;
  }
}
