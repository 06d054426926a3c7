import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { auth } from '@/auth';
import { storyAddressOf } from '@/db/articles';
import { getDeskStory } from '@/db/stories';
import { authorOfUser, findUserById } from '@/db/users';
import { forgottenOwnViewCookie, OWN_COOKIE, PENDING_COOKIE, POSTED_FLASH } from '@/lib/comment-cookies';
import { secureCookies } from '@/lib/config';
import { flashCookieName } from '@/lib/flash';
import { parseSlug } from '@/lib/params';
import { isStorageError } from '@/lib/storage-errors';
import { maySaveStory } from '@/lib/story-form';
import { canEditEveryStory, canModerateComments, canWriteStories, homeFor, type UserRole } from '@/lib/user-roles';
import { tooLarge } from '@/server/body-limits';
import { CROSS_SITE_REFUSAL, refusedAsCrossSite } from '@/server/cross-site';
import { showsOwnComments } from '@/server/own-view';
import { internalUrl, isOwnView } from '@/server/public-routes';

/**
 * Runs only for the requests its matcher names, never for a plain cached page:
 * - writes that carry an Origin (every browser post does), except the small ones a browser marks as
 *   same-origin (see the matcher): one from another site is refused with 403 before Next reads it
 *   (Next's own check refuses a cross-site server action with a 500), one larger than its path
 *   allows with 413 (server/body-limits.ts);
 * - public addresses that carry a query string or the pending-commenter cookie, rewritten to the
 *   paths Next caches (`/news?page=2` → `/news/page/2`, `?corder=likes` → `comments/1/likes`, server/public-routes.ts);
 * - the desk, for early redirects and refusals only: every page, action and route handler still
 *   checks the session and role itself (auth.ts). What this adds is the right status before any
 *   byte of a page is sent: desk pages stream, so a page cannot change its status once started;
 * - a story's per-reader view asked for at an address the story has left, for the same reason, or
 *   by a browser with nothing of its own left on the story (ownViewAnswer below).
 */
const adminPaths = ['/moderation/settings', '/moderation/users', '/moderation/privacy'];

const forbiddenPage = (title: string, text: string, back: string) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} | Broadsheet</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<p>Error 403</p><h1>${title}</h1><p>${text}</p>
<p><a href="${back}">Back to your desk</a></p></body></html>`;

/** The 403 this proxy gives a signed-in account on a desk page its role does not open, if any. */
function refusal(pathname: string, role: UserRole | undefined) {
  if (!role) return null;
  const home = homeFor(role);
  if (pathname === '/desk' || pathname.startsWith('/desk/')) {
    if (!canWriteStories(role)) return forbiddenPage('Newsroom staff only', 'Your account moderates comments; stories are for editors and authors.', home);
    if (/^\/desk\/bylines(\/|$)/.test(pathname) && !canEditEveryStory(role)) return forbiddenPage('Editors only', 'Bylines are kept by editors.', home);
    if (/^\/desk\/sections(\/|$)/.test(pathname) && !canEditEveryStory(role)) return forbiddenPage('Editors only', 'Sections are kept by editors.', home);
    if (/^\/desk\/import(\/|$)/.test(pathname) && role !== 'admin') return forbiddenPage('Admins only', 'Importing a site is for admins.', home);
    return null;
  }
  if (!canModerateComments(role)) return forbiddenPage('Moderators only', 'Your account writes stories; comments are for moderators and editors.', home);
  if (adminPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`)) && role !== 'admin') {
    return forbiddenPage('Admins only', 'Your account can moderate comments, but this page is for admins.', home);
  }
  return null;
}

/** The 403 for a story's pages (its form, revisions, preview) that this account may not open: an author on another's story, or one an editor has taken on. */
async function storyRefusal(pathname: string, userId: number, role: UserRole) {
  const id = /^\/desk\/stories\/(\d{1,12})(\/|$)/.exec(pathname)?.[1];
  if (!id || canEditEveryStory(role)) return null;
  const story = await getDeskStory(Number(id));
  if (!story || maySaveStory(role, (await authorOfUser(userId))?.id ?? null, story)) return null;
  return forbiddenPage('Not your story', 'This story is another writer’s, or an editor has it now.', homeFor(role));
}

// Auth.js's middleware form, as its docs show it (`export default auth((req) => …)`); its overloads
// type it as a route handler, so it is named here as the middleware it is.
const desk = auth(async (request) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const { pathname } = request.nextUrl;
  if (!request.auth?.user) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  // An answer address only takes its page's forms posted without JavaScript (app/moderation/users/
  // people.tsx): a visit goes to the page, so that Next never renders and keeps a shell for it.
  const answer = /^(\/(?:moderation|desk)\/[a-z-]+)\/answer(\/|$)/.exec(pathname);
  if (answer) return NextResponse.redirect(new URL(answer[1]!, request.url));
  // The role as it is now, not as it was at sign-in: an account promoted since counts at once.
  const account = await findUserById(Number(request.auth.user.id));
  const role = account && !account.disabled ? account.role : undefined;
  const refused = refusal(pathname, role) ?? (account && role ? (await storyRefusal(pathname, account.id, role)) : null);
  if (refused) {
    // The pages call forbidden() themselves too; answering here gives the 403 status.
    return new NextResponse(refused, {
      status: 403,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
  return NextResponse.next();
}) as unknown as NextMiddleware;

/**
 * A request for a story's per-reader view (it carries the view's marker, `bs_yours`), answered here
 * before any byte of the page is sent, or null to render the view. One read by unique key, and one
 * of the browser's own comments by primary key, for browsers carrying a marker only.
 *
 * - The story has moved since the marker was set (another section, a new address): the view's page
 *   could only redirect from inside its stream, after a 200 was sent, which a browser without
 *   JavaScript never follows. So the browser goes to `/comments/yours/ID` first
 *   (app/comments/yours/[articleId]/route.ts), which sets the marker at the story's address now and
 *   lands on the reader's comment there, and the marker on the old address is dropped.
 * - Nothing of the browser's is left to show on the story (its held comments were decided, the edit
 *   window passed; server/own-view.ts): the marker is dropped and the browser is sent back to the same
 *   address, now the page cached for everyone, as every other story is for it. With or without
 *   JavaScript. Not while the answer to a post waits in its flash for the view to say it.
 */
async function ownViewAnswer(request: NextRequest, pathname: string) {
  let address: string;
  try {
    address = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const slug = parseSlug(address.split('/')[2] ?? '');
  let story: Awaited<ReturnType<typeof storyAddressOf>>;
  let shown = true;
  try {
    story = slug ? await storyAddressOf(slug) : null;
    if (story && story.path === address && !request.cookies.has(flashCookieName(POSTED_FLASH))) {
      shown = await showsOwnComments(story.id, { pending: request.cookies.get(PENDING_COOKIE)?.value, own: request.cookies.get(OWN_COOKIE)?.value });
    }
  } catch (error) {
    // The page says the database cannot be read, as it does for anyone; the next visit decides again.
    if (isStorageError(error)) return null;
    throw error;
  }
  if (!story) return null;
  if (story.path !== address) {
    const response = NextResponse.redirect(new URL(`/comments/yours/${story.id}`, request.url), 303);
    response.headers.set('Cache-Control', 'private, no-store');
    response.cookies.set(forgottenOwnViewCookie(pathname, secureCookies()));
    return response;
  }
  if (shown) return null;
  // The same address again, without the marker (expired on the path it was set on): no page sent
  // here carries a Set-Cookie, so every cache may keep the page as it keeps it for everyone.
  const response = NextResponse.redirect(new URL(pathname + request.nextUrl.search, request.url), 303);
  response.headers.set('Cache-Control', 'private, no-store');
  response.cookies.set(forgottenOwnViewCookie(story.path, secureCookies()));
  return response;
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? undefined;
  if (refusedAsCrossSite(request.method, request.nextUrl.pathname, request.headers.get('origin') ?? undefined, host)) {
    return new NextResponse(CROSS_SITE_REFUSAL, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
  const { pathname, search } = request.nextUrl;
  // Under plain `next start` nothing else holds posts to their size before Next reads them.
  if (request.method === 'POST' && tooLarge(pathname, request.headers.get('content-length'), request.headers.get('cookie'))) {
    return new NextResponse('Request body too large.', {
      status: 413,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
  if (/^\/(moderation|desk)(\/|$)/.test(pathname)) return desk(request, event);
  const internal = internalUrl(pathname + search, request.headers.get('cookie') ?? undefined);
  if (!internal) return NextResponse.next();
  // Reads only: a form posted to the old address (its page open since before the move) is still taken.
  const read = request.method === 'GET' || request.method === 'HEAD';
  return (read && isOwnView(pathname, internal) && (await ownViewAnswer(request, pathname))) || NextResponse.rewrite(new URL(internal, request.url));
}

// Literal values: Next reads this object when it builds, without running the module.
// server/public-routes.test.ts checks the cookie's name against OWN_VIEW_COOKIE.
export const config = {
  matcher: [
    '/moderation/:path*',
    '/desk/:path*',
    // Writes. Every browser names the posting page's Origin, and marks a post from a page of this
    // very origin `Sec-Fetch-Site: same-origin`, a header no page can set. Such a post, when it is
    // too small to be refused (under 1,000,000 bytes, so 6 digits), is left to Next: the proxy's
    // checks could not refuse it, and running the proxy for it costs a comment post about a quarter
    // of its time (Next copies the body for it). Every other write still comes here: from another
    // site, from a browser that does not send the header, or large.
    { source: '/:path*', has: [{ type: 'header', key: 'origin' }], missing: [{ type: 'header', key: 'sec-fetch-site', value: 'same-origin' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'origin' }, { type: 'header', key: 'content-length', value: '[0-9]{7,}' }] },
    { source: '/', has: [{ type: 'query', key: 'page' }] },
    { source: '/:first', has: [{ type: 'query', key: 'page' }] },
    { source: '/:first/:second', has: [{ type: 'query', key: 'page' }] },
    { source: '/:section/:slug', has: [{ type: 'query', key: 'cpage' }] },
    { source: '/:section/:slug', has: [{ type: 'query', key: 'corder' }] },
    { source: '/:section/:slug', has: [{ type: 'query', key: 'replytocom' }] },
    { source: '/:section/:slug', has: [{ type: 'cookie', key: 'bs_yours' }] },
  ],
};
