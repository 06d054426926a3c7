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

export function countPages(roots: unknown[], perPage: number): number {
  return Math.max(1, Math.ceil(roots.length / perPage));
}

/** Top-level comments of one page, each with all its replies. */
export function threadPage<T extends Threadable>(roots: ThreadNode<T>[], perPage: number, page: number) {
  return roots.slice((page - 1) * perPage, page * perPage);
}

/** The page of the thread a comment is on, or null when it is not in the thread. */
export function pageOfComment<T extends Threadable>(roots: ThreadNode<T>[], perPage: number, id: number): number | null {
  const contains = (node: ThreadNode<T>): boolean => node.comment.id === id || node.replies.some(contains);
  const index = roots.findIndex(contains);
  return index === -1 ? null : Math.floor(index / perPage) + 1;
}
