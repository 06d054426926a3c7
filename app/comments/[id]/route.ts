import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { findCommentLocation, listApprovedComments, listOwnPendingComments } from '@/db/comments';
import { getCommentSettings } from '@/db/settings';
import { PENDING_COOKIE, readPendingIds } from '@/lib/comment-cookies';
import { parsePage } from '@/lib/params';
import { buildThread, pageOfComment } from '@/lib/thread';

/**
 * `/comments/ID`: a permalink that lands on the page of the thread holding the comment. A held
 * comment resolves only for the browser that wrote it; anything else not public is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parsePage((await params).id);
  const location = id === null ? null : await findCommentLocation(id);
  const ownIds = readPendingIds((await cookies()).get(PENDING_COOKIE)?.value);
  const visible = location && (location.status === 'approved' || (location.status === 'pending' && ownIds.includes(location.id)));
  if (!location || !visible) return new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } });

  const settings = await getCommentSettings();
  const shown = [...(await listApprovedComments(location.articleId)), ...(await listOwnPendingComments(location.articleId, ownIds))];
  const page = pageOfComment(buildThread(shown, settings.threadDepth), settings.commentsPerPage, location.id) ?? 1;
  const path = `/${location.sectionSlug}/${location.slug}`;
  const target = `${path}${page > 1 ? `?cpage=${page}` : ''}#comment-${location.id}`;
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'private, no-store' } });
}
