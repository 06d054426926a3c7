/**
 * Writes every photo in public/images at each width next/image asks for (lib/photo-sizes.ts), as
 * WebP, into public/images/sized. Run by `npm start` before the server starts (scripts/prepare-start.ts),
 * so a photo added to public/images is served in its sizes from the next start. Copies that are newer
 * than their photo are kept; a run with nothing to do takes milliseconds.
 *
 *   npx tsx scripts/photo-sizes.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizedPhotoFiles, sizedPhotoFolder } from '../lib/photo-sizes';

/** WebP at Next's own default quality for next/image. */
const quality = 75;

export async function writePhotoSizes(publicDir = path.join(process.cwd(), 'public')): Promise<number> {
  const photos = path.join(publicDir, 'images');
  const out = path.join(publicDir, ...sizedPhotoFolder.split('/').filter(Boolean));
  if (!fs.existsSync(photos)) return 0;
  fs.mkdirSync(out, { recursive: true });
  let written = 0;
  for (const entry of fs.readdirSync(photos, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(photos, entry.name);
    const changed = fs.statSync(source).mtimeMs;
    const missing = sizedPhotoFiles(entry.name).filter(([, name]) => {
      const file = path.join(out, name);
      return !fs.existsSync(file) || fs.statSync(file).mtimeMs < changed;
    });
    if (missing.length === 0) continue;
    // sharp only here, in the start-up's preparation: the server itself never loads it.
    const { default: sharp } = await import('sharp');
    const image = sharp(source);
    const results = await Promise.allSettled(
      missing.map(async ([width, name]) => {
        const file = path.join(out, name);
        const partial = `${file}.${process.pid}.tmp`;
        try {
          await image.clone().resize({ width, withoutEnlargement: true }).webp({ quality }).toFile(partial);
          fs.renameSync(partial, file);
        } finally {
          fs.rmSync(partial, { force: true });
        }
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    // A file that is not a readable picture must not keep the site from starting: it is named, and
    // the stories that use it show a missing image until it is replaced.
    if (failed) console.error(`Could not resize public/images/${entry.name}: ${String(failed.reason).split('\n')[0]}`);
    written += results.filter((result) => result.status === 'fulfilled').length;
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await writePhotoSizes();
  console.log(`${written} photo sizes written to public${sizedPhotoFolder}`);
}
