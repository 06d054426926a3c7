/**
 * `showsOwnComments`: what proxy.ts asks for every request carrying a story's per-reader view marker.
 * The marker stays while one of the browser's comments there is held, or approved and still in its
 * edit window; it goes otherwise, and a cookie that is not the site's own names nothing. The whole
 * path in a browser, with and without JavaScript, is in e2e/comments.spec.ts.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommentStatus } from '@/lib/comment-status';
import { writeOwnComments, writePendingIds } from '@/lib/comment-cookies';

const calls = vi.hoisted(() => ({
  ownCommentStatuses: vi.fn<(articleId: number, ids: number[]) => Promise<{ id: number; status: CommentStatus }[]>>(),
  readCommentSettings: vi.fn(() => Promise.resolve({ editWindowMinutes: 10 })),
}));
vi.mock('server-only', () => ({}));
vi.mock('@/db/comments', () => ({ ownCommentStatuses: calls.ownCommentStatuses }));
vi.mock('@/db/settings', () => ({ readCommentSettings: calls.readCommentSettings }));

const { showsOwnComments } = await import('./own-view');

const now = new Date('2026-12-05T12:00:00Z');
const minutesAgo = (minutes: number) => now.getTime() - minutes * 60_000;

beforeAll(() => {
  process.env.AUTH_SECRET = 'test-secret-for-own-view';
});
beforeEach(() => vi.clearAllMocks());

describe('whether a per-reader view still shows something of its reader', () => {
  it('reads nothing and shows nothing without cookies naming a comment, or with forged ones', async () => {
    expect(await showsOwnComments(7, {}, now)).toBe(false);
    expect(await showsOwnComments(7, { pending: '12', own: `12:${minutesAgo(1)}` }, now)).toBe(false);
    expect(calls.ownCommentStatuses).not.toHaveBeenCalled();
  });

  it('shows a comment still held on this story, without reading the settings', async () => {
    calls.ownCommentStatuses.mockResolvedValue([{ id: 12, status: 'pending' }]);
    expect(await showsOwnComments(7, { pending: writePendingIds([3, 12]) }, now)).toBe(true);
    expect(calls.ownCommentStatuses).toHaveBeenCalledWith(7, [3, 12]);
    expect(calls.readCommentSettings).not.toHaveBeenCalled();
  });

  it('shows an approved comment inside its edit window, not one past it', async () => {
    calls.ownCommentStatuses.mockResolvedValue([{ id: 12, status: 'approved' }]);
    expect(await showsOwnComments(7, { pending: writePendingIds([12]), own: writeOwnComments([{ id: 12, at: minutesAgo(5) }]) }, now)).toBe(true);
    expect(await showsOwnComments(7, { pending: writePendingIds([12]), own: writeOwnComments([{ id: 12, at: minutesAgo(11) }]) }, now)).toBe(false);
  });

  it('shows nothing once its comments went to the trash or spam, or are on other stories', async () => {
    calls.ownCommentStatuses.mockResolvedValue([
      { id: 12, status: 'trash' },
      { id: 13, status: 'spam' },
    ]);
    expect(await showsOwnComments(7, { pending: writePendingIds([12, 13]), own: writeOwnComments([{ id: 12, at: minutesAgo(1) }]) }, now)).toBe(false);
    calls.ownCommentStatuses.mockResolvedValue([]);
    expect(await showsOwnComments(8, { pending: writePendingIds([12]) }, now)).toBe(false);
  });

  it('does not take a held comment for this browser when its cookie does not name it as held', async () => {
    // Named by the edit-window cookie alone (posted approved), then sent back to Pending by readers' reports.
    calls.ownCommentStatuses.mockResolvedValue([{ id: 12, status: 'pending' }]);
    expect(await showsOwnComments(7, { own: writeOwnComments([{ id: 12, at: minutesAgo(1) }]) }, now)).toBe(false);
  });
});
