/**
 * Draws the publisher logo that structured data and feeds point to: public/logo.png, 512x512, a
 * "B" monogram drawn as paths (no font needed), rasterised by sharp.
 *
 *   npx tsx scripts/make-logo.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#1b1a17"/>
  <path fill="#fbf9f4" fill-rule="evenodd" d="
    M150 100 H292 C352 100 384 134 384 180 C384 212 366 236 338 246 C376 256 400 286 400 330 C400 382 362 412 298 412 H150 Z
    M212 152 V226 H284 C308 226 322 212 322 189 C322 166 308 152 284 152 Z
    M212 276 V360 H292 C320 360 338 344 338 318 C338 292 320 276 292 276 Z"/>
  <rect x="112" y="440" width="288" height="8" fill="#a3201c"/>
</svg>`;

await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(path.join(root, 'public', 'logo.png'));
console.log('wrote public/logo.png');
