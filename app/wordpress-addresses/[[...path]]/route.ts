import type { NextRequest } from 'next/server';
import { listNavigationSections } from '@/db/sections';
import { findOldPathTarget } from '@/db/wordpress-addresses';
import { site } from '@/lib/site';

/**
 * Old WordPress addresses that no page of ours holds, which next.config.ts rewrites here: the forms
 * only WordPress has (`/category/x`, `/tag/y`, `/author/z`, `/archives/123`, `/?p=123`, `/?cat=5`…)
 * and deeper paths no route matches (`/2025/02/12/my-story`). A route handler can answer a real 301
 * (a page's permanentRedirect answers 308); anything that leads nowhere is a 404.
 * See docs/wordpress-addresses.md.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params;
  const target = await findOldPathTarget(`/${path.join('/')}`, request.nextUrl.searchParams);
  if (target) {
    // A day in browsers (a 301 is otherwise kept for good), a minute in shared caches, as pages are.
    return new Response(null, { status: 301, headers: { Location: target, 'Cache-Control': 'public, max-age=86400, s-maxage=60' } });
  }
  return new Response(await notFoundPage(), {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, s-maxage=60' },
  });
}

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
