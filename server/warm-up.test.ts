import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { pagesLinkedFrom, warmUp } from './warm-up';

describe('pagesLinkedFrom', () => {
  it('takes section and story links in page order, once each, and nothing else', () => {
    const html = `<a href="/news">News</a><a class="x" href="/news/a-story">A</a><a href="/news/a-story">again</a>
      <a href="/search?q=x">s</a><a href="https://elsewhere.example/x">e</a><a href="/_next/static/x.js">j</a>
      <a href="/feed.xml">f</a><a href="/news/page/2">p</a><a href="/politics">P</a>`;
    expect(pagesLinkedFrom(html, 10)).toEqual(['/news', '/news/a-story', '/politics']);
    expect(pagesLinkedFrom(html, 2)).toEqual(['/news', '/news/a-story']);
  });
});

describe('warmUp', () => {
  it('asks for the home page, then each linked page, one at a time', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let most = 0;
    const server = createServer((req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      seen.push(req.url ?? '');
      setImmediate(() => {
        inFlight -= 1;
        res.end(req.url === '/' ? '<a href="/news">n</a><a href="/news/one">1</a>' : 'page');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await warmUp(`http://127.0.0.1:${port}`)).toEqual(['/', '/news', '/news/one']);
    expect(seen).toEqual(['/', '/news', '/news/one']);
    expect(most).toBe(1);
    server.close();
  });

  it('gives up quietly when the home page fails', async () => {
    expect(await warmUp('http://127.0.0.1:9')).toEqual(['/']);
  });
});
