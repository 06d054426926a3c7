import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createBodyEncoder, sendLargeBodiesEncoded } from './encoded-bodies';

/** A page as a story is: long, with quotes, dashes and accents that make it a two-byte string. */
function page(n: number) {
  return `<p>“Stories”, page ${n} — Łódź, São Paulo, Zürich.</p>`.repeat(400);
}

describe('createBodyEncoder', () => {
  it('gives exactly the UTF-8 bytes Node would write', () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000 });
    const body = page(1);
    expect(encoder.encode(body).equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(encoder.encode('short “text”').toString('utf8')).toBe('short “text”');
  });

  it('encodes a large body once and hands back the same bytes for the same text', () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000 });
    const first = encoder.encode(page(1));
    expect(encoder.encode(page(1))).toBe(first); // an equal string, not the same one
    expect(encoder.encode(page(2))).not.toBe(first);
  });

  it('does not remember small bodies', () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000, minChars: 1000 });
    const body = 'x'.repeat(999);
    expect(encoder.encode(body)).not.toBe(encoder.encode(body));
  });

  it('forgets the least recently used pages beyond its budget, counting the text it holds', () => {
    const one = page(1);
    // Room for two pages: bytes plus two bytes a character of the text.
    const encoder = createBodyEncoder({ maxBytes: 2 * (Buffer.byteLength(one) + one.length * 2) + 10 });
    const first = encoder.encode(page(1));
    const second = encoder.encode(page(2));
    expect(encoder.encode(page(1))).toBe(first); // page 2 is now the least recently used
    encoder.encode(page(3));
    expect(encoder.encode(page(1))).toBe(first);
    expect(encoder.encode(page(2))).not.toBe(second);
  });
});

describe('sendLargeBodiesEncoded', () => {
  it('serves the same bytes and headers over HTTP, for large and small bodies', async () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000 });
    const large = page(7);
    const server = http.createServer((req, res) => {
      sendLargeBodiesEncoded(res, encoder);
      const body = req.url?.startsWith('/large') ? large : 'small “body”';
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(body));
      if (req.url === '/large-callback') return res.end(large, 'utf8', () => undefined);
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${base}/large`);
        expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(large)));
        expect(await response.text()).toBe(large);
      }
      expect(await (await fetch(`${base}/small`)).text()).toBe('small “body”');
      const withCallback = await fetch(`${base}/large-callback`);
      expect(await withCallback.text()).toBe(large);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('leaves a body in another encoding alone', () => {
    const calls: unknown[][] = [];
    const response = { end: (...args: unknown[]) => calls.push(args) } as unknown as http.ServerResponse;
    sendLargeBodiesEncoded(response, createBodyEncoder({ maxBytes: 1_000_000, minChars: 4 }));
    response.end('68656c6c6f', 'hex');
    response.end('hello “you”');
    expect(calls[0]).toEqual(['68656c6c6f', 'hex', undefined]);
    expect(Buffer.isBuffer(calls[1]![0])).toBe(true);
    expect((calls[1]![0] as Buffer).toString('utf8')).toBe('hello “you”');
  });
});
