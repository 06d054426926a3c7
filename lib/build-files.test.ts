import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBuildFiles, fileFor, type BuildFiles } from './build-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-files-'));
const staticDir = path.join(dir, 'static');
const script = `/* a chunk */ ${'self.__next_f.push([1,"a line of the runtime, repeated"]);\n'.repeat(2000)}`;
fs.mkdirSync(path.join(staticDir, 'chunks'), { recursive: true });
fs.writeFileSync(path.join(staticDir, 'chunks', 'app.js'), script);
fs.writeFileSync(path.join(staticDir, 'chunks', 'other.js'), script.replace('a chunk', 'another chunk'));
fs.writeFileSync(path.join(staticDir, 'chunks', 'font.woff2'), Buffer.alloc(5000, 7));
fs.writeFileSync(path.join(dir, 'secret.txt'), 'not a build file');

/** What Next answers for a build file, as it answers: its headers, the file's bytes, or a 404. */
let nextAnswered = 0;
function fakeNext(request: http.IncomingMessage, response: http.ServerResponse) {
  nextAnswered++;
  const file = fileFor(staticDir, request.url!);
  if (!file || !fs.existsSync(file)) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Accept-Ranges', 'bytes');
  response.setHeader('Content-Type', file.endsWith('.js') ? 'application/javascript; charset=UTF-8' : 'font/woff2');
  response.end(fs.readFileSync(file));
}

let buildFiles: BuildFiles;
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    // As scripts/serve.ts: a header that depends on how this request arrived, set before anything else.
    if (request.headers['x-forwarded-proto'] === 'https') response.setHeader('Strict-Transport-Security', 'max-age=63072000');
    buildFiles.handle(request, response, () => fakeNext(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  buildFiles = createBuildFiles({ staticDir, maxBytes: 1024 * 1024 });
  nextAnswered = 0;
});

function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(`${origin}${urlPath}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}

const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('build files', () => {
  it('leaves the first request to Next, then answers from memory, compressed once with Next\'s headers', async () => {
    const first = await get('/_next/static/chunks/app.js', browser);
    expect(first.status).toBe(200);
    expect(nextAnswered).toBe(1);
    await buildFiles.settled();

    const second = await get('/_next/static/chunks/app.js', browser);
    expect(nextAnswered).toBe(1); // not asked again
    expect(second.status).toBe(200);
    expect(second.headers['content-encoding']).toBe('br');
    expect(Number(second.headers['content-length'])).toBe(second.body.length);
    expect(second.body.length).toBeLessThan(script.length / 20);
    expect(brotliDecompressSync(second.body).toString()).toBe(script);
    expect(second.headers['vary']).toBe('Accept-Encoding');
    expect(second.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(second.headers['x-content-type-options']).toBe('nosniff');
    expect(second.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(second.headers['accept-ranges']).toBeUndefined();
  });

  it('gives gzip to a client without Brotli, and leaves a client that wants neither to Next', async () => {
    await get('/_next/static/chunks/app.js', browser);
    await buildFiles.settled();
    const gzipped = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);
    expect(nextAnswered).toBe(1);
    const plain = await get('/_next/static/chunks/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(nextAnswered).toBe(2);
  });

  it('answers a burst of first requests with one answer from Next and one compression', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => get('/_next/static/chunks/app.js', browser)));
    expect(nextAnswered).toBe(1);
    for (const response of burst) {
      expect(response.status).toBe(200);
      const body = response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.body) : response.body;
      expect(body.toString()).toBe(script);
    }
    // All but the first from memory (this stand-in for Next does not compress).
    expect(burst.filter((response) => response.headers['content-encoding'] === 'br').length).toBe(19);
  });

  it('sends a burst for a missing file on to Next once the first answer is known', async () => {
    const burst = await Promise.all(Array.from({ length: 5 }, () => get('/_next/static/chunks/missing.js', browser)));
    expect(burst.map((response) => response.status)).toEqual([404, 404, 404, 404, 404]);
    expect(nextAnswered).toBe(5);
  });

  it('answers HEAD from memory without a body', async () => {
    await get('/_next/static/chunks/app.js', browser);
    await buildFiles.settled();
    const head = await get('/_next/static/chunks/app.js', browser, 'HEAD');
    expect(nextAnswered).toBe(1);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it('does not replay a header that belonged to the first request', async () => {
    await get('/_next/static/chunks/app.js', { ...browser, 'x-forwarded-proto': 'https' });
    await buildFiles.settled();
    const overHttp = await get('/_next/static/chunks/app.js', browser);
    expect(nextAnswered).toBe(1);
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    const overHttps = await get('/_next/static/chunks/app.js', { ...browser, 'x-forwarded-proto': 'https' });
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=63072000');
  });

  it('leaves ranges, conditional requests, 404s, files that do not compress and other addresses to Next', async () => {
    await get('/_next/static/chunks/app.js', browser);
    await buildFiles.settled();
    await get('/_next/static/chunks/app.js', { ...browser, range: 'bytes=0-9' });
    await get('/_next/static/chunks/app.js', { ...browser, 'if-modified-since': new Date().toUTCString() });
    expect(nextAnswered).toBe(3);

    for (const urlPath of ['/_next/static/chunks/missing.js', '/_next/static/chunks/font.woff2', '/chunks/app.js']) {
      await get(urlPath, browser);
      await buildFiles.settled();
      const before = nextAnswered;
      await get(urlPath, browser);
      expect(nextAnswered, urlPath).toBe(before + 1);
    }
  });

  it('forgets the least recently used files beyond its budget', async () => {
    const small = createBuildFiles({ staticDir, maxBytes: 1 }); // room for nothing
    buildFiles = small;
    await get('/_next/static/chunks/other.js', browser);
    await small.settled();
    await get('/_next/static/chunks/other.js', browser);
    expect(nextAnswered).toBe(2);
  });
});

describe('fileFor', () => {
  const root = path.resolve(staticDir);
  it('maps a build-file address into the static folder, and nothing outside it', () => {
    expect(fileFor(root, '/_next/static/chunks/app.js?v=1')).toBe(path.join(root, 'chunks', 'app.js'));
    expect(fileFor(root, '/_next/static/chunks/a%20b.js')).toBe(path.join(root, 'chunks', 'a b.js'));
    expect(fileFor(root, '/_next/static/../secret.txt')).toBeNull();
    expect(fileFor(root, '/_next/static/%2e%2e/secret.txt')).toBeNull();
    expect(fileFor(root, '/_next/static/..%2fsecret.txt')).toBeNull();
    expect(fileFor(root, '/_next/static/%E0%A4%A')).toBeNull();
    expect(fileFor(root, '/_next/static/a%00.js')).toBeNull();
    expect(fileFor(root, '/_next/static/')).toBeNull();
  });
});
