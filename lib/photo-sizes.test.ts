import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writePhotoSizes } from '../scripts/photo-sizes';
import photoLoader from './photo-loader';
import { photoWidths, sizedPhotoFiles, sizedPhotoSrc } from './photo-sizes';

describe('sizedPhotoSrc', () => {
  it('points a photo of ours at its resized copy', () => {
    expect(sizedPhotoSrc('/images/lead-story.jpg', 640)).toBe('/images/sized/lead-story-640.webp');
    expect(photoLoader({ src: '/images/lead-story.png', width: 256, quality: 75 })).toBe('/images/sized/lead-story-256.webp');
  });

  it('takes the next width up for a width that is not on the list, and the largest past the end', () => {
    expect(sizedPhotoSrc('/images/a.jpg', 700)).toBe('/images/sized/a-828.webp');
    expect(sizedPhotoSrc('/images/a.jpg', 4000)).toBe(`/images/sized/a-${Math.max(...photoWidths)}.webp`);
  });

  it('leaves any other address as it is', () => {
    for (const src of ['https://example.com/images/a.jpg', '/logo.png', '/images/nested/a.jpg', '/images/a.svg', '/images/../a.jpg']) {
      expect(sizedPhotoSrc(src, 640)).toBe(src);
    }
  });

  it('names one copy per width for a photo, none for other files', () => {
    expect(sizedPhotoFiles('a.jpg')).toEqual(photoWidths.map((w) => [w, `a-${w}.webp`]));
    expect(sizedPhotoFiles('notes.txt')).toEqual([]);
  });
});

describe('writePhotoSizes', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes each width once as WebP, never wider than the photo, and again when the photo changes', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-sizes-'));
    fs.mkdirSync(path.join(dir, 'images'));
    const photo = path.join(dir, 'images', 'a.jpg');
    await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#336699' } }).jpeg().toFile(photo);
    fs.writeFileSync(path.join(dir, 'images', 'readme.txt'), 'not a photo');

    expect(await writePhotoSizes(dir)).toBe(photoWidths.length);
    const sized = (w: number) => path.join(dir, 'images', 'sized', `a-${w}.webp`);
    const small = await sharp(sized(256)).metadata();
    expect([small.format, small.width, small.height]).toEqual(['webp', 256, 128]);
    expect((await sharp(sized(1600)).metadata()).width).toBe(1000);

    expect(await writePhotoSizes(dir)).toBe(0);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(photo, later, later);
    expect(await writePhotoSizes(dir)).toBe(photoWidths.length);
    expect(fs.readdirSync(path.join(dir, 'images', 'sized')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names a file that is not a picture and goes on with the others', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-sizes-'));
    fs.mkdirSync(path.join(dir, 'images'));
    fs.writeFileSync(path.join(dir, 'images', 'broken.jpg'), 'not a jpeg');
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#996633' } }).jpeg().toFile(path.join(dir, 'images', 'good.jpg'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await writePhotoSizes(dir)).toBe(photoWidths.length);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('public/images/broken.jpg'));
    } finally {
      errors.mockRestore();
    }
    const sized = fs.readdirSync(path.join(dir, 'images', 'sized'));
    expect(sized.filter((f) => f.startsWith('good-'))).toHaveLength(photoWidths.length);
    expect(sized.filter((f) => f.startsWith('broken-') || f.endsWith('.tmp'))).toEqual([]);
  });
});
