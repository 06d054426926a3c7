/** Threading and paging of comments, the way WordPress's comment walker shows them. */

export type Threadable = { id: number; parentId: number | null; createdAt: Date };
export type ThreadNode<T extends Threadable> = { comment: T; depth: number; replies: ThreadNode<T>[] };

/**
 * Nests comments (any order in, oldest first out at every level) up to `maxDepth` levels. A reply
 * deeper than that attaches at the last level, after its parent; a reply whose parent is not shown
 * (held, spam, trash) stands at the top level rather than vanishing.
 */
export function buildThread<T extends Threadable>(comments: T[], maxDepth: number): ThreadNode<T>[] {
  const sorted = [...comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  type Linked = ThreadNode<T> & { parent: Linked | null };
  const nodes = new Map<number, Linked>();
  const roots: ThreadNode<T>[] = [];
  for (const comment of sorted) {
    let parent = comment.parentId === null ? null : (nodes.get(comment.parentId) ?? null);
    while (parent && parent.depth >= maxDepth) parent = parent.parent;
    const node: Linked = { comment, depth: parent ? parent.depth + 1 : 1, replies: [], parent };
    nodes.set(comment.id, node);
    (parent ? parent.replies : roots).push(node);
  }
  return roots.map(strip);
}

function strip<T extends Threadable>(node: ThreadNode<T>): ThreadNode<T> {
  return { comment: node.comment, depth: node.depth, replies: node.replies.map(strip) };
}

/**
 * The top-level conversations in a reader's order. Oldest first is how `buildThread` gives them;
 * newest puts the latest conversation first; most liked puts the conversation whose first comment has
 * the most likes first, ties oldest first. Replies stay under their parent in the order they were
 * written, as WordPress keeps them, so a conversation still reads as one.
 */
export function sortThreads<T extends Threadable & { likeCount: number }>(roots: ThreadNode<T>[], order: 'oldest' | 'newest' | 'likes'): ThreadNode<T>[] {
  const time = (node: ThreadNode<T>) => node.comment.createdAt.getTime();
  const oldestFirst = (a: ThreadNode<T>, b: ThreadNode<T>) => time(a) - time(b) || a.comment.id - b.comment.id;
  if (order === 'newest') return [...roots].sort((a, b) => -oldestFirst(a, b));
  if (order === 'likes') return [...roots].sort((a, b) => b.comment.likeCount - a.comment.likeCount || oldestFirst(a, b));
  return roots;
}

/**
 * Most comments one page holds, replies included. WordPress pages by top-level comments alone, so one
 * page of a busy thread could carry hundreds of replies (779 comments, 2 MB of HTML, on the bench's
 * 2,000-comment thread). A page takes top-level conversations until it has `perPage` of them or the
 * next would take it past this; a single conversation larger than this still gets a page to itself.
 * 50 keeps a page of comments about the size of the story above it (a comment costs ~3 KB of page:
 * its HTML and its share of the RSC payload); 100 made the bench thread's first page 280 KB.
 */
export const MAX_COMMENTS_PER_PAGE = 50;

function size<T extends Threadable>(node: ThreadNode<T>): number {
  return 1 + node.replies.reduce((sum, reply) => sum + size(reply), 0);
}

/** Where each page starts and ends, as [start, end) indexes into the top-level comments. */
export function pageBounds<T extends Threadable>(roots: ThreadNode<T>[], perPage: number, maxComments = MAX_COMMENTS_PER_PAGE): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  let comments = 0;
  roots.forEach((root, index) => {
    const count = size(root);
    if (index > start && (index - start >= perPage || comments + count > maxComments)) {
      bounds.push([start, index]);
      start = index;
      comments = 0;
    }
    comments += count;
  });
  if (roots.length > start) bounds.push([start, roots.length]);
  return bounds.length ? bounds : [[0, 0]];
}

export function countPages<T extends Threadable>(roots: ThreadNode<T>[], perPage: number, maxComments = MAX_COMMENTS_PER_PAGE): number {
  return pageBounds(roots, perPage, maxComments).length;
}

/** Top-level comments of one page, each with all its replies (none past the last page). */
export function threadPage<T extends Threadable>(roots: ThreadNode<T>[], perPage: number, page: number, maxComments = MAX_COMMENTS_PER_PAGE) {
  const bounds = pageBounds(roots, perPage, maxComments)[page - 1];
  return bounds ? roots.slice(bounds[0], bounds[1]) : [];
}

/** The page of the thread a comment is on, or null when it is not in the thread. */
export function pageOfComment<T extends Threadable>(roots: ThreadNode<T>[], perPage: number, id: number, maxComments = MAX_COMMENTS_PER_PAGE): number | null {
  const contains = (node: ThreadNode<T>): boolean => node.comment.id === id || node.replies.some(contains);
  const index = roots.findIndex(contains);
  if (index === -1) return null;
  return pageBounds(roots, perPage, maxComments).findIndex(([start, end]) => index >= start && index < end) + 1;
}
