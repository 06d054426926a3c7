import type { z } from 'zod';
import {
  AuthorRecord, CategoryRecord, describeIssue, ItemRecord, TagRecord, TermRecord,
  type WxrEvent, type WxrItem,
} from './wxr-records';
import { WxrError } from './wxr-error';

/**
 * One element of a record being read (an <item>, a wp:author...), held only until the record
 * closes. `name` is the canonical name: the namespace URI mapped to WordPress's usual prefix
 * (`wp:post_id`, `content:encoded`), whatever prefix the file itself used.
 */
export type XNode = { name: string; attrs: Record<string, string>; text: string; children: XNode[]; line: number; column: number };

/** Matches the wp namespace of WXR 1.0, 1.1 and 1.2; the capture is the version. */
export const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/(1\.[012])\/$/;
const EXCERPT_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/excerpt\/$/;
const KNOWN_NAMESPACES: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://wellformedweb.org/CommentAPI/': 'wfw',
};

const canonicalNames = new Map<string, string>();

export function canonicalName(uri: string, local: string): string {
  if (!uri) return local;
  const key = `${uri} ${local}`;
  let name = canonicalNames.get(key);
  if (name === undefined) {
    name = nameFor(uri, local);
    if (canonicalNames.size < 1000) canonicalNames.set(key, name); // a hostile file's made-up names are not kept
  }
  return name;
}

function nameFor(uri: string, local: string): string {
  if (WP_NAMESPACE.test(uri)) return `wp:${local}`;
  if (EXCERPT_NAMESPACE.test(uri)) return `excerpt:${local}`;
  const prefix = KNOWN_NAMESPACES[uri];
  return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
}

/** The channel-level elements that are records of their own, each yielded as it closes. */
export const RECORD_NAMES = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term']);

function field(node: XNode, name: string): string | undefined {
  return node.children.find((c) => c.name === name)?.text;
}
function all(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}
function metaOf(node: XNode) {
  return { key: field(node, 'wp:meta_key'), value: field(node, 'wp:meta_value') };
}

function itemFields(node: XNode) {
  const f = (name: string) => field(node, name);
  const terms = all(node, 'category').map((c) => ({ domain: c.attrs.domain ?? '', slug: c.attrs.nicename ?? '', name: c.text }));
  return {
    postId: f('wp:post_id'), title: f('title'), link: f('link'), guid: f('guid'), creator: f('dc:creator'),
    content: f('content:encoded'), excerpt: f('excerpt:encoded'),
    postDate: f('wp:post_date'), postDateGmt: f('wp:post_date_gmt'),
    modified: f('wp:post_modified'), modifiedGmt: f('wp:post_modified_gmt'),
    slug: f('wp:post_name'), status: f('wp:status'), postType: f('wp:post_type'),
    parentId: f('wp:post_parent'), menuOrder: f('wp:menu_order'), isSticky: f('wp:is_sticky'),
    commentStatus: f('wp:comment_status'), pingStatus: f('wp:ping_status'), password: f('wp:post_password'),
    attachmentUrl: f('wp:attachment_url'),
    categories: terms.filter((t) => t.domain === 'category').map(({ slug, name }) => ({ slug, name })),
    tags: terms.filter((t) => t.domain === 'post_tag').map(({ slug, name }) => ({ slug, name })),
    terms: terms.filter((t) => t.domain !== 'category' && t.domain !== 'post_tag'),
    postmeta: all(node, 'wp:postmeta').map(metaOf),
    comments: all(node, 'wp:comment').map((c) => {
      const g = (name: string) => field(c, name);
      return {
        id: g('wp:comment_id'), author: g('wp:comment_author'), authorEmail: g('wp:comment_author_email'),
        authorUrl: g('wp:comment_author_url'), authorIp: g('wp:comment_author_IP'),
        date: g('wp:comment_date'), dateGmt: g('wp:comment_date_gmt'), content: g('wp:comment_content'),
        approved: g('wp:comment_approved'), type: g('wp:comment_type'), parentId: g('wp:comment_parent'),
        userId: g('wp:comment_user_id'), meta: all(c, 'wp:commentmeta').map(metaOf),
      };
    }),
  };
}

function check<T>(schema: z.ZodType<T>, raw: unknown, node: XNode, label: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new WxrError(node.line, node.column, `${label}: ${describeIssue(parsed.error)}`);
}

/** Turns a closed record element into the event the reader yields, or throws a WxrError at its line. */
export function recordFromNode(node: XNode): WxrEvent {
  const f = (name: string) => field(node, name);
  switch (node.name) {
    case 'item': {
      const postId = f('wp:post_id')?.trim();
      const item: WxrItem = check(ItemRecord, itemFields(node), node, `<item>${postId && /^\d+$/.test(postId) ? ` (post ${postId})` : ''}`);
      return { kind: 'item', item };
    }
    case 'wp:author':
      return check(AuthorRecord, {
        kind: 'author', id: f('wp:author_id'), login: f('wp:author_login'), email: f('wp:author_email'),
        displayName: f('wp:author_display_name'), firstName: f('wp:author_first_name'), lastName: f('wp:author_last_name'),
      }, node, '<wp:author>');
    case 'wp:category':
      return check(CategoryRecord, {
        kind: 'category', id: f('wp:term_id'), slug: f('wp:category_nicename'), name: f('wp:cat_name'),
        parent: f('wp:category_parent'), description: f('wp:category_description'),
      }, node, '<wp:category>');
    case 'wp:tag':
      return check(TagRecord, {
        kind: 'tag', id: f('wp:term_id'), slug: f('wp:tag_slug'), name: f('wp:tag_name'), description: f('wp:tag_description'),
      }, node, '<wp:tag>');
    case 'wp:term':
      return check(TermRecord, {
        kind: 'term', id: f('wp:term_id'), taxonomy: f('wp:term_taxonomy'), slug: f('wp:term_slug'),
        name: f('wp:term_name'), parent: f('wp:term_parent'),
      }, node, '<wp:term>');
    default:
      throw new Error(`not a record: ${node.name}`);
  }
}
