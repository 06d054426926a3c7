import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { OWN_COOKIE, ownViewCookie, PENDING_COOKIE, readOwnComments, readPendingIds } from '@/lib/comment-cookies';
import { secureCookies } from '@/lib/config';
import { parsePage } from '@/lib/params';
import { threadAddress } from './thread-address';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

/**
 * `/comments/ID`: a permalink that lands on the page of the thread holding the comment. A held
 * comment resolves only for the browser that wrote it; anything else not public is a 404.
 *
 * When the comment is the browser's own and shown to it alone (held, or still editable), the answer
 * also sets the per-reader view's marker on the story's current address, so that the story shows it
 * even when it has moved since the comment was posted (another section, a new address): the marker
 * set then is on the old address. The per-reader view of an old address sends its reader here.
 */
export const GET = answeredWhenStorageFails('comments', async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parsePage((await params).id);
  const jar = await cookies();
  const target = id === null ? null : await threadAddress(id, readPendingIds(jar.get(PENDING_COOKIE)?.value), readOwnComments(jar.get(OWN_COOKIE)?.value));
  if (!target) return new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  const response = new NextResponse(null, { status: 303, headers: { Location: target.address, 'Cache-Control': 'private, no-store' } });
  if (target.yours) response.cookies.set(ownViewCookie(target.storyPath, secureCookies()));
  return response;
});
