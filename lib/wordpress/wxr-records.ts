import { z } from 'zod';
import { plainText } from '../plain-text';

/**
 * What a WordPress export (WXR) holds, as the reader hands it over: plain data, strings kept as
 * WordPress wrote them (HTML, scripts and `javascript:` links included; cleaning them is the
 * importer's job), numbers and dates checked and converted. Where WordPress has a known set of
 * values the type names it, but an unknown value (a plugin's post type, an old status) is kept as
 * the string it was, so the importer can count and skip it.
 */
type Open<T extends string> = T | (string & {});

export type WxrPostType = Open<'post' | 'page' | 'attachment' | 'revision' | 'nav_menu_item' | 'wp_block' | 'custom_css'>;
export type WxrPostStatus = Open<'publish' | 'future' | 'draft' | 'pending' | 'private' | 'trash' | 'auto-draft' | 'inherit'>;
export type WxrCommentApproval = Open<'1' | '0' | 'spam' | 'trash'>;
export type WxrCommentType = Open<'' | 'comment' | 'pingback' | 'trackback'>;

export type WxrMeta = { key: string; value: string };
export type WxrTermRef = { slug: string; name: string };

export type WxrComment = {
  id: number;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  /** The site's wall-clock time as written ('2025-02-12 15:05:00'), or null when absent. */
  date: string | null;
  dateGmt: Date | null;
  content: string;
  approved: WxrCommentApproval;
  type: WxrCommentType;
  parentId: number;
  userId: number;
  meta: WxrMeta[];
};

export type WxrItem = {
  postId: number;
  title: string;
  link: string;
  guid: string;
  /** The author's login (dc:creator), matching a `WxrAuthor.login`. */
  creator: string;
  content: string;
  excerpt: string;
  /** The site's wall-clock time as written, no zone ('2025-02-12 14:30:00'); null when absent or zero. */
  postDate: string | null;
  /** The moment, from wp:post_date_gmt; null for a draft never published ('0000-00-00 00:00:00'). */
  postDateGmt: Date | null;
  modified: string | null;
  modifiedGmt: Date | null;
  slug: string;
  status: WxrPostStatus;
  postType: WxrPostType;
  parentId: number;
  menuOrder: number;
  isSticky: boolean;
  commentStatus: Open<'open' | 'closed'>;
  pingStatus: Open<'open' | 'closed'>;
  password: string;
  attachmentUrl: string | null;
  categories: WxrTermRef[];
  tags: WxrTermRef[];
  /** Other item-level terms (post_format, a plugin's taxonomy, a menu item's nav_menu). */
  terms: (WxrTermRef & { domain: string })[];
  postmeta: WxrMeta[];
  comments: WxrComment[];
};

export type WxrSite = {
  kind: 'site';
  title: string;
  /** The site's address from the channel's <link>. */
  link: string;
  description: string;
  language: string;
  /** wp:base_site_url, or the <link> when an old export has none. */
  baseSiteUrl: string;
  baseBlogUrl: string;
  wxrVersion: string;
};
export type WxrAuthor = {
  kind: 'author';
  id: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
};
export type WxrCategory = { kind: 'category'; id: number | null; slug: string; name: string; parent: string; description: string };
export type WxrTag = { kind: 'tag'; id: number | null; slug: string; name: string; description: string };
/** A channel-level wp:term (custom taxonomies and nav menus; WordPress 6 also repeats categories here). */
export type WxrTerm = { kind: 'term'; id: number | null; taxonomy: string; slug: string; name: string; parent: string };

export type WxrEvent = WxrSite | WxrAuthor | WxrCategory | WxrTag | WxrTerm | { kind: 'item'; item: WxrItem };

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const ZERO_DATE = /^0000-00-00[ T]00:00:00$/;

const text = z.string().default('').transform(plainText);
const id = z.string().trim().regex(/^\d+$/, 'expected a whole number').transform(Number);
const count = z.string().trim().regex(/^-?\d*$/, 'expected a whole number').default('0').transform((s) => (s === '' ? 0 : Number(s)));
const optionalId = z.string().trim().regex(/^\d*$/, 'expected a whole number').optional().transform((s) => (s ? Number(s) : null));

const wallClock = z
  .string()
  .trim()
  .optional()
  .refine((s) => !s || ZERO_DATE.test(s) || WP_DATE.test(s), 'expected a date written as YYYY-MM-DD HH:MM:SS')
  .transform((s) => (!s || ZERO_DATE.test(s) ? null : s.replace('T', ' ')));

const gmtDate = wallClock.transform((s, ctx) => {
  if (s === null) return null;
  const [, y, mo, d, h, mi, se] = WP_DATE.exec(s)!.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, se!));
  if (date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d!) {
    ctx.addIssue({ code: 'custom', message: `${s} is not a calendar date` });
    return z.NEVER;
  }
  return date;
});

const meta = z.object({ key: text, value: text });
const termRef = z.object({ slug: text, name: text });

export const CommentRecord = z.object({
  id,
  author: text,
  authorEmail: text,
  authorUrl: text,
  authorIp: text,
  date: wallClock,
  dateGmt: gmtDate,
  content: text,
  approved: z.string().trim().default('1'),
  type: z.string().trim().default(''),
  parentId: count,
  userId: count,
  meta: z.array(meta),
});

export const ItemRecord = z.object({
  postId: id,
  title: text,
  link: text,
  guid: text,
  creator: text,
  content: text,
  excerpt: text,
  postDate: wallClock,
  postDateGmt: gmtDate,
  modified: wallClock,
  modifiedGmt: gmtDate,
  slug: text,
  status: z.string().trim().default('publish'),
  postType: z.string().trim().default('post'),
  parentId: count,
  menuOrder: count,
  isSticky: z.string().trim().default('0').transform((s) => s === '1'),
  commentStatus: z.string().trim().default('closed'),
  pingStatus: z.string().trim().default('closed'),
  password: text,
  attachmentUrl: z.string().trim().optional().transform((s) => s || null),
  categories: z.array(termRef),
  tags: z.array(termRef),
  terms: z.array(termRef.extend({ domain: text })),
  postmeta: z.array(meta),
  comments: z.array(CommentRecord),
});

export const SiteRecord = z.object({
  kind: z.literal('site'),
  title: text,
  link: text,
  description: text,
  language: text,
  baseSiteUrl: text,
  baseBlogUrl: text,
  wxrVersion: text,
});
export const AuthorRecord = z.object({
  kind: z.literal('author'), id: optionalId, login: z.string().trim().min(1, 'an author needs a login'),
  email: text, displayName: text, firstName: text, lastName: text,
});
export const CategoryRecord = z.object({
  kind: z.literal('category'), id: optionalId, slug: z.string().trim().min(1, 'a category needs a nicename'),
  name: text, parent: text, description: text,
});
export const TagRecord = z.object({ kind: z.literal('tag'), id: optionalId, slug: z.string().trim().min(1, 'a tag needs a slug'), name: text, description: text });
export const TermRecord = z.object({ kind: z.literal('term'), id: optionalId, taxonomy: text, slug: text, name: text, parent: text });

/** The zod issue, said in one line: where in the record and what was wrong. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return where ? `${where}: ${issue.message}` : issue.message;
}
