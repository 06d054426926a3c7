import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerByteLengthFromMemory, chooseCoding, createBodyEncoder, createCompression, sendLargeBodiesEncoded } from './encoded-bodies';

const require = createRequire(import.meta.url);

/** A page as a story is: long, with quotes, dashes and accents that make it a two-byte string. */
function page(n: number) {
  return `<p>“Stories”, page ${n} — Łódź, São Paulo, Zürich.</p>`.repeat(400);
}

describe('createBodyEncoder', () => {
  it('gives exactly the UTF-8 bytes Node would write, and their Brotli and gzip forms', () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000 });
    const body = page(1);
    const utf8 = Buffer.from(body, 'utf8');
    expect(encoder.encode(body).equals(utf8)).toBe(true);
    expect(brotliDecompressSync(encoder.encode(body, 'br')).equals(utf8)).toBe(true);
    expect(gunzipSync(encoder.encode(body, 'gzip')).equals(utf8)).toBe(true);
    expect(encoder.encode(body, 'br').length).toBeLessThan(utf8.length / 10);
    expect(encoder.encode('short “text”').toString('utf8')).toBe('short “text”');
    expect(gunzipSync(encoder.encode('short “text”', 'gzip')).toString('utf8')).toBe('short “text”');
  });

  it('encodes a large body once per coding and hands back the same bytes for the same text', () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000 });
    const first = encoder.encode(page(1));
    const brotli = encoder.encode(page(1), 'br');
    expect(encoder.encode(page(1))).toBe(first); // an equal string, not the same one
    expect(encoder.encode(page(1), 'br')).toBe(brotli);
    expect(encoder.encode(page(1), 'gzip')).toBe(encoder.encode(page(1), 'gzip'));
    expect(encoder.encode(page(2))).not.toBe(first);
  });

  it('does not remember small bodies', () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000, minChars: 1000 });
    const body = 'x'.repeat(999);
    expect(encoder.encode(body)).not.toBe(encoder.encode(body));
  });

  it('forgets the least recently used pages beyond its budget, counting the text and every coding it holds', () => {
    const one = page(1);
    // Room for two pages with their Brotli bytes, not three.
    const perPage = Buffer.byteLength(one) + one.length * 2 + createBodyEncoder({ maxBytes: 1e7 }).encode(one, 'br').length;
    const encoder = createBodyEncoder({ maxBytes: 2 * perPage + 100 });
    const first = encoder.encode(page(1), 'br');
    const second = encoder.encode(page(2), 'br');
    expect(encoder.encode(page(1), 'br')).toBe(first); // page 2 is now the least recently used
    encoder.encode(page(3), 'br');
    expect(encoder.encode(page(1), 'br')).toBe(first);
    expect(encoder.encode(page(2), 'br')).not.toBe(second);
  });
});

describe('answerByteLengthFromMemory', () => {
  it("answers Buffer.byteLength for a page the encoder holds, and leaves everything else to Node's", () => {
    const encoder = createBodyEncoder({ maxBytes: 10_000_000 });
    const body = page(3);
    expect(encoder.knownByteLength(body)).toBeUndefined();
    encoder.encode(body, 'br');
    expect(encoder.knownByteLength(body)).toBe(Buffer.from(body, 'utf8').length);

    const original = Buffer.byteLength;
    // A stand-in that claims a length no real computation would give, to see which one answered.
    const undo = answerByteLengthFromMemory({ ...encoder, knownByteLength: (text) => (text === body ? 42 : undefined) });
    try {
      expect(Buffer.byteLength(body)).toBe(42);
      expect(Buffer.byteLength(body, 'utf8')).toBe(42);
      expect(Buffer.byteLength(body, 'latin1')).toBe(body.length);
      expect(Buffer.byteLength(page(4))).toBe(Buffer.from(page(4), 'utf8').length);
      expect(Buffer.byteLength(Buffer.from('abc'))).toBe(3);
    } finally {
      undo();
    }
    expect(Buffer.byteLength).toBe(original);
  });
});

describe('chooseCoding', () => {
  const response = (headers: Record<string, string>) => ({ getHeader: (name: string) => headers[name] });
  const html = response({ 'Content-Type': 'text/html; charset=utf-8' });
  const request = (acceptEncoding?: string) => ({ headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('prefers Brotli when a browser accepts it, whatever order it lists codings in', () => {
    expect(chooseCoding(request('gzip, deflate, br, zstd'), html)).toBe('br');
    expect(chooseCoding(request('br;q=0.5, gzip'), html)).toBe('gzip');
    expect(chooseCoding(request('gzip, deflate'), html)).toBe('gzip');
  });

  it('sends plain bytes when nothing else is accepted or allowed', () => {
    expect(chooseCoding(request(), html)).toBe('identity');
    expect(chooseCoding(request('deflate'), html)).toBe('identity');
    expect(chooseCoding(request('identity;q=0'), html)).toBe('identity');
    expect(chooseCoding(request('br'), response({ 'Content-Type': 'image/webp' }))).toBe('identity');
    expect(chooseCoding(request('br'), response({ 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }))).toBe('identity');
    expect(chooseCoding(request('br'), response({ 'Content-Type': 'text/html', 'Cache-Control': 'public, no-transform' }))).toBe('identity');
  });
});

describe('createCompression over HTTP (as scripts/serve.ts uses it)', () => {
  const large = page(7);
  const small = 'small “body” '.repeat(200); // over the middleware's 1 KB, under the encoder's minimum
  // Real script text (a repeated page would compress equally well at any quality).
  const script = fs.readFileSync(path.join(path.dirname(require.resolve('react-dom/package.json')), 'cjs/react-dom-server.node.production.js'), 'utf8').slice(0, 200_000);
  let base = '';
  let server: http.Server;

  beforeAll(async () => {
    const compress = createCompression(createBodyEncoder({ maxBytes: 10_000_000 }));
    server = http.createServer((req, res) => {
      compress(req, res, () => {
        if (req.url === '/streamed' || req.url?.startsWith('/_next/static/')) {
          // As Next streams a file or a dynamic page: in pieces.
          res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
          for (let i = 0; i < script.length; i += 8192) res.write(script.slice(i, i + 8192));
          return res.end();
        }
        // As Next sends a cached page: headers, then the whole text in one end().
        const body = req.url?.startsWith('/large') ? large : small;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Vary', 'rsc');
        res.setHeader('Content-Length', Buffer.byteLength(body));
        if (req.url === '/large-callback') return res.end(large, 'utf8', () => undefined);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** The raw response: fetch would undo the compression before we could look at it. */
  function get(path: string, acceptEncoding?: string, method = 'GET') {
    return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request(`${base}${path}`, { method, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('sends a cached page compressed once, with its true length and Vary', async () => {
    for (let i = 0; i < 2; i++) {
      const { headers, body } = await get('/large', 'gzip, deflate, br');
      expect(headers['content-encoding']).toBe('br');
      expect(headers['content-length']).toBe(String(body.length));
      expect(headers.vary).toBe('rsc, Accept-Encoding');
      expect(brotliDecompressSync(body).toString('utf8')).toBe(large); // compressed once, not twice
    }
    const gzip = await get('/large', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(large);
    const callback = await get('/large-callback', 'br');
    expect(brotliDecompressSync(callback.body).toString('utf8')).toBe(large);
  });

  it('sends plain bytes to a client that asks for none', async () => {
    const { headers, body } = await get('/large');
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['content-length']).toBe(String(Buffer.byteLength(large)));
    expect(body.toString('utf8')).toBe(large);
  });

  it('leaves smaller bodies to the compression middleware, as Next did', async () => {
    const { headers, body } = await get('/small', 'gzip');
    expect(headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(body).toString('utf8')).toBe(small);
  });

  it("compresses Next's build files harder than pages that stream", async () => {
    const script = await get('/_next/static/chunks/app.js', 'br');
    const streamed = await get('/streamed', 'br');
    expect(brotliDecompressSync(script.body).equals(brotliDecompressSync(streamed.body))).toBe(true);
    expect(script.body.length).toBeLessThan(streamed.body.length * 0.95);
  });

  it('answers HEAD with no body', async () => {
    const { body } = await get('/large', 'br', 'HEAD');
    expect(body.length).toBe(0);
  });
});

describe('sendLargeBodiesEncoded', () => {
  it('leaves a body in another encoding alone', () => {
    const calls: unknown[][] = [];
    const response = {
      end: (...args: unknown[]) => calls.push(args),
      headersSent: false,
      getHeader: () => undefined,
      setHeader: () => undefined,
    } as unknown as http.ServerResponse;
    sendLargeBodiesEncoded({ headers: {} }, response, createBodyEncoder({ maxBytes: 1_000_000, minChars: 4 }));
    response.end('68656c6c6f', 'hex');
    response.end('hello “you”');
    expect(calls[0]).toEqual(['68656c6c6f', 'hex', undefined]);
    expect(Buffer.isBuffer(calls[1]![0])).toBe(true);
    expect((calls[1]![0] as Buffer).toString('utf8')).toBe('hello “you”');
  });
});
