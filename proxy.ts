import { NextResponse } from 'next/server';
import { auth } from '@/auth';

/**
 * Early redirects and refusals only; every page, action and route handler still checks the session
 * and role itself (auth.ts). What this adds is the right status before any byte of a page is sent:
 * desk pages are rendered per request and stream, so a page cannot change its status once started.
 */
const adminPaths = ['/moderation/settings', '/moderation/users', '/moderation/privacy'];

const forbiddenPage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Admins only | Broadsheet</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<p>Error 403</p><h1>Admins only</h1><p>Your account can moderate comments, but this page is for admins.</p>
<p><a href="/moderation">Back to the moderation desk</a></p></body></html>`;

export const proxy = auth((request) => {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/moderation') && (request.method === 'GET' || request.method === 'HEAD')) {
    const role = request.auth?.user?.role;
    if (!request.auth?.user) {
      const login = new URL('/login', request.url);
      login.searchParams.set('next', pathname + request.nextUrl.search);
      return NextResponse.redirect(login);
    }
    // An answer address only takes its page's forms posted without JavaScript (app/moderation/users/
    // people.tsx): a visit goes to the page, so that Next never renders and keeps a shell for it.
    const answer = /^(\/moderation\/[a-z-]+)\/answer(\/|$)/.exec(pathname);
    if (answer) return NextResponse.redirect(new URL(answer[1]!, request.url));
    if (adminPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`)) && role !== 'admin') {
      // The pages call forbidden() themselves too; answering here gives the 403 status.
      return new NextResponse(forbiddenPage, {
        status: 403,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
      });
    }
  }
  return NextResponse.next();
});

export const config = {
  // The desk only: public pages and comment posts never run the proxy (or Auth.js). Cross-site posts
  // are refused by the server itself (scripts/serve.ts, lib/cross-site.ts).
  matcher: ['/moderation/:path*'],
};
