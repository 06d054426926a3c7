/**
 * `likeComment` (app/(site)/[section]/[slug]/like-actions.ts) around its database calls: what it
 * answers, when it refreshes the story's thread and how, and that an unreachable database is said in
 * words rather than thrown. The database rules themselves are db/likes.ts's tests; the whole path in a
 * browser is e2e/likes.spec.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LikeResult } from '@/db/likes';
import { storageMessage } from '@/lib/storage-errors';

const calls = vi.hoisted(() => ({
  insertLike: vi.fn<(input: unknown) => Promise<LikeResult>>(),
  likeRefreshDueFor: vi.fn<(articleId: number, now: Date) => Promise<boolean>>(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  cookies: new Map<string, string>(),
}));

vi.mock('server-only', () => ({}));
vi.mock('@/db/likes', () => ({ insertLike: calls.insertLike, likeRefreshDueFor: calls.likeRefreshDueFor }));
vi.mock('next/cache', () => ({ revalidateTag: calls.revalidateTag, updateTag: calls.updateTag }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));
vi.mock('next/headers', () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (calls.cookies.has(name) ? { value: calls.cookies.get(name) } : undefined),
      set: (name: string, value: string) => calls.cookies.set(name, value),
    }),
  headers: () => Promise.resolve(new Headers({ 'x-forwarded-for': '203.0.113.5' })),
}));

// The address as a proxy in front would give it (server/client-ip.ts).
process.env.TRUST_PROXY = '1';
const { likeComment } = await import('@/app/(site)/[section]/[slug]/like-actions');

const place = { articleId: 7, path: '/news/story' };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const idle = { status: 'idle' } as const;

beforeEach(() => {
  vi.clearAllMocks();
  calls.cookies.clear();
  calls.likeRefreshDueFor.mockResolvedValue(true);
});

describe('likeComment', () => {
  it('answers in place with the count, gives the browser an id, and refreshes the thread stale-while-revalidate', async () => {
    calls.insertLike.mockResolvedValue({ ...place, kind: 'liked', likes: 4 });
    expect(await likeComment(idle, form({ commentId: '5', js: '1' }))).toEqual({ status: 'liked', likes: 4 });
    const input = calls.insertLike.mock.calls[0]![0] as { commentId: number; liker: string; ip: string };
    expect(input).toMatchObject({ commentId: 5, ip: '203.0.113.5' });
    expect(input.liker).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls.cookies.get('bs_reporter')).toBe(input.liker);
    expect(calls.revalidateTag).toHaveBeenCalledWith('comments:7', 'max');
    expect(calls.updateTag).not.toHaveBeenCalled();
  });

  it('does not refresh the thread when it was refreshed moments ago, nor for a like that did not count', async () => {
    calls.likeRefreshDueFor.mockResolvedValue(false);
    calls.insertLike.mockResolvedValue({ ...place, kind: 'liked', likes: 2 });
    await likeComment(idle, form({ commentId: '5', js: '1' }));
    calls.likeRefreshDueFor.mockResolvedValue(true);
    calls.insertLike.mockResolvedValue({ ...place, kind: 'already', likes: 2 });
    expect(await likeComment(idle, form({ commentId: '5', js: '1' }))).toEqual({ status: 'already', likes: 2 });
    expect(calls.revalidateTag).not.toHaveBeenCalled();
    expect(calls.updateTag).not.toHaveBeenCalled();
  });

  it('without JavaScript, refreshes the thread at once and goes back to the comment in its page and order', async () => {
    calls.insertLike.mockResolvedValue({ ...place, kind: 'liked', likes: 1 });
    await expect(likeComment(idle, form({ commentId: '5', corder: 'likes', cpage: '2' }))).rejects.toThrow('redirect /news/story?cpage=2&corder=likes#comment-5');
    expect(calls.updateTag).toHaveBeenCalledWith('comments:7');
    calls.insertLike.mockResolvedValue({ ...place, kind: 'already', likes: 1 });
    await expect(likeComment(idle, form({ commentId: '5' }))).rejects.toThrow('redirect /news/story#comment-5');
  });

  it('says a refusal at the button, with JavaScript and without', async () => {
    calls.insertLike.mockResolvedValue({ ...place, kind: 'over-rate', likes: 3 });
    expect(await likeComment(idle, form({ commentId: '5' }))).toEqual({
      status: 'refused',
      likes: 3,
      message: 'You have liked a lot of comments in the last hour. Please try again later.',
    });
    calls.insertLike.mockResolvedValue({ ...place, kind: 'same-address', likes: 3 });
    expect(await likeComment(idle, form({ commentId: '5', js: '1' }))).toMatchObject({ status: 'refused', message: expect.stringMatching(/your network/) });
  });

  it('refuses a comment that cannot be liked, and bad input, in words, touching nothing', async () => {
    calls.insertLike.mockResolvedValue({ kind: 'not-found' });
    expect(await likeComment(idle, form({ commentId: '5' }))).toEqual({ status: 'invalid', message: 'This comment can no longer be liked.' });
    calls.insertLike.mockClear();
    for (const commentId of ['', 'abc', '-1', '0', '1.5']) {
      expect(await likeComment(idle, form({ commentId }))).toEqual({ status: 'invalid', message: 'This comment can no longer be liked.' });
    }
    // A hand-made call with no FormData at all.
    expect(await (likeComment as (...args: unknown[]) => Promise<unknown>)('junk')).toMatchObject({ status: 'invalid' });
    expect(calls.insertLike).not.toHaveBeenCalled();
  });

  it('says the database is out of reach instead of failing, and lets a bug fail', async () => {
    calls.insertLike.mockRejectedValue(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await likeComment(idle, form({ commentId: '5', js: '1' }))).toEqual({ status: 'invalid', message: storageMessage });
    // Stored, then the database went: the like is answered as counted, the thread left to its next refresh.
    calls.insertLike.mockResolvedValue({ ...place, kind: 'liked', likes: 1 });
    calls.likeRefreshDueFor.mockRejectedValue(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
    expect(await likeComment(idle, form({ commentId: '5', js: '1' }))).toEqual({ status: 'liked', likes: 1 });
    expect(calls.revalidateTag).not.toHaveBeenCalled();
    calls.insertLike.mockRejectedValue(new TypeError('a bug'));
    await expect(likeComment(idle, form({ commentId: '5', js: '1' }))).rejects.toThrow('a bug');
  });
});
