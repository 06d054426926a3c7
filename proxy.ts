import { type NextRequest, NextResponse } from 'next/server';

/**
 * Early refusals only; every action and route handler still checks what it needs itself.
 *
 * Cross-site form posts: Next refuses a server action whose Origin is not this host, but answers
 * with a 500. Refusing here first gives the browser a plain 403 and keeps the logs clean.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const origin = request.headers.get('origin');
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    if (origin && origin !== 'null' && host && safeHost(origin) !== host) {
      return new NextResponse('Cross-site request refused.', {
        status: 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
      });
    }
    if (origin === 'null') {
      return new NextResponse('Cross-site request refused.', { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
    }
  }
  return NextResponse.next();
}

function safeHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
}

export const config = {
  // Browsers send Origin on posts, not on ordinary page loads: reading pages never runs the proxy.
  matcher: [{ source: '/:path*', has: [{ type: 'header', key: 'origin' }] }],
};
