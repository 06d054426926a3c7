import { describe, expect, it } from 'vitest';
import { buildThread, countPages, pageOfComment, sortThreads, threadPage, type ThreadNode } from './thread';

type C = { id: number; parentId: number | null; createdAt: Date };
const at = (minute: number) => new Date(Date.UTC(2025, 1, 13, 10, minute));
const c = (id: number, parentId: number | null, minute = id): C => ({ id, parentId, createdAt: at(minute) });
const shape = (nodes: ThreadNode<C>[]): unknown => nodes.map((n) => [n.comment.id, n.depth, shape(n.replies)]);

describe('buildThread', () => {
  it('nests replies under their parents, oldest first at every level', () => {
    const roots = buildThread([c(3, 1), c(1, null), c(2, null), c(4, 1), c(5, 3)], 5);
    expect(shape(roots)).toEqual([
      [1, 1, [[3, 2, [[5, 3, []]]], [4, 2, []]]],
      [2, 1, []],
    ]);
  });

  it('attaches replies deeper than the limit at the last level', () => {
    const chain = [c(1, null), c(2, 1), c(3, 2), c(4, 3)];
    expect(shape(buildThread(chain, 2))).toEqual([[1, 1, [[2, 2, []], [3, 2, []], [4, 2, []]]]]);
    expect(shape(buildThread(chain, 1))).toEqual([[1, 1, []], [2, 1, []], [3, 1, []], [4, 1, []]]);
  });

  it('keeps a reply whose parent is not shown, at the top level', () => {
    expect(shape(buildThread([c(2, 99), c(1, null)], 5))).toEqual([
      [1, 1, []],
      [2, 1, []],
    ]);
  });

  it('breaks ties in time by id', () => {
    expect(shape(buildThread([c(2, null, 1), c(1, null, 1)], 5))).toEqual([
      [1, 1, []],
      [2, 1, []],
    ]);
  });
});

describe('paging', () => {
  const roots = buildThread([...Array.from({ length: 5 }, (_, i) => c(i + 1, null)), c(10, 4, 30)], 5);

  it('pages by top-level comments, replies travelling with their parent', () => {
    expect(countPages(roots, 2)).toBe(3);
    expect(countPages([], 2)).toBe(1);
    expect(threadPage(roots, 2, 2).map((n) => n.comment.id)).toEqual([3, 4]);
    expect(threadPage(roots, 2, 3).map((n) => n.comment.id)).toEqual([5]);
  });

  it('finds the page a comment is on, replies included', () => {
    expect(pageOfComment(roots, 2, 1)).toBe(1);
    expect(pageOfComment(roots, 2, 10)).toBe(2);
    expect(pageOfComment(roots, 2, 5)).toBe(3);
    expect(pageOfComment(roots, 2, 77)).toBeNull();
  });
});

describe('paging a busy thread', () => {
  // Three conversations: #1 with 3 replies (4 comments), #2 alone, #3 with 5 replies (6 comments).
  const comments = [
    c(1, null, 1),
    ...[11, 12, 13].map((id) => c(id, 1, id)),
    c(2, null, 2),
    c(3, null, 3),
    ...[31, 32, 33, 34, 35].map((id) => c(id, 3, id)),
  ];
  const roots = buildThread(comments, 5);

  it('closes a page before the conversation that would take it past the comment budget', () => {
    expect(countPages(roots, 50, 6)).toBe(2);
    expect(threadPage(roots, 50, 1, 6).map((n) => n.comment.id)).toEqual([1, 2]);
    expect(threadPage(roots, 50, 2, 6).map((n) => n.comment.id)).toEqual([3]);
    expect(threadPage(roots, 50, 3, 6)).toEqual([]);
  });

  it('gives a conversation bigger than the budget a page of its own rather than splitting it', () => {
    expect(countPages(roots, 50, 3)).toBe(3);
    expect(threadPage(roots, 50, 1, 3).map((n) => n.comment.id)).toEqual([1]);
  });

  it('sends permalinks to the page the budget put them on', () => {
    expect(pageOfComment(roots, 50, 34, 6)).toBe(2);
    expect(pageOfComment(roots, 50, 12, 6)).toBe(1);
    expect(pageOfComment(roots, 50, 34)).toBe(1);
  });
});

describe('sortThreads', () => {
  type L = C & { likeCount: number };
  const l = (id: number, parentId: number | null, likeCount: number, minute = id): L => ({ ...c(id, parentId, minute), likeCount });
  const lshape = (nodes: ThreadNode<L>[]): unknown => nodes.map((n) => [n.comment.id, shape(n.replies as unknown as ThreadNode<C>[])]);
  // 1 (2 likes) with replies 4 (9 likes) and 5; 2 (5 likes); 3 (2 likes); 6 (0 likes), a second after 3.
  const roots = buildThread([l(1, null, 2), l(2, null, 5), l(3, null, 2), l(4, 1, 9), l(5, 1, 0), l(6, null, 0)], 5);

  it('keeps oldest first as built', () => {
    expect(lshape(sortThreads(roots, 'oldest'))).toEqual(lshape(roots));
    expect(sortThreads(roots, 'oldest').map((n) => n.comment.id)).toEqual([1, 2, 3, 6]);
  });

  it('puts the latest conversation first, its replies still in the order they were written', () => {
    expect(lshape(sortThreads(roots, 'newest'))).toEqual([
      [6, []],
      [3, []],
      [2, []],
      [1, [[4, 2, []], [5, 2, []]]],
    ]);
  });

  it('puts the most liked first by the first comment’s own likes (not its replies’), ties oldest first', () => {
    expect(lshape(sortThreads(roots, 'likes'))).toEqual([
      [2, []],
      [1, [[4, 2, []], [5, 2, []]]],
      [3, []],
      [6, []],
    ]);
  });

  it('breaks ties in time by id, newest and most liked alike', () => {
    const same = buildThread([l(8, null, 1, 1), l(7, null, 1, 1)], 5);
    expect(sortThreads(same, 'newest').map((n) => n.comment.id)).toEqual([8, 7]);
    expect(sortThreads(same, 'likes').map((n) => n.comment.id)).toEqual([7, 8]);
  });

  it('leaves the thread it was given as it was', () => {
    sortThreads(roots, 'newest');
    expect(roots.map((n) => n.comment.id)).toEqual([1, 2, 3, 6]);
  });

  it('pages the sorted thread, and finds a comment’s page in that order', () => {
    const sorted = sortThreads(roots, 'newest');
    expect(threadPage(sorted, 2, 2).map((n) => n.comment.id)).toEqual([2, 1]);
    expect(pageOfComment(sorted, 2, 5)).toBe(2);
  });
});
