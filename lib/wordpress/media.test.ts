import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoWidths } from '../photo-sizes';
import { importImage, mediaSource, type MediaSource } from './media';

const SITE = 'https://old.example';
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-wp-media-'));
const media = path.join(temp, 'media');
/** The old WordPress folder, laid out as WordPress writes its uploads. */
const wordpress = path.join(temp, 'wordpress');
const uploads = path.join(wordpress, 'wp-content', 'uploads');

const picture = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 140 } } })[format]().toBuffer();

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="400" height="300"/></svg>';
let files: Record<string, Buffer>;
let server: http.Server;
let oldSite: string;
const requested: string[] = [];
/** How many megabytes of the 64 MB body had been sent when the reader hung up. */
let hugeSent: Promise<number>;

beforeAll(async () => {
  process.env.MEDIA_PATH = media;
  const jpeg = await picture(2000, 1000);
  files = {
    '2025/02/harbour.jpg': jpeg,
    '2025/02/harbour-1024x768.jpg': await picture(1024, 768),
    '2025/02/lonely-1024x768.jpg': await picture(1024, 768),
    '2025/02/chart.jpg': jpeg.subarray(0, jpeg.length / 2),
    '2025/02/chart-800x600.jpg': await picture(800, 600),
    '2025/02/pano.jpg': await picture(2400, 600),
    '2025/02/pano-scaled.jpg': await picture(1600, 400),
    '2025/02/icon.png': await picture(120, 80, 'png'),
    '2025/02/logo.jpg': Buffer.from(SVG),
    '2025/02/café au lait.jpg': await picture(640, 480),
    '2025/02/private.jpg': await picture(640, 480),
    '2025/02/poster.jpg': Buffer.alloc(16 * 1024 * 1024),
  };
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(uploads, name)), { recursive: true });
    fs.writeFileSync(path.join(uploads, name), bytes);
  }
  // Outside the uploads folder, where no image may be read from.
  fs.writeFileSync(path.join(wordpress, 'secret.jpg'), jpeg);
  fs.symlinkSync(path.join(wordpress, 'secret.jpg'), path.join(uploads, '2025/02/escape.jpg'));

  server = http.createServer((request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    requested.push(url.pathname);
    const name = decodeURIComponent(url.pathname.replace(/^\/staging\/wp-content\/uploads\//, ''));
    if (url.pathname === '/staging/wp-content/uploads/2025/02/moved.jpg') return response.writeHead(302, { location: '/staging/wp-content/uploads/2025/02/harbour.jpg' }).end();
    if (url.pathname === '/staging/wp-content/uploads/2025/02/loop.jpg') return response.writeHead(301, { location: url.pathname }).end();
    if (url.pathname === '/staging/wp-content/uploads/2025/02/ftp.jpg') return response.writeHead(302, { location: 'ftp://old.example/x.jpg' }).end();
    if (name === '2025/02/slow.jpg') return response.writeHead(200, { 'content-type': 'image/jpeg' }).write(files['2025/02/harbour.jpg']!.subarray(0, 100));
    if (name === '2025/02/huge.jpg') {
      // No Content-Length: only reading tells the size, so reading must stop.
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      const megabyte = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 64 && response.write(megabyte)) sent++;
        if (sent < 64) response.once('drain', more);
        else response.end();
      };
      hugeSent = new Promise((resolve) => response.on('close', () => resolve(sent)));
      return more();
    }
    if (name === '2025/02/private.jpg' && request.headers.authorization !== `Basic ${Buffer.from('editor:s3cret!').toString('base64')}`) {
      return response.writeHead(401).end();
    }
    if (name === '2025/02/big.jpg') return response.writeHead(200, { 'content-length': 16 * 1024 * 1024 }).end(Buffer.alloc(16 * 1024 * 1024));
    if (name === '2025/02/logo.svg') return response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
    const bytes = url.pathname.startsWith('/staging/wp-content/uploads/') ? files[name] : undefined;
    if (!bytes) return response.writeHead(404).end('Not here');
    response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  oldSite = `http://127.0.0.1:${(server.address() as AddressInfo).port}/staging`;
});

afterAll(async () => {
  delete process.env.MEDIA_PATH;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(temp, { recursive: true, force: true });
});

const source = (from: string, options = {}) => {
  const made = mediaSource(from, SITE, options);
  if ('error' in made) throw new Error(made.error);
  return made;
};
const image = (name: string) => `${SITE}/wp-content/uploads/2025/02/${name}`;
const stored = (src: string) => {
  const hash = src.slice('/media/'.length, -'.webp'.length);
  return fs.readdirSync(media).filter((name) => name.startsWith(hash)).sort();
};
const errorOf = async (from: MediaSource, url: string) => ((await importImage(from, url)) as { error?: string }).error;

describe('images from a folder holding the old site’s uploads', () => {
  it('takes the WordPress folder, its wp-content or uploads itself, and says what it expected otherwise', () => {
    for (const folder of [wordpress, path.join(wordpress, 'wp-content'), uploads]) expect(source(folder).from).toBe(fs.realpathSync(uploads));
    const empty = fs.mkdtempSync(path.join(temp, 'empty-'));
    expect(mediaSource(empty, SITE)).toEqual({ error: expect.stringMatching(/expected the old site's WordPress folder \(holding wp-content\/uploads\), its wp-content folder/) });
    expect(mediaSource(path.join(temp, 'nowhere'), SITE)).toEqual({ error: expect.stringMatching(/no such folder/) });
    expect(mediaSource('ftp://old.example/', SITE)).toEqual({ error: expect.stringMatching(/expected the old site's http\(s\) address/) });
    expect(mediaSource(wordpress, 'not a site')).toEqual({ error: expect.stringMatching(/not an http\(s\) address/) });
  });

  it('stores an image as an uploaded photo, from the original when the body shows WordPress’s resized copy', async () => {
    const folder = source(wordpress);
    const photo = await importImage(folder, image('harbour-1024x768.jpg'));
    expect(photo).toEqual({ src: expect.stringMatching(/^\/media\/[a-f0-9]{32}\.webp$/), width: 1600, height: 800 });
    const hash = (photo as { src: string }).src.slice('/media/'.length, -'.webp'.length);
    expect(stored((photo as { src: string }).src)).toEqual([`${hash}.webp`, ...photoWidths.map((width) => `${hash}-${width}.webp`)].sort());
    // A relative address, the www. host and the -scaled original all find their files.
    expect(await importImage(folder, '/wp-content/uploads/2025/02/harbour.jpg')).toEqual(photo);
    expect(await importImage(folder, 'http://www.old.example/wp-content/uploads/2025/02/pano-scaled.jpg')).toMatchObject({ width: 1600, height: 400 });
    expect(await importImage(folder, image('caf%C3%A9%20au%20lait.jpg'))).toMatchObject({ width: 640, height: 480 });
  });

  it('falls back to the copy as written when the original is missing or damaged', async () => {
    const folder = source(uploads);
    expect(await importImage(folder, image('lonely-1024x768.jpg'))).toMatchObject({ width: 1024, height: 768 });
    expect(await importImage(folder, image('chart-800x600.jpg'))).toMatchObject({ width: 800, height: 600 });
  });

  it('refuses every way out of the uploads folder, and images of other sites', async () => {
    const folder = source(wordpress);
    const attempts = [
      `${SITE}/wp-content/uploads/../../secret.jpg`,
      `${SITE}/wp-content/uploads/2025/%2e%2e/%2e%2e/%2E%2E/secret.jpg`,
      `${SITE}/wp-content/uploads/2025/..%2f..%2f..%2fsecret.jpg`,
      `${SITE}/wp-content/uploads/2025%5c..%5c..%5c..%5csecret.jpg`,
      '/wp-content/uploads/..\\..\\secret.jpg',
    ];
    for (const url of attempts) expect(await errorOf(folder, url)).toBe(`${url}: its path leaves the uploads folder.`);
    // Encoded twice: one decoding leaves a folder literally named %2e%2e, inside the uploads.
    expect(await errorOf(folder, `${SITE}/wp-content/uploads/%252e%252e/secret.jpg`)).toMatch(/there is no file .*wp-content\/uploads\/%2e%2e\/secret\.jpg/);
    expect(await errorOf(folder, image('escape.jpg'))).toMatch(/escape\.jpg: .*escape\.jpg leads outside the uploads folder\.$/);
    expect(await errorOf(folder, `${SITE}/secret.jpg`)).toBe(`${SITE}/secret.jpg: not in the old site's /wp-content/uploads/.`);
    expect(await errorOf(folder, 'file:///etc/passwd')).toBe('file:///etc/passwd: not an http(s) address.');
    expect(await errorOf(folder, '/etc/passwd')).toMatch(/not in the old site's/);
    expect(await errorOf(folder, 'https://elsewhere.example/wp-content/uploads/2025/02/harbour.jpg')).toBe(
      'https://elsewhere.example/wp-content/uploads/2025/02/harbour.jpg: not on the old site (old.example), so it is not fetched.',
    );
    expect(await errorOf(folder, '//cdn.example/wp-content/uploads/2025/02/harbour.jpg')).toMatch(/not on the old site/);
  });

  it('names the image and the reason for each one it cannot store', async () => {
    const folder = source(wordpress);
    expect(await errorOf(folder, image('gone.jpg'))).toBe(`${image('gone.jpg')}: there is no file ${path.join(fs.realpathSync(uploads), '2025/02/gone.jpg')}.`);
    expect(await errorOf(folder, image('logo.jpg'))).toBe(`${image('logo.jpg')}: it is not a picture this site can read (only JPEG, PNG and WebP).`);
    expect(await errorOf(folder, image('icon.png'))).toBe(`${image('icon.png')}: it is 120 × 80 pixels; a story photo needs at least 200 × 100.`);
    expect(await errorOf(folder, image('chart.jpg'))).toBe(`${image('chart.jpg')}: the file looks damaged or cut short.`);
    expect(await errorOf(folder, image('poster.jpg'))).toBe(`${image('poster.jpg')}: it is 16.0 MB; the most a photo can be is 15 MB.`);
    expect(await errorOf(folder, `${SITE}/wp-content/uploads/2025/`)).toMatch(/it names a folder, not a file\.$/);
  });
});

describe('images from the old site’s address', () => {
  it('reads them from the address given (another host than the export’s, with a path), preferring the original', async () => {
    const site = source(oldSite);
    expect(site.from).toBe(oldSite);
    requested.length = 0;
    const photo = await importImage(site, image('harbour-1024x768.jpg'));
    expect(photo).toMatchObject({ width: 1600, height: 800 });
    expect(stored((photo as { src: string }).src)).toHaveLength(photoWidths.length + 1);
    expect(requested).toEqual(['/staging/wp-content/uploads/2025/02/harbour.jpg']);
    expect(await importImage(site, image('lonely-1024x768.jpg'))).toMatchObject({ width: 1024, height: 768 });
    expect(await importImage(site, `${oldSite}/wp-content/uploads/2025/02/caf%C3%A9%20au%20lait.jpg`)).toMatchObject({ width: 640, height: 480 });
    // A staging copy behind a password.
    expect(await importImage(source(oldSite.replace('//', '//editor:s3cret%21@')), image('private.jpg'))).toMatchObject({ width: 640, height: 480 });
    // Its uploads folder's address works as well as the site's.
    expect(await importImage(source(`${oldSite}/wp-content/uploads/`), image('moved.jpg'))).toEqual(photo);
  });

  it('asks once for an image the story uses twice', async () => {
    const site = source(oldSite);
    requested.length = 0;
    const [first, second] = await Promise.all([importImage(site, image('pano.jpg')), importImage(site, image('pano.jpg'))]);
    expect(second).toEqual(first);
    expect(await importImage(site, image('pano.jpg'))).toEqual(first);
    expect(requested).toEqual(['/staging/wp-content/uploads/2025/02/pano.jpg']);
  });

  it('names the image and the reason: not found, too many redirects, too big, an SVG, too slow', async () => {
    const site = source(oldSite);
    const at = (name: string) => `${oldSite}/wp-content/uploads/2025/02/${name}`;
    expect(await errorOf(site, image('gone.jpg'))).toBe(`${image('gone.jpg')}: ${at('gone.jpg')} answered 404 Not Found.`);
    expect(await errorOf(site, image('loop.jpg'))).toBe(`${image('loop.jpg')}: ${at('loop.jpg')} redirects more than 5 times.`);
    expect(await errorOf(site, image('ftp.jpg'))).toMatch(/ftp\.jpg: .* redirects to ftp:\/\/old\.example\/x\.jpg, which is not an http\(s\) address\.$/);
    expect(await errorOf(site, image('logo.svg'))).toBe(`${image('logo.svg')}: it is not a picture this site can read (only JPEG, PNG and WebP).`);
    expect(await errorOf(site, image('big.jpg'))).toBe(`${image('big.jpg')}: it is 16.0 MB; the most a photo can be is 15 MB.`);
    expect(await errorOf(site, image('private.jpg'))).toBe(`${image('private.jpg')}: ${at('private.jpg')} answered 401 Unauthorized.`);
    expect(await errorOf(source(oldSite, { timeoutMs: 300 }), image('slow.jpg'))).toBe(`${image('slow.jpg')}: ${at('slow.jpg')} did not arrive within 0.3 s.`);
    expect(await errorOf(site, 'https://elsewhere.example/wp-content/uploads/2025/02/harbour.jpg')).toMatch(/not on the old site \(old\.example\)/);
  });

  it('stops reading a body past 15 MB', async () => {
    expect(await errorOf(source(oldSite), image('huge.jpg'))).toBe(`${image('huge.jpg')}: it is more than 15 MB; the most a photo can be is 15 MB.`);
    expect(await hugeSent).toBeLessThan(64);
  });

  it('says so when the old site cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await errorOf(source(`http://127.0.0.1:${port}`), image('harbour.jpg'))).toBe(
      `${image('harbour.jpg')}: http://127.0.0.1:${port}/wp-content/uploads/2025/02/harbour.jpg could not be fetched (ECONNREFUSED).`,
    );
  });
});
