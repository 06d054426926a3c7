import 'server-only';
import { MAX_PHOTO_BYTES, storePhotoBytes, type PhotoRefusal, type PhotoShape, type UploadedPhoto } from './photo-store';

/**
 * A photo uploaded on the desk, with a story or as a byline's portrait: checked and stored by
 * lib/photo-store.ts, which the WordPress importer shares.
 */

export { MAX_PHOTO_BYTES, acceptedPhotoTypes, type PhotoRefusal, type PhotoShape, type UploadedPhoto } from './photo-store';

/** Checks and stores an uploaded photo; a refusal says why, in words for the person who chose the file. */
export async function storeUploadedPhoto(file: File, shape: PhotoShape = 'story'): Promise<UploadedPhoto | PhotoRefusal> {
  // Before reading it: an upload far over the limit is refused without holding it in memory.
  if (file.size > MAX_PHOTO_BYTES) return { refused: `That photo is ${(file.size / 1024 / 1024).toFixed(1)} MB; the most a photo can be is 15 MB.` };
  const stored = await storePhotoBytes(Buffer.from(await file.arrayBuffer()), file.name, shape);
  return 'refused' in stored ? { refused: stored.refused } : stored;
}
