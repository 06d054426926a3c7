import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { mediaPath } from './config';
import { photoDeviceWidths, uploadedPhotoFiles, uploadedPhotoSrc } from './photo-sizes';

/**
 * A photo's bytes, checked (JPEG, PNG or WebP, at most 15 MB, a whole picture), then written once as
 * WebP at every width readers' browsers ask for, into MEDIA_PATH (outside the build, so a rebuild or a
 * deploy keeps it). Readers get those files as they are (app/media/[file]/route.ts, or nginx from the
 * folder): nothing is resized at read time. Files are named by a hash of the bytes, so the same photo
 * twice is one set of files.
 *
 * A byline's photo (`portrait`) is cut to a square first, around what the picture is of (sharp's
 * `attention` strategy), so that any head-and-shoulders shot sits well in the round frame it is shown in.
 *
 * Not server-only: the desk's uploads (lib/photo-upload.ts) and the WordPress importer, a tsx script,
 * both store photos through here.
 */

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const acceptedPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
const extensionsOf: Record<string, string[]> = { 'image/jpeg': ['jpg', 'jpeg', 'jpe'], 'image/png': ['png'], 'image/webp': ['webp'] };
/** The largest copy kept: the widest a story's photo is shown at. */
const LARGEST = photoDeviceWidths[photoDeviceWidths.length - 1]!;
/** Next's own default quality for next/image. */
const QUALITY = 75;

export type UploadedPhoto = { src: string; width: number; height: number };
export type PhotoShape = 'story' | 'portrait';
/** Why a photo was not stored, in words for the person who chose the file. */
export type PhotoRefusal = { refused: string };
/**
 * A refusal as `storePhotoBytes` gives it: `reason` says the same without addressing anyone
 * ("damaged or cut short"), for a report about a photo nobody chose by hand (an import).
 */
export type StoredPhotoRefusal = PhotoRefusal & { reason: string };

/** The most a photo can be, in the words both messages use. */
const tooLarge = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB; the most a photo can be is 15 MB`;
const refusal = (refused: string, reason: string): StoredPhotoRefusal => ({ refused, reason });

/** Checks and stores a photo's bytes; `name` is the file's name, whose ending must match what the bytes are. */
export async function storePhotoBytes(bytes: Buffer, name: string, shape: PhotoShape = 'story'): Promise<UploadedPhoto | StoredPhotoRefusal> {
  if (bytes.length > MAX_PHOTO_BYTES) return refusal(`That photo is ${tooLarge(bytes.length)}.`, tooLarge(bytes.length));
  if (bytes.length === 0) return refusal('That file is empty. Please choose a JPEG, PNG or WebP photo.', 'the file is empty');
  // The type from the bytes, not the name: an SVG (which can carry scripts) or anything else called .jpg is refused.
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(acceptedPhotoTypes as readonly string[]).includes(type.mime)) {
    const what = type ? `${named(type.ext)} file` : 'not a picture this site can read';
    return refusal(
      `That file is ${what}, whatever its name says. Please choose a JPEG, PNG or WebP photo.`,
      type ? `it is ${what}, not a JPEG, PNG or WebP photo` : 'it is not a picture this site can read (only JPEG, PNG and WebP)',
    );
  }
  // As WordPress does: a name that says another type is refused, since something mislabelled it.
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension && !(extensionsOf[type.mime] ?? []).includes(extension)) {
    return refusal(
      `That file is named .${extension} but is ${named(type.ext)} photo. Please give it the right ending (.${type.ext}) and choose it again.`,
      `it is named .${extension} but is ${named(type.ext)} photo`,
    );
  }
  // sharp only here, when a photo is stored: a server that serves readers never loads it.
  const { default: sharp } = await import('sharp');
  // A truncated or corrupt file fails here as a whole, rather than being stored with a grey half.
  let image = sharp(bytes, { failOn: 'truncated', limitInputPixels: 100_000_000 }).rotate();
  let width: number;
  let height: number;
  try {
    const { info } = await image.clone().resize({ width: LARGEST, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
    width = info.width;
    height = info.height;
  } catch {
    return refusal(
      'That photo could not be read: the file looks damaged or cut short. Please export it again and choose the new file.',
      'the file looks damaged or cut short',
    );
  }
  if (shape === 'portrait') {
    if (Math.min(width, height) < 200) {
      return refusal(`That photo is ${width} × ${height} pixels; a byline photo needs at least 200 × 200.`, `it is ${width} × ${height} pixels; a byline photo needs at least 200 × 200`);
    }
    // One resize per sharp pipeline: the square is made first, then sized below like any photo.
    width = height = Math.min(width, height);
    const square = await image.clone().resize({ width, height, fit: 'cover', position: 'attention' }).png().toBuffer();
    image = sharp(square);
  } else if (width < 200 || height < 100) {
    return refusal(`That photo is ${width} × ${height} pixels; a story photo needs at least 200 × 100.`, `it is ${width} × ${height} pixels; a story photo needs at least 200 × 100`);
  }
  // A portrait is another picture than the same file as a story's photo: named apart.
  const hash = createHash('sha256').update(bytes).update(shape === 'portrait' ? 'portrait' : '').digest('hex').slice(0, 32);
  const folder = mediaPath();
  await fs.mkdir(folder, { recursive: true });
  for (const [size, fileName] of uploadedPhotoFiles(hash)) {
    const file = path.join(folder, fileName);
    if (await exists(file)) continue;
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await image
        .clone()
        .resize({ width: size ?? LARGEST, withoutEnlargement: true })
        .webp({ quality: QUALITY })
        .toFile(partial);
      await fs.rename(partial, file);
    } finally {
      await fs.rm(partial, { force: true });
    }
  }
  return { src: uploadedPhotoSrc(hash), width, height };
}

/** `an EXE`, `a PNG`: a type as the messages name it. */
const named = (ext: string) => `${/^[aefhilmnorsx]/i.test(ext) ? 'an' : 'a'} ${ext.toUpperCase()}`;

async function exists(file: string) {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
