/**
 * Route handlers when the database is out of reach (app/storage-unavailable.ts): a comment's
 * permalink answers 503 with Retry-After and a sentence, not Next's bare 500; any other failure is
 * still thrown. The outage itself, with PostgreSQL paused under running servers, is
 * e2e/cluster-suite.ts's.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ threadAddress: vi.fn<(id: number) => Promise<null>>() }));

vi.mock('server-only', () => ({}));
vi.mock('@/app/comments/[id]/thread-address', () => ({ threadAddress: calls.threadAddress }));
vi.mock('next/headers', () => ({ cookies: () => Promise.resolve({ get: () => undefined }) }));

const { GET } = await import('@/app/comments/[id]/route');
const { answeredWhenStorageFails } = await import('@/app/storage-unavailable');

const permalink = () => GET(new Request('http://localhost/comments/12'), { params: Promise.resolve({ id: '12' }) });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('a route handler when the database is out of reach', () => {
  beforeEach(() => {
    calls.threadAddress.mockReset();
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  it('answers 503 with Retry-After and a sentence, uncached', async () => {
    calls.threadAddress.mockRejectedValue(new Error('Failed query', { cause: refused }));
    const response = await permalink();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toMatch(/cannot reach its database just now/);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('[comments] the database is out of reach'));
  });

  it('still answers as before when it is reachable', async () => {
    calls.threadAddress.mockResolvedValue(null);
    expect((await permalink()).status).toBe(404);
  });

  it('throws any other failure on, for Next to answer and log as the bug it is', async () => {
    calls.threadAddress.mockRejectedValue(new TypeError('x is undefined'));
    await expect(permalink()).rejects.toThrow('x is undefined');
    await expect(answeredWhenStorageFails('test', () => Promise.reject(new Error('NEXT_NOT_FOUND')))()).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
