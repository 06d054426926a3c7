import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { photoWidths } from './photo-sizes';

vi.mock('server-only', () => ({}));

const media = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-'));
beforeAll(() => {
  process.env.MEDIA_PATH = media;
});
afterAll(() => {
  delete process.env.MEDIA_PATH;
  fs.rmSync(media, { recursive: true, force: true });
});

const { MAX_PHOTO_BYTES, storeUploadedPhoto } = await import('./photo-upload');

const picture = (format: 'jpeg' | 'png' | 'webp', width = 2400, height = 1600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 140 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#e0c040"/></svg>`) }])
    [format]()
    .toBuffer();

const refusal2 = async (size: number) => ((await storeUploadedPhoto(file(Buffer.alloc(size), 'big.jpg'))) as { refused?: string }).refused;
const file = (bytes: Buffer | string, name: string, type = '') => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });

describe('a photo uploaded with a story', () => {
  it('is sized once, at upload, as WebP at every width readers ask for, and named by its content', async () => {
    const stored = await storeUploadedPhoto(file(await picture('jpeg'), 'harbour.jpg', 'image/jpeg'));
    expect(stored).toEqual({ src: expect.stringMatching(/^\/media\/[a-f0-9]{32}\.webp$/), width: 1600, height: 1067 });
    const hash = (stored as { src: string }).src.slice('/media/'.length, -'.webp'.length);
    const files = fs.readdirSync(media).filter((name) => name.startsWith(hash)).sort();
    expect(files).toEqual([`${hash}.webp`, ...photoWidths.map((width) => `${hash}-${width}.webp`)].sort());
    expect((await sharp(path.join(media, `${hash}-640.webp`)).metadata()).width).toBe(640);
    // The same photo again is the same files.
    expect(await storeUploadedPhoto(file(await picture('jpeg'), 'again.jpeg'))).toEqual(stored);
  });

  it('cuts a byline’s photo to a square, kept apart from the same file as a story photo, and refuses one too small', async () => {
    const bytes = await picture('jpeg', 1200, 800);
    const story = (await storeUploadedPhoto(file(bytes, 'face.jpg'))) as { src: string };
    const portrait = (await storeUploadedPhoto(file(bytes, 'face.jpg'), 'portrait')) as { src: string; width: number; height: number };
    expect(portrait).toMatchObject({ width: 800, height: 800 });
    expect(portrait.src).not.toBe(story.src);
    const hash = portrait.src.slice('/media/'.length, -'.webp'.length);
    expect(await sharp(path.join(media, `${hash}.webp`)).metadata()).toMatchObject({ width: 800, height: 800 });
    expect(await sharp(path.join(media, `${hash}-256.webp`)).metadata()).toMatchObject({ width: 256, height: 256 });
    expect(await storeUploadedPhoto(file(await picture('png', 400, 150), 'wide.png'), 'portrait')).toEqual({ refused: 'That photo is 400 × 150 pixels; a byline photo needs at least 200 × 200.' });
  });

  it('takes PNG and WebP by their bytes', async () => {
    expect(await storeUploadedPhoto(file(await picture('png', 900, 600), 'chart.png'))).toMatchObject({ width: 900, height: 600 });
    expect(await storeUploadedPhoto(file(await picture('webp', 1200, 800), 'ferry.webp'))).toMatchObject({ width: 1200, height: 800 });
  });

  it('refuses, saying why: too large, not a picture, an SVG, a wrong name, a truncated JPEG, too small', async () => {
    expect(await refusal2(MAX_PHOTO_BYTES + 1)).toMatch(/the most a photo can be is 15 MB/);
    const refusal = async (upload: File) => ((await storeUploadedPhoto(upload)) as { refused?: string }).refused;
    expect(await refusal(file(Buffer.alloc(16 * 1024 * 1024), 'huge.jpg'))).toMatch(/16\.0 MB; the most a photo can be is 15 MB/);
    expect(await refusal(file('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>', 'photo.jpg', 'image/jpeg'))).toMatch(/not a picture this site can read|SVG/);
    expect(await refusal(file('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', 'logo.svg', 'image/svg+xml'))).toMatch(/Please choose a JPEG, PNG or WebP photo/);
    expect(await refusal(file(Buffer.from('MZ this is a program'), 'setup.jpg'))).toMatch(/That file is an EXE file, whatever its name says/);
    expect(await refusal(file(await picture('png', 900, 600), 'chart.jpg'))).toMatch(/named \.jpg but is a PNG photo/);
    const jpeg = await picture('jpeg');
    expect(await refusal(file(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg'))).toMatch(/damaged or cut short/);
    expect(await refusal(file(await picture('jpeg', 120, 80), 'tiny.jpg'))).toMatch(/120 × 80 pixels/);
    expect(await refusal(file(Buffer.alloc(0), 'empty.jpg'))).toMatch(/empty/);
  });
});
