import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EDGE_REFRESH_HEADER, edgeRefreshUrl, refreshAtEdge } from './edge-refresh';

const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
const server = createServer((req, res) => {
  seen.push({ path: req.url ?? '', headers: req.headers });
  res.writeHead(req.url === '/gone/story' ? 404 : 200);
  res.end('page');
});
let edge: URL;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  edge = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => server.close());

describe('edgeRefreshUrl', () => {
  it('is off unless set to an http address', () => {
    expect(edgeRefreshUrl(undefined)).toBeNull();
    expect(edgeRefreshUrl('')).toBeNull();
    expect(edgeRefreshUrl('not a url')).toBeNull();
    expect(edgeRefreshUrl('ftp://127.0.0.1')).toBeNull();
    expect(edgeRefreshUrl('http://127.0.0.1:8080')?.port).toBe('8080');
  });
});

describe('refreshAtEdge', () => {
  it('asks the edge for each path with the public host and the refresh header', async () => {
    seen.length = 0;
    const refreshed = await refreshAtEdge(['/news/a-story', '/world/another'], edge, 'news.example');
    expect(refreshed).toBe(2);
    expect(seen.map((s) => s.path).sort()).toEqual(['/news/a-story', '/world/another']);
    for (const { headers } of seen) {
      expect(headers.host).toBe('news.example');
      expect(headers[EDGE_REFRESH_HEADER]).toBe('1');
      expect(headers.cookie).toBeUndefined();
    }
  });

  it('counts only pages that came back 200, and warns instead of throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await refreshAtEdge(['/news/a-story', '/gone/story'], edge, 'news.example')).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('does nothing without an edge, and survives one that is not listening', async () => {
    seen.length = 0;
    expect(await refreshAtEdge(['/news/a-story'], null, 'news.example')).toBe(0);
    expect(seen).toHaveLength(0);
    const closed = new URL('http://127.0.0.1:9');
    await expect(refreshAtEdge(['/news/a-story'], closed, 'news.example')).resolves.toBe(0);
  });
});
