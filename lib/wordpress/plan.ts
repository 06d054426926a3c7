import slugify from '@sindresorhus/slugify';
import type { ArticleStatus } from '../story-status';
import type { CommentStatus } from '../comment-status';
import { STANDFIRST_MAX } from '../story-form';
import { wordpressCommentText, wordpressExcerptText } from './content';
import { safeLinkHref } from './urls';
import type { WxrComment, WxrItem } from './wxr-records';

/**
 * What one WordPress item becomes, decided without the database: a story with its comments, or a
 * reason to skip it. The importer (server/wordpress-import.ts) writes the plan; the dry run counts it.
 */

export type StoryPlan = {
  wpId: number;
  /** The old permalink as exported (`<link>`). */
  link: string;
  /** WordPress's slug, decoded (it percent-encodes non-ASCII ones), or '' for a draft that has none. */
  wpSlug: string;
  /** The address we give it, before making it unique: WordPress's slug, else the headline's. */
  slug: string;
  headline: string;
  standfirst: string;
  /** WordPress HTML; converted to Markdown once its images are known (content.ts). */
  html: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date | null;
  featured: boolean;
  commentsOpen: boolean;
  /** dc:creator: the author's login. */
  authorLogin: string;
  /** Section first (the primary category, else the first), the rest become topics. */
  categories: PlannedTerm[];
  tags: PlannedTerm[];
  /** The featured image's attachment id (`_thumbnail_id`), if any. */
  thumbnailId: number | null;
  comments: CommentPlan[];
  /** Comments not imported, by reason (pingbacks, trackbacks, empty). */
  skippedComments: Partial<Record<CommentSkip, number>>;
  /** Said once per story in the summary (a password-protected post kept off the site, a status read as another). */
  notes: string[];
};

export type CommentPlan = {
  wpId: number;
  /** WordPress's parent id (0 for top level); resolved to ours once the thread is written. */
  wpParentId: number;
  /** The WordPress user id of a signed-in commenter (0 for a guest). */
  wpUserId: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  ip: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
};

export type ItemSkip = 'page' | 'attachment' | 'revision' | 'nav_menu_item' | 'other-type' | 'trash' | 'auto-draft' | 'other-status';
export type CommentSkip = 'pingback' | 'trackback' | 'empty' | 'other-status';

export const itemSkipNames: Record<ItemSkip, string> = {
  page: 'pages',
  attachment: 'attachments (media items; their files come with the stories that show them)',
  revision: 'revisions',
  nav_menu_item: 'menu items',
  'other-type': 'other post types',
  trash: 'posts in the trash',
  'auto-draft': 'auto-drafts',
  'other-status': 'posts with a status WordPress does not export for publishing',
};

export const commentSkipNames: Record<CommentSkip, string> = {
  pingback: 'pingbacks',
  trackback: 'trackbacks',
  empty: 'empty comments',
  'other-status': 'comments with an unknown status',
};

const statusOf: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'review',
  // Private posts are for the site's own staff: the desk is our only private place.
  private: 'draft',
};

const commentStatusOf: Record<string, CommentStatus> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/** The primary category plugins record (Yoast SEO, Rank Math), by term id. */
const PRIMARY_CATEGORY_KEYS = ['_yoast_wp_primary_category', 'rank_math_primary_category'];

export type PlanContext = {
  /** Category slugs by WordPress term id, from the channel's `wp:category` list. */
  categorySlugById: ReadonlyMap<number, string>;
};

export function planItem(item: WxrItem, context: PlanContext): { plan: StoryPlan } | { skip: ItemSkip } {
  if (item.postType !== 'post') {
    const known = ['page', 'attachment', 'revision', 'nav_menu_item'] as const;
    return { skip: (known as readonly string[]).includes(item.postType) ? (item.postType as ItemSkip) : 'other-type' };
  }
  if (item.status === 'trash') return { skip: 'trash' };
  if (item.status === 'auto-draft') return { skip: 'auto-draft' };
  let status = statusOf[item.status];
  if (!status) return { skip: 'other-status' };
  const notes: string[] = [];
  if (item.status === 'private') notes.push('private on WordPress: imported as a draft');
  if (item.password !== '' && status === 'published') {
    // A password-protected post was not public there; here it would be.
    status = 'draft';
    notes.push('password-protected on WordPress: imported as a draft');
  }

  const headline = wordpressExcerptText(item.title) || `Untitled (WordPress post ${item.postId})`;
  const wpSlug = decodeSlug(item.slug);
  const slug = storySlug(wpSlug, headline, item.postId);
  const publishedAt = item.postDateGmt ?? wallClockAsUtc(item.postDate);
  const categories = orderCategories(item, context);

  const skippedComments: StoryPlan['skippedComments'] = {};
  const comments: CommentPlan[] = [];
  for (const comment of item.comments) {
    const planned = planComment(comment, publishedAt);
    if ('skip' in planned) skippedComments[planned.skip] = (skippedComments[planned.skip] ?? 0) + 1;
    else comments.push(planned.comment);
  }

  return {
    plan: {
      wpId: item.postId,
      link: item.link,
      wpSlug,
      slug,
      headline,
      standfirst: clipStandfirst(wordpressExcerptText(item.excerpt)),
      html: item.content,
      status,
      publishedAt: status === 'draft' || status === 'review' ? null : publishedAt,
      updatedAt: item.modifiedGmt ?? wallClockAsUtc(item.modified) ?? publishedAt,
      featured: item.isSticky,
      commentsOpen: item.commentStatus !== 'closed',
      authorLogin: item.creator.trim(),
      categories,
      tags: item.tags.filter((tag) => tag.slug.trim() !== '').map(plannedTerm),
      thumbnailId: positiveInt(item.postmeta.find((meta) => meta.key === '_thumbnail_id')?.value),
      comments,
      skippedComments,
      notes,
    },
  };
}

function planComment(comment: WxrComment, fallbackDate: Date | null): { comment: CommentPlan } | { skip: CommentSkip } {
  if (comment.type === 'pingback') return { skip: 'pingback' };
  if (comment.type === 'trackback') return { skip: 'trackback' };
  const status = commentStatusOf[comment.approved];
  if (!status) return { skip: 'other-status' };
  const body = wordpressCommentText(comment.content);
  if (body === '') return { skip: 'empty' };
  return {
    comment: {
      wpId: comment.id,
      wpParentId: comment.parentId,
      wpUserId: comment.userId,
      authorName: wordpressExcerptText(comment.author).slice(0, 100) || 'Anonymous',
      authorEmail: comment.authorEmail.trim().toLowerCase().slice(0, 254),
      authorUrl: commenterUrl(comment.authorUrl),
      ip: comment.authorIp.trim().slice(0, 64),
      body,
      status,
      createdAt: comment.dateGmt ?? wallClockAsUtc(comment.date) ?? fallbackDate ?? new Date(0),
    },
  };
}

/** A commenter's website: only an absolute http(s) address is kept (a `javascript:` one is dropped). */
function commenterUrl(raw: string): string {
  const href = safeLinkHref(raw);
  return href !== null && /^https?:\/\//i.test(href) ? href.slice(0, 2000) : '';
}

/** The primary category (by the SEO plugins' meta) first, then the rest in the export's order. */
function orderCategories(item: WxrItem, context: PlanContext) {
  const categories = item.categories.filter((category) => category.slug.trim() !== '').map(plannedTerm);
  for (const key of PRIMARY_CATEGORY_KEYS) {
    const id = positiveInt(item.postmeta.find((meta) => meta.key === key)?.value);
    const slug = id === null ? undefined : context.categorySlugById.get(id);
    const primary = slug === undefined ? -1 : categories.findIndex((category) => category.key === termKey(slug));
    if (primary > 0) categories.unshift(...categories.splice(primary, 1));
    if (primary >= 0) break;
  }
  return categories;
}

/**
 * A category or tag as planned: `key` is its old address's slug as the old-address lookups read it
 * (decoded, lower-cased: `caf%c3%a9` → `café`), `slug` the address it gets here (`cafe`).
 */
export type PlannedTerm = { key: string; slug: string; name: string };

function plannedTerm(term: { slug: string; name: string }): PlannedTerm {
  return { key: termKey(term.slug), slug: termSlug(term.slug), name: termName(term) };
}

/** The slug of a category's or tag's old address, as stored and looked up (db/wordpress-addresses.ts). */
export function termKey(wpSlug: string): string {
  return decodeSlug(wpSlug).toLowerCase();
}

/** A category's or tag's slug as our addresses take it (`caf%c3%a9` → `cafe`). */
function termSlug(wpSlug: string): string {
  return slugify(decodeSlug(wpSlug)) || 'topic';
}

function termName(term: { slug: string; name: string }): string {
  return wordpressExcerptText(term.name) || decodeSlug(term.slug);
}

export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug.trim());
  } catch {
    return slug.trim();
  }
}

function storySlug(wpSlug: string, headline: string, wpId: number): string {
  const clip = (s: string) => s.slice(0, 80).replace(/-+$/, '');
  return clip(slugify(wpSlug)) || clip(slugify(headline)) || `post-${wpId}`;
}

/** A standfirst is a sentence or two: an excerpt longer than the desk allows is cut at a word, with an ellipsis. */
function clipStandfirst(text: string): string {
  if (text.length <= STANDFIRST_MAX) return text;
  const cut = text.slice(0, STANDFIRST_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), STANDFIRST_MAX / 2)).trimEnd()}…`;
}

/** A wall-clock time with no zone (a draft's, or an export without GMT dates) read as UTC. */
function wallClockAsUtc(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function positiveInt(value: string | undefined): number | null {
  const n = Number(value?.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
