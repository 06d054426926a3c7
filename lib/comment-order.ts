/**
 * How readers may sort a story's thread. Oldest first is WordPress's default and today's addresses;
 * the others add `?corder=` to them (`/news/my-story?corder=likes&cpage=2`), which proxy.ts rewrites
 * to a cached path of their own (server/public-routes.ts).
 */
export const commentOrders = ['oldest', 'newest', 'likes'] as const;
export type CommentOrder = (typeof commentOrders)[number];
export const defaultCommentOrder: CommentOrder = 'oldest';

export const commentOrderLabels = {
  oldest: 'Oldest',
  newest: 'Newest',
  likes: 'Most liked',
} as const satisfies Record<CommentOrder, string>;

/** The order a query value or path segment names: absent or empty is the default, anything unknown is null. */
export function parseCommentOrder(value: string | null | undefined): CommentOrder | null {
  if (value === undefined || value === null || value === '') return defaultCommentOrder;
  return (commentOrders as readonly string[]).includes(value) ? (value as CommentOrder) : null;
}

/** The public address of a page of the thread in an order: the story's own address for the first page oldest first. */
export function commentsHref(path: string, page: number, order: CommentOrder): string {
  const query = new URLSearchParams();
  if (page > 1) query.set('cpage', String(page));
  if (order !== defaultCommentOrder) query.set('corder', order);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
