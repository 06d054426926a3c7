import fs from 'node:fs/promises';
import path from 'node:path';
import { mediaPath } from '@/lib/config';
import { isMediaFileName } from '@/lib/photo-sizes';

/**
 * `/media/<file>`: a photo uploaded on the desk, as it was written at upload (lib/photo-upload.ts).
 * Names are content hashes, so a file never changes: cached for a year. Behind nginx the folder can
 * be served directly (docs/nginx.conf).
 */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  if (!isMediaFileName(file)) return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let body: Buffer;
  try {
    body = await fs.readFile(path.join(mediaPath(), file));
  } catch {
    return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });
  }
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
  });
}
