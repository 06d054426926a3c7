/**
 * Story photos are resized ahead of time, not by the server as readers ask for them: the widths
 * here are the only ones next/image puts in a srcset (next.config.ts), and `npm start` writes each
 * photo in public/images at each of them as WebP before the server starts (scripts/photo-sizes.ts).
 * Resizing at run time loaded sharp into the server (35 MB more memory) and made the first reader
 * of every size wait for it (README "Performance").
 *
 * No Node imports: next/image calls the loader in the browser too.
 */

/** The widths a full-width photo is offered at; the largest is the photos' own width. */
export const photoDeviceWidths = [640, 828, 1080, 1200, 1600];
/** The widths a thumbnail is offered at (a story card's photo is at most 200 CSS px wide). */
export const photoThumbnailWidths = [256, 384];
export const photoWidths = [...photoThumbnailWidths, ...photoDeviceWidths];

/** Where the resized copies are written, under public/, and so where they are served from. */
export const sizedPhotoFolder = '/images/sized';

const ownPhoto = /^\/images\/([a-z0-9][a-z0-9-]*)\.(?:jpe?g|png|webp)$/i;

/** Where photos uploaded on the desk are served from (app/media/[file]/route.ts, from MEDIA_PATH). */
export const mediaFolder = '/media';
/** An uploaded photo's address: its content hash, and the name of its largest copy. */
const uploadedPhoto = /^\/media\/([a-f0-9]{32})\.webp$/;

/** The width a copy of a photo `width` wide is made at and served at. */
const sizeFor = (width: number) => photoWidths.find((w) => w >= width) ?? photoWidths[photoWidths.length - 1]!;

/**
 * The address of `src` at `width` pixels wide: a resized copy for a photo of ours in public/images
 * or uploaded on the desk, or `src` itself for anything else (which is then shown as it is).
 */
export function sizedPhotoSrc(src: string, width: number): string {
  const uploaded = uploadedPhoto.exec(src)?.[1];
  if (uploaded) return `${mediaFolder}/${uploaded}-${sizeFor(width)}.webp`;
  const name = ownPhoto.exec(src)?.[1];
  if (!name) return src;
  return `${sizedPhotoFolder}/${name}-${sizeFor(width)}.webp`;
}

/** Whether `src` is a photo this site keeps: one of its own in public/images, or one uploaded on the desk. */
export function isSitePhotoSrc(src: string) {
  return ownPhoto.test(src) || uploadedPhoto.test(src);
}

/** The address of an uploaded photo, by its content hash (32 hex digits). */
export const uploadedPhotoSrc = (hash: string) => `${mediaFolder}/${hash}.webp`;

/** The files an uploaded photo is kept as: its largest copy, then each width next/image asks for. */
export function uploadedPhotoFiles(hash: string): [width: number | null, name: string][] {
  return [[null, `${hash}.webp`], ...photoWidths.map((width): [number, string] => [width, `${hash}-${width}.webp`])];
}

/** A file name under the media folder that this site could have written, or null. */
export function isMediaFileName(name: string) {
  return /^[a-f0-9]{32}(-\d{3,4})?\.webp$/.test(name);
}

/** The resized copies of a photo file in public/images, as [width, file name] pairs. */
export function sizedPhotoFiles(fileName: string): [number, string][] {
  const name = ownPhoto.exec(`/images/${fileName}`)?.[1];
  if (!name) return [];
  return photoWidths.map((width) => [width, `${name}-${width}.webp`]);
}
