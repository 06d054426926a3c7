import { normalisePath } from './addresses';

/**
 * What an old WordPress address asks for, read from its path and query alone: the keys to look an
 * imported post, category, tag or author up by, and which of its views (a comment page, a feed, a
 * page of a list) it wants. The database decides where that is now (db/wordpress-addresses.ts);
 * see docs/wordpress-addresses.md for every form and its answer.
 */

export type FeedKind = 'rss' | 'atom';
export type PostView = { view: 'story' } | { view: 'comments'; page: number } | { view: 'feed' };
/** `path` as lib/wordpress/addresses.ts `oldPath()` stores it; `slug` decoded and lower-cased. */
export type PostKey = { path: string } | { slug: string } | { wpId: number };
export type TermTaxonomy = 'category' | 'post_tag' | 'author';
export type TermKey = { slug: string } | { wpId: number };

export type OldAddress =
  /** A post: the first key that names an imported post decides (the exact path before the slug). */
  | { kind: 'post'; keys: PostKey[]; view: PostView }
  | { kind: 'term'; taxonomy: TermTaxonomy; key: TermKey; feed: FeedKind | null; page: number }
  /** The site's feed, or its comments feed (`/comments/feed`). */
  | { kind: 'feed'; feed: FeedKind; comments: boolean }
  | { kind: 'search'; words: string; page: number }
  | { kind: 'home'; page: number };

/** The last segments WordPress answers with a feed (`/feed`, `/feed/atom`, `/rss2`, `/category/x/atom`). */
const feedNames = new Set(['feed', 'rss', 'rss2', 'rdf', 'atom']);

/**
 * First segments that are WordPress's and never a section of ours: next.config.ts sends them to the
 * old-address handler (or redirects them), so lib/section-form.ts refuses them as section addresses.
 */
export const wordpressFirstSegments: ReadonlySet<string> = new Set(['archives', 'atom', 'author', 'category', 'feed', 'page', 'rdf', 'rss', 'rss2', 'tag']);

/** The bases of WordPress's category, tag and author archives, with the taxonomy each names. */
const taxonomies = new Map<string, TermTaxonomy>([
  ['category', 'category'],
  ['tag', 'post_tag'],
  ['author', 'author'],
]);

const wpIdPattern = /^[1-9][0-9]{0,11}$/;
const pagePattern = /^[1-9][0-9]{0,5}$/;

function wpId(value: string | null | undefined): number | null {
  return value && wpIdPattern.test(value) ? Number(value) : null;
}

function pageNumber(value: string | null | undefined): number | null {
  return value && pagePattern.test(value) ? Number(value) : null;
}

/** A WordPress slug as a key: one segment, decoded, lower-cased; null for anything else. */
function slugKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const slug = value.trim().toLowerCase();
  return slug !== '' && slug.length <= 200 && !/[/?#\s]/.test(slug) ? slug : null;
}

function feedKind(name: string): FeedKind {
  return name.includes('atom') ? 'atom' : 'rss';
}

/**
 * `pathname` as the request gave it (percent-encoded or not), `query` its query string. Null for an
 * address that is no WordPress form, or one whose content is not imported (`/?page_id=`, date archives).
 */
export function parseOldAddress(pathname: string, query: URLSearchParams): OldAddress | null {
  const path = normalisePath(pathname);
  if (path === null) return parseRootQuery(query);
  const segments = path.split('/').slice(1);
  if (segments.some((segment) => segment === '')) return null;
  return parseSegments(segments);
}

/** `/?p=123`, `/?cat=5`, `/?s=words`…: the plain permalinks every WordPress site also answers. */
function parseRootQuery(query: URLSearchParams): OldAddress | null {
  const feedParam = query.get('feed');
  const feed = feedParam === null ? null : feedKind(feedParam);
  const page = pageNumber(query.get('paged')) ?? 1;

  const postId = wpId(query.get('p'));
  if (postId !== null) {
    const commentPage = pageNumber(query.get('cpage'));
    const view: PostView = feed ? { view: 'feed' } : commentPage ? { view: 'comments', page: commentPage } : { view: 'story' };
    return { kind: 'post', keys: [{ wpId: postId }], view };
  }
  // Pages and attachments are not imported: their addresses have nowhere to go.
  if (query.has('p') || query.has('page_id') || query.has('attachment_id')) return null;
  const name = slugKey(query.get('name'));
  if (name) return { kind: 'post', keys: [{ slug: name }], view: feed ? { view: 'feed' } : { view: 'story' } };

  const term = (taxonomy: TermTaxonomy, key: TermKey | null): OldAddress | null => (key ? { kind: 'term', taxonomy, key, feed, page } : null);
  const byId = (key: string) => {
    const id = wpId(query.get(key));
    return id === null ? null : { wpId: id };
  };
  const bySlug = (key: string, pick: (value: string) => string | undefined = (value) => value) => {
    const value = query.get(key);
    const slug = value === null ? null : slugKey(pick(value));
    return slug === null ? null : { slug };
  };
  if (query.has('cat')) return term('category', byId('cat'));
  // `category_name=parent/child` names the child; `tag=a,b` and `tag=a+b` name several: the first stands for them.
  if (query.has('category_name')) return term('category', bySlug('category_name', (value) => value.split('/').filter(Boolean).at(-1)));
  if (query.has('tag')) return term('post_tag', bySlug('tag', (value) => value.split(/[,+ ]/)[0]));
  if (query.has('tag_id')) return term('post_tag', byId('tag_id'));
  if (query.has('author')) return term('author', byId('author'));
  if (query.has('author_name')) return term('author', bySlug('author_name'));

  const words = query.get('s');
  if (words !== null) return { kind: 'search', words: words.trim(), page };
  if (feedParam !== null) return { kind: 'feed', feed: feed!, comments: feedParam.startsWith('comments') };
  if (query.has('paged')) return { kind: 'home', page };
  return null;
}

/** A pretty permalink's segments, decoded and lower-cased. */
function parseSegments(all: string[]): OldAddress | null {
  let segments = all;
  let feed: FeedKind | null = null;
  let commentPage: number | null = null;
  let listPage = 1;

  const last = segments.at(-1)!;
  const commentPageMatch = /^comment-page-([1-9][0-9]{0,5})$/.exec(last);
  if (commentPageMatch) {
    commentPage = Number(commentPageMatch[1]);
    segments = segments.slice(0, -1);
  } else if (feedNames.has(last)) {
    feed = feedKind(last);
    segments = segments.slice(0, segments.length >= 2 && segments.at(-2) === 'feed' ? -2 : -1);
  } else if (segments.length >= 2 && segments.at(-2) === 'page' && pageNumber(last) !== null) {
    listPage = Number(last);
    segments = segments.slice(0, -2);
  }

  const [first, ...rest] = segments;
  if (first === undefined) {
    if (feed) return { kind: 'feed', feed, comments: false };
    return commentPage === null ? { kind: 'home', page: listPage } : null;
  }
  if (first === 'comments' && rest.length === 0) return feed ? { kind: 'feed', feed, comments: true } : null;

  const taxonomy = taxonomies.get(first);
  if (taxonomy) {
    // A nested category (`/category/parent/child`) is its last segment; tags and authors have one.
    const slug = slugKey(rest.at(-1));
    if (!slug || commentPage !== null || (taxonomy !== 'category' && rest.length !== 1)) return null;
    return { kind: 'term', taxonomy, key: { slug }, feed, page: listPage };
  }
  if (first === 'search' && rest.length > 0 && commentPage === null && !feed) {
    return { kind: 'search', words: rest.join(' ').replace(/\+/g, ' ').trim(), page: listPage };
  }
  if (first === 'archives') {
    const id = wpId(rest[0]);
    // `/archives/123`, and its second page `/archives/123/2`.
    if (id !== null && (rest.length === 1 || (rest.length === 2 && pageNumber(rest[1]) !== null)) && listPage === 1) {
      return { kind: 'post', keys: [{ wpId: id }], view: postView(feed, commentPage) };
    }
    // A site whose structure starts with `/archives/` puts its category and tag bases under it too.
    if (rest[0] !== undefined && taxonomies.has(rest[0])) return parseSegments(all.slice(1));
  }
  if (listPage !== 1) return null;
  return postByPath(segments, feed, commentPage);
}

function postView(feed: FeedKind | null, commentPage: number | null): PostView {
  if (feed) return { view: 'feed' };
  return commentPage === null ? { view: 'story' } : { view: 'comments', page: commentPage };
}

/**
 * Any other structure ends in the post's slug (`/slug`, `/news/slug`, `/2025/02/slug`,
 * `/2025/02/12/slug`), perhaps followed by the page of a post split in pages (`/slug/2`). Its
 * exact path is tried first, so a structure that ends otherwise (`/%post_id%`) still finds it.
 */
function postByPath(segments: string[], feed: FeedKind | null, commentPage: number | null): OldAddress | null {
  const keys: PostKey[] = [{ path: `/${segments.join('/')}` }];
  let slugSegments = segments;
  if (pageNumber(segments.at(-1)) !== null && segments.length >= 2) {
    slugSegments = segments.slice(0, -1);
    keys.push({ path: `/${slugSegments.join('/')}` });
  }
  const slug = slugKey(slugSegments.at(-1));
  // A date archive (`/2025/02`) holds no post of its own.
  if (!slug || /^[0-9]+$/.test(slug)) return null;
  keys.push({ slug });
  return { kind: 'post', keys, view: postView(feed, commentPage) };
}
