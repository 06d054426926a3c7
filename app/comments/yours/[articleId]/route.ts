import { NextResponse } from 'next/server';
import { findArticleForComment } from '@/db/articles';
import { ownViewCookie } from '@/lib/comment-cookies';
import { secureCookies } from '@/lib/config';
import { parsePage } from '@/lib/params';
import { ownCommentsOn } from '@/app/(site)/[section]/[slug]/yours/own-comments';
import { threadAddress } from '../../[id]/thread-address';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

const noStore = { 'Cache-Control': 'private, no-store' };

/**
 * `/comments/yours/STORY`: this browser's comments on a story, wherever the story is now. proxy.ts
 * sends a browser here when its per-reader view's marker is on an address the story has left (it
 * moved to another section, or got a new address, after the comment was posted). When the browser
 * still has a comment there shown to it alone (held, or still editable), the marker is set at the
 * story's address now and the answer lands on the newest such comment in its thread; otherwise on
 * the story's page, as anyone reads it. Anyone may ask: the signed cookies say whose comments are whose.
 */
export const GET = answeredWhenStorageFails('comments', async function GET(_request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  const articleId = parsePage((await params).articleId);
  const article = articleId === null ? null : await findArticleForComment(articleId);
  if (!article) return new NextResponse('Not found', { status: 404, headers: noStore });
  const { pendingIds, own, shown } = await ownCommentsOn(article.id);
  const thread = shown.length > 0 ? await threadAddress(Math.max(...shown), pendingIds, own) : null;
  const response = new NextResponse(null, { status: 303, headers: { Location: thread?.address ?? `/${article.sectionSlug}/${article.slug}`, ...noStore } });
  if (thread?.yours) response.cookies.set(ownViewCookie(thread.storyPath, secureCookies()));
  return response;
});
