/**
 * `forgetOwnView` (app/(site)/[section]/[slug]/yours/forget-actions.ts) around its database calls: it
 * expires the caller's per-reader view marker on a story only when nothing of the caller's is left
 * there, whatever the page that called it thought. The whole path in a browser is in
 * e2e/comments.spec.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OWN_COOKIE, OWN_VIEW_COOKIE, PENDING_COOKIE, writeOwnComments, writePendingIds } from '@/lib/comment-cookies';

type Row = { id: number };
const calls = vi.hoisted(() => ({
  findArticleForComment: vi.fn<(id: number) => Promise<{ id: number; slug: string; sectionSlug: string } | null>>(),
  listOwnPendingComments: vi.fn<(articleId: number, ids: number[]) => Promise<Row[]>>(),
  listApprovedComments: vi.fn<(articleId: number) => Promise<Row[]>>(),
  cookies: new Map<string, string>(),
  set: vi.fn(),
}));

vi.mock('server-only', () => ({}));
vi.mock('@/db/articles', () => ({ findArticleForComment: calls.findArticleForComment }));
vi.mock('@/db/comments', () => ({ listOwnPendingComments: calls.listOwnPendingComments, listApprovedComments: calls.listApprovedComments }));
vi.mock('@/db/settings', () => ({ getCommentSettings: () => Promise.resolve({ editWindowMinutes: 10 }) }));
vi.mock('next/headers', () => ({
  cookies: () =>
    Promise.resolve({
      has: (name: string) => calls.cookies.has(name),
      get: (name: string) => (calls.cookies.has(name) ? { value: calls.cookies.get(name) } : undefined),
      set: calls.set,
    }),
}));

const { forgetOwnView } = await import('@/app/(site)/[section]/[slug]/yours/forget-actions');

const story = { id: 7, slug: 'a-story', sectionSlug: 'news' };

beforeEach(() => {
  vi.clearAllMocks();
  calls.cookies.clear();
  calls.cookies.set(OWN_VIEW_COOKIE, '1');
  calls.findArticleForComment.mockResolvedValue(story);
  calls.listOwnPendingComments.mockResolvedValue([]);
  calls.listApprovedComments.mockResolvedValue([{ id: 40 }, { id: 41 }]);
});

describe('forgetOwnView', () => {
  it("expires the marker on the story's path once its comments were decided and the edit window passed", async () => {
    calls.cookies.set(PENDING_COOKIE, writePendingIds([41]));
    calls.cookies.set(OWN_COOKIE, writeOwnComments([{ id: 41, at: Date.now() - 11 * 60_000 }]));
    await forgetOwnView(7);
    expect(calls.listOwnPendingComments).toHaveBeenCalledWith(7, [41]);
    expect(calls.set).toHaveBeenCalledWith(expect.objectContaining({ name: OWN_VIEW_COOKIE, path: '/news/a-story', value: '', maxAge: 0 }));
  });

  it('keeps it while a comment of the browser awaits moderation there', async () => {
    calls.cookies.set(PENDING_COOKIE, writePendingIds([52]));
    calls.listOwnPendingComments.mockResolvedValue([{ id: 52 }]);
    await forgetOwnView(7);
    expect(calls.set).not.toHaveBeenCalled();
  });

  it('keeps it while a comment of the browser there may still be edited', async () => {
    calls.cookies.set(OWN_COOKIE, writeOwnComments([{ id: 41, at: Date.now() - 60_000 }]));
    await forgetOwnView(7);
    expect(calls.set).not.toHaveBeenCalled();
  });

  it('does nothing without a marker, for an id that is not one, or for a story not published', async () => {
    await forgetOwnView(-3);
    await forgetOwnView('7; drop' as unknown as number);
    calls.findArticleForComment.mockResolvedValue(null);
    await forgetOwnView(8);
    calls.cookies.delete(OWN_VIEW_COOKIE);
    await forgetOwnView(7);
    expect(calls.findArticleForComment).toHaveBeenCalledTimes(1);
    expect(calls.set).not.toHaveBeenCalled();
  });

  it('leaves the marker when the database cannot be read, for the next visit to try again', async () => {
    calls.listApprovedComments.mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    await expect(forgetOwnView(7)).resolves.toBeUndefined();
    expect(calls.set).not.toHaveBeenCalled();
  });
});
