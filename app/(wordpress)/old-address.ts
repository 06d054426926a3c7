import type { NextRequest } from 'next/server';
import { listNavigationSections } from '@/db/sections';
import { findOldPathTarget } from '@/db/wordpress-addresses';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';
import { site } from '@/lib/site';

/**
 * The answer to an old WordPress address (docs/wordpress-addresses.md): a 301 to where it leads now,
 * or a plain 404 page. Route handlers answer them, as a page can only answer 308: the first segments
 * only WordPress has (`/category/`, `/tag/`, `/author/`, `/archives/`, feeds, `/page/N`: this
 * folder), paths of three or more segments no page holds (`/2025/02/12/my-story`:
 * app/(site)/[section]/[slug]/[...rest]) and `/` with WordPress's query keys (`/?p=123`, rewritten
 * to app/wordpress-addresses by next.config.ts). They are routes of their own, not rewrites, so that
 * an ordinary page's request checks no extra rule.
 */
export const answerOldAddress = answeredWhenStorageFails('old addresses', async function answerOldAddress(path: string, query: URLSearchParams): Promise<Response> {
  const target = await findOldPathTarget(path, query);
  if (target) {
    // A day in browsers (a 301 is otherwise kept for good), a minute in shared caches, as pages are.
    return new Response(null, { status: 301, headers: { Location: target, 'Cache-Control': 'public, max-age=86400, s-maxage=60' } });
  }
  return new Response(await notFoundPage(), {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, s-maxage=60' },
  });
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** app/not-found.tsx's words and links, as a plain page: a route handler cannot render the app's own. */
async function notFoundPage() {
  const links = [
    `<li><a href="/">Go to the ${escapeHtml(site.name)} home page</a></li>`,
    ...(await listNavigationSections()).map((section) => `<li><a href="/${escapeHtml(section.slug)}">Latest in ${escapeHtml(section.name)}</a></li>`),
  ];
  return `<!doctype html><html lang="${site.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Page not found | ${escapeHtml(site.name)}</title></head>
<body style="font-family:Georgia,serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<p><a href="/">${escapeHtml(site.name)}</a></p><p>Error 404</p><h1>We couldn’t find that page</h1>
<p>The story may have moved, or the address may be mistyped.</p><ul>${links.join('')}</ul></body></html>`;
}

/** The GET handler of a route for old addresses under `prefix` (`/category` answers `/category/x/feed`…). */
export function oldAddressRoute(prefix: string) {
  return async (request: NextRequest, { params }: { params: Promise<{ path?: string[] }> }) => {
    const { path = [] } = await params;
    return answerOldAddress([prefix, ...path].join('/') || '/', request.nextUrl.searchParams);
  };
}
