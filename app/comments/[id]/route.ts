import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { PENDING_COOKIE, readPendingIds } from '@/lib/comment-cookies';
import { parsePage } from '@/lib/params';
import { threadAddress } from './thread-address';

/**
 * `/comments/ID`: a permalink that lands on the page of the thread holding the comment. A held
 * comment resolves only for the browser that wrote it; anything else not public is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parsePage((await params).id);
  const target = id === null ? null : await threadAddress(id, readPendingIds((await cookies()).get(PENDING_COOKIE)?.value));
  if (!target) return new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'private, no-store' } });
}
