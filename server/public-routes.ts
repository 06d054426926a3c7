import { OWN_VIEW_COOKIE } from '@/lib/comment-cookie-names';
import { defaultCommentOrder, parseCommentOrder } from '@/lib/comment-order';
import { wordpressFirstSegments } from '@/lib/wordpress/old-addresses';

/**
 * Public addresses that carry a query string or a cookie, mapped to the internal paths Next renders.
 *
 * Next can cache a page per path, not per query string, so every page of every list and thread is
 * a path of its own (`/news/page/2`, `/news/my-story/comments/2`), and the addresses readers use
 * (`/news?page=2`, `/news/my-story?cpage=2`, `?corder=likes&cpage=2`, WordPress's `?replytocom=5`) are
 * rewritten to them.
 * A browser with a comment on this story that awaits moderation or that it may still edit gets the
 * story's per-reader view instead (`/news/my-story/yours`): the `bs_yours` marker, set on that
 * story's path alone, says so.
 *
 * proxy.ts applies these, and runs only for requests that carry one of those query keys or the
 * cookie (its matcher's `has` conditions): a plain cached page never runs it. See docs/caching.md.
 */

/**
 * First path segments that belong to routes and files of their own, never to a section: a
 * section front or story address never starts with one. `server/public-routes.test.ts` checks this
 * list against the app/ and public/ folders, so a new top-level route cannot be forgotten here.
 */
export const reservedFirstSegments: ReadonlySet<string> = new Set([
  '_next',
  'api',
  'atom.xml',
  'authors',
  'comments',
  'desk',
  'email',
  'feed.xml',
  'front',
  'icon.svg',
  'images',
  'login',
  'logo.png',
  'media',
  'moderation',
  'news-sitemap.xml',
  'robots.txt',
  'search',
  'sitemap.xml',
  'tags',
  'wordpress-addresses',
  // Old WordPress addresses' own first segments (app/(wordpress)/).
  ...wordpressFirstSegments,
]);

/** The last segment of a story's per-reader view (app/(site)/[section]/[slug]/yours). */
const ownViewSegment = 'yours';

/** Whether `internalUrl` mapped the public path `pathname` to its story's per-reader view. */
export function isOwnView(pathname: string, internal: string): boolean {
  return internal.split('?', 1)[0] === `${pathname}/${ownViewSegment}`;
}

/** A slug-like segment: no dot (so never a file such as feed.xml), not empty. */
const segment = /^[^/.]+$/;

function hasOwnViewCookie(cookieHeader: string | undefined) {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => {
    const name = part.trimStart();
    return name.startsWith(`${OWN_VIEW_COOKIE}=`);
  });
}

/** A query value as a path segment; an empty value counts as absent, as it did in Next's rewrites. */
function param(query: URLSearchParams, key: string): string | null {
  const value = query.get(key);
  return value ? encodeURIComponent(value) : null;
}

/**
 * The internal path for a public URL (`/news?page=2` → `/news/page/2`), or null to leave the
 * request as it is. `url` is the request's path and query as received; the query string is kept.
 */
export function internalUrl(url: string, cookieHeader: string | undefined): string | null {
  const queryStart = url.indexOf('?');
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const search = queryStart === -1 ? '' : url.slice(queryStart);
  const pending = hasOwnViewCookie(cookieHeader);
  // The common case, a cached page read with no query and no cookie of ours, costs one split.
  if (!search && !pending && pathname !== '/') return null;

  const query = new URLSearchParams(search);
  if (pathname === '/') {
    // WordPress's `/?p=123&page=2` is a post's second page: next.config.ts sends it to the old-address handler.
    if (query.has('p') || query.has('page_id')) return null;
    return `/front/${param(query, 'page') ?? '1'}${search}`;
  }

  const parts = pathname.split('/');
  if (parts.length < 2 || parts[0] !== '') return null;
  const [, first = '', second, ...rest] = parts;
  if (rest.length > 0 || !segment.test(first)) return null;

  // /authors/{slug}?page=N, /tags/{slug}?page=N
  if ((first === 'authors' || first === 'tags') && second !== undefined && segment.test(second)) {
    const page = param(query, 'page');
    return page ? `/${first}/${second}/page/${page}${search}` : null;
  }
  if (reservedFirstSegments.has(first)) return null;

  // /{section}?page=N
  if (second === undefined) {
    const page = param(query, 'page');
    return page ? `/${first}/page/${page}${search}` : null;
  }

  // /{section}/{slug}: the reader's own view first, then a Reply link, then a later comment page.
  if (!segment.test(second)) return null;
  if (pending) return `/${first}/${second}/${ownViewSegment}${search}`;
  const replyTo = param(query, 'replytocom');
  if (replyTo) return `/${first}/${second}/reply/${replyTo}${search}`;
  const commentPage = param(query, 'cpage');
  // A reader's order (`?corder=newest`) is a path of its own for every page; oldest first, or an order
  // the site does not offer, keeps the default's addresses.
  const order = parseCommentOrder(query.get('corder'));
  if (order && order !== defaultCommentOrder) return `/${first}/${second}/comments/${commentPage ?? '1'}/${order}${search}`;
  if (commentPage) return `/${first}/${second}/comments/${commentPage}${search}`;
  return null;
}
