import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { MAX_PHOTO_BYTES, storePhotoBytes, type UploadedPhoto } from '../photo-store';

/**
 * A WordPress site's images brought over by the importer: read from the old site (its address, or a
 * copy of its `wp-content/uploads` on disk), then checked and stored as a photo uploaded on the desk is
 * (lib/photo-store.ts). Only the old site's uploads are read: an image on any other host, or a path
 * that leaves the uploads folder, is refused. Every failure is a sentence naming the image, never a
 * throw: the story imports without that image and the report says why.
 */

export type FetchedImage = { bytes: Buffer; name: string };
export type MediaSource = {
  /** Where the images are read from, as messages name it: the old site's address or the uploads folder. */
  readonly from: string;
  /**
   * The bytes of an image of the old site. For one of WordPress's resized copies (`photo-1024x768.jpg`,
   * `photo-scaled.jpg`) the original (`photo.jpg`) is read when it is there, unless `asWritten`.
   */
  fetch(imageUrl: string, options?: { asWritten?: boolean }): Promise<FetchedImage | { error: string }>;
};
export type MediaSourceOptions = {
  /** How long one image may take to arrive from the old site, redirects and body included. */
  timeoutMs?: number;
};

const UPLOADS = '/wp-content/uploads/';
const MAX_REDIRECTS = 5;
/** Images remembered per source: enough for a featured image and its body copy to meet, bounded for a large export. */
const REMEMBERED = 2000;
/** `photo-1024x768.jpg`, `photo-scaled.jpg`, `photo-rotated-300x200.jpg`: WordPress's copies of `photo.jpg`. */
const WORDPRESS_COPY = /^(.+?)(?:-(?:scaled|rotated))?(?:-\d+x\d+)?(\.[a-z0-9]+)$/i;

/** A failure to read one file; `fallBack` when the file is not there or not usable, so the copy as written is worth trying. */
type Failure = { error: string; fallBack: boolean };

/**
 * Where the old site's images come from: `from` is its address (http or https, perhaps a staging copy
 * on another host than the export's) or a folder holding its uploads (the WordPress folder, its
 * `wp-content`, or `uploads` itself). `siteBaseUrl` is the export's own address, which tells the old
 * site's images from others.
 */
export function mediaSource(from: string, siteBaseUrl: string, options: MediaSourceOptions = {}): MediaSource | { error: string } {
  const site = httpUrl(siteBaseUrl);
  if (!site) return { error: `The export's site address “${siteBaseUrl}” is not an http(s) address, so its images cannot be told from others.` };
  const given = from.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) {
    const url = httpUrl(given);
    if (!url) return { error: `Images cannot be read from ${given}: expected the old site's http(s) address or a folder holding its wp-content/uploads.` };
    return new UrlSource(site, url, options.timeoutMs ?? 20_000);
  }
  const uploads = uploadsFolder(given);
  return 'error' in uploads ? uploads : new FolderSource(site, uploads.folder);
}

/**
 * An image of the old site stored as a story photo, or why it could not be, naming the image.
 * The same address twice gives the first answer again (a featured image is often in the body too).
 */
export function importImage(source: MediaSource, imageUrl: string): Promise<UploadedPhoto | { error: string }> {
  let imported = remembered.get(source);
  if (!imported) remembered.set(source, (imported = new LRUCache({ max: REMEMBERED })));
  const key = imageUrl.trim();
  let result = imported.get(key);
  if (!result) {
    result = importOnce(source, key);
    imported.set(key, result);
  }
  return result;
}

const remembered = new WeakMap<MediaSource, LRUCache<string, Promise<UploadedPhoto | { error: string }>>>();

async function importOnce(source: MediaSource, imageUrl: string): Promise<UploadedPhoto | { error: string }> {
  try {
    const fetched = await source.fetch(imageUrl);
    if ('error' in fetched) return fetched;
    let stored = await storePhotoBytes(fetched.bytes, fetched.name, 'story');
    // The original was read but is no photo we take (a HEIC, a damaged file): WordPress's copy may be.
    if ('refused' in stored && fetched.name !== writtenName(imageUrl)) {
      const copy = await source.fetch(imageUrl, { asWritten: true });
      if (!('error' in copy)) stored = await storePhotoBytes(copy.bytes, copy.name, 'story');
    }
    return 'refused' in stored ? { error: `${shown(imageUrl)}: ${stored.reason}.` } : stored;
  } catch (error) {
    return { error: `${shown(imageUrl)}: could not be stored (${error instanceof Error ? error.message : String(error)}).` };
  }
}

abstract class Source implements MediaSource {
  constructor(
    readonly from: string,
    private readonly site: URL,
    /** Another host whose images are the old site's too: the address the user gave for it. */
    private readonly alsoHost: string | null,
  ) {}

  async fetch(imageUrl: string, options: { asWritten?: boolean } = {}): Promise<FetchedImage | { error: string }> {
    const located = this.locate(imageUrl);
    if ('error' in located) return { error: `${shown(imageUrl)}: ${located.error}.` };
    const original = options.asWritten ? null : originalOf(located.segments);
    if (original) {
      const read = await this.read(original);
      if (!('error' in read) || !read.fallBack) return 'error' in read ? { error: `${shown(imageUrl)}: ${read.error}.` } : read;
    }
    const read = await this.read(located.segments);
    return 'error' in read ? { error: `${shown(imageUrl)}: ${read.error}.` } : read;
  }

  protected abstract read(segments: string[]): Promise<FetchedImage | Failure>;

  /** The image's path inside the uploads folder, as decoded segments that cannot leave it. */
  private locate(imageUrl: string): { segments: string[] } | { error: string } {
    // Refused before the URL parser tidies `a/../..` away, so the message says what was wrong.
    if (/(?:^|[/\\])(?:\.|%2e){2}(?:[/\\?#]|%2f|%5c|$)/i.test(imageUrl.trim())) return { error: 'its path leaves the uploads folder' };
    let url: URL;
    try {
      url = new URL(imageUrl.trim(), this.site);
    } catch {
      return { error: 'not an address' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'not an http(s) address' };
    const host = siteHost(url);
    if (host !== siteHost(this.site) && host !== this.alsoHost) return { error: `not on the old site (${this.site.host}), so it is not fetched` };
    const at = url.pathname.indexOf(UPLOADS);
    if (at < 0) return { error: `not in the old site's ${UPLOADS}` };
    if (url.pathname.endsWith('/')) return { error: 'it names a folder, not a file' };
    const segments: string[] = [];
    for (const raw of url.pathname.slice(at + UPLOADS.length).split('/')) {
      if (raw === '') continue;
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return { error: 'its address has a broken %-escape' };
      }
      if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return { error: 'its path leaves the uploads folder' };
      segments.push(segment);
    }
    if (segments.length === 0) return { error: 'it names a folder, not a file' };
    return { segments };
  }
}

/** The old site's uploads as a folder on disk. */
class FolderSource extends Source {
  constructor(site: URL, private readonly root: string) {
    super(root, site, null);
  }

  protected async read(segments: string[]): Promise<FetchedImage | Failure> {
    const file = path.join(this.root, ...segments);
    let real: string;
    try {
      real = await fsp.realpath(/*turbopackIgnore: true*/ file);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return { error: missing ? `there is no file ${file}` : `${file} could not be read (${errorText(error)})`, fallBack: true };
    }
    // A link inside the folder may point anywhere on the disk.
    if (!real.startsWith(this.root + path.sep)) return { error: `${file} leads outside the uploads folder`, fallBack: true };
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(/*turbopackIgnore: true*/ real, 'r');
      const stat = await handle.stat();
      if (!stat.isFile()) return { error: `${file} is not a file`, fallBack: true };
      if (stat.size > MAX_PHOTO_BYTES) return { error: `it is ${megabytes(stat.size)} MB; the most a photo can be is 15 MB`, fallBack: true };
      return { bytes: await handle.readFile(), name: segments.at(-1)! };
    } catch (error) {
      return { error: `${file} could not be read (${errorText(error)})`, fallBack: true };
    } finally {
      await handle?.close();
    }
  }
}

/** The old site (or a copy of it) over http(s). */
class UrlSource extends Source {
  private readonly base: string;
  private readonly origin: string;
  private readonly authorization: string | null;

  constructor(site: URL, from: URL, private readonly timeoutMs: number) {
    // Accept the address of the site, of its wp-content or of its uploads.
    const basePath = from.pathname.replace(/\/+$/, '').replace(/\/wp-content(?:\/uploads)?$/, '');
    super(`${from.origin}${basePath}`, site, siteHost(from));
    this.base = `${from.origin}${basePath}`;
    this.origin = from.origin;
    // A staging copy is often behind a password, given as https://user:pass@host.
    this.authorization = from.username
      ? `Basic ${Buffer.from(`${decodeURIComponent(from.username)}:${decodeURIComponent(from.password)}`).toString('base64')}`
      : null;
  }

  protected async read(segments: string[]): Promise<FetchedImage | Failure> {
    const address = `${this.base}${UPLOADS}${segments.map(encodeURIComponent).join('/')}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      let url = new URL(address);
      for (let redirects = 0; ; redirects++) {
        const headers: Record<string, string> = { accept: 'image/*' };
        if (this.authorization && url.origin === this.origin) headers.authorization = this.authorization;
        const response = await globalThis.fetch(url, { redirect: 'manual', signal: controller.signal, headers });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          if (redirects === MAX_REDIRECTS) return { error: `${address} redirects more than ${MAX_REDIRECTS} times`, fallBack: false };
          const next = httpUrl(location, url);
          if (!next) return { error: `${address} redirects to ${shown(location)}, which is not an http(s) address`, fallBack: false };
          url = next;
          continue;
        }
        if (response.status !== 200) {
          await response.body?.cancel();
          const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
          // A 4xx says this file is not there to be had; a 5xx says the same of the whole site.
          return { error: `${url} answered ${status}`, fallBack: response.status < 500 };
        }
        const length = Number(response.headers.get('content-length') ?? NaN);
        if (length > MAX_PHOTO_BYTES) {
          await response.body?.cancel();
          return { error: `it is ${megabytes(length)} MB; the most a photo can be is 15 MB`, fallBack: true };
        }
        const bytes = await readAtMost(response, MAX_PHOTO_BYTES);
        if (!bytes) {
          controller.abort();
          return { error: 'it is more than 15 MB; the most a photo can be is 15 MB', fallBack: true };
        }
        return { bytes, name: segments.at(-1)! };
      }
    } catch (error) {
      if (controller.signal.aborted) return { error: `${address} did not arrive within ${this.timeoutMs / 1000} s`, fallBack: false };
      return { error: `${address} could not be fetched (${errorText(error)})`, fallBack: false };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The body, or null as soon as it passes `limit` bytes: a body of any size is never held whole. */
async function readAtMost(response: Response, limit: number): Promise<Buffer | null> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** The uploads folder inside `from`, resolved through links, or what was expected there. */
function uploadsFolder(from: string): { folder: string } | { error: string } {
  const folder = path.resolve(from);
  if (!isFolder(folder)) return { error: `Images cannot be read from ${from}: there is no such folder, and it is not an http(s) address.` };
  for (const inside of [path.join(folder, 'wp-content', 'uploads'), path.join(folder, 'uploads')]) {
    if (isFolder(inside)) return { folder: fs.realpathSync(/*turbopackIgnore: true*/ inside) };
  }
  // The uploads folder itself, perhaps renamed when copied: WordPress files it by year (2025/02/…) or by site.
  const entries = fs.readdirSync(/*turbopackIgnore: true*/ folder, { withFileTypes: true });
  if (path.basename(folder) === 'uploads' || entries.some((entry) => entry.isDirectory() && /^(?:\d{4}|sites)$/.test(entry.name))) {
    return { folder: fs.realpathSync(/*turbopackIgnore: true*/ folder) };
  }
  return {
    error:
      `Images cannot be read from ${folder}: expected the old site's WordPress folder (holding wp-content/uploads), ` +
      'its wp-content folder (holding uploads), or the uploads folder itself (holding 2025/…), and it is none of those.',
  };
}

/** `photo.jpg` for WordPress's copies of it, null for a name that is no copy. */
function originalOf(segments: string[]): string[] | null {
  const name = segments.at(-1)!;
  const match = WORDPRESS_COPY.exec(name);
  if (!match || `${match[1]}${match[2]}` === name) return null;
  return [...segments.slice(0, -1), `${match[1]}${match[2]}`];
}

/** The file name an image address ends in, decoded as `fetch` names what it read. */
function writtenName(imageUrl: string): string {
  try {
    return decodeURIComponent(new URL(imageUrl, 'https://relative.invalid/').pathname.split('/').at(-1) ?? '');
  } catch {
    return '';
  }
}

function httpUrl(address: string, base?: URL): URL | null {
  try {
    const url = new URL(address.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A host as the old site's: `www.` or not, either scheme (their default ports drop out of `host`). */
const siteHost = (url: URL) => url.host.replace(/^www\./i, '').toLowerCase();

function isFolder(folder: string) {
  try {
    return fs.statSync(/*turbopackIgnore: true*/ folder).isDirectory();
  } catch {
    return false;
  }
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** An address as messages quote it: a data: URL or a pasted essay is cut short. */
const shown = (address: string) => (address.length > 200 ? `${address.slice(0, 200)}…` : address);

function errorText(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
