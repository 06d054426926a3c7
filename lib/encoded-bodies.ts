import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import compressible from 'compressible';
import compression from 'compression';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import vary from 'vary';

/**
 * Remembers the bytes, plain and compressed, of large response bodies that Next sends as strings.
 *
 * Next keeps a cached page as a JavaScript string and hands that same string to `res.end()` for
 * every reader. Two costs followed it on every request (bench profiles):
 * - Encoding to UTF-8. A page with a single character outside Latin-1 (a curly quote, an em dash,
 *   an accented name: every real story) is a two-byte string in V8, and encoding 120 KB of it cost a
 *   third of serving a cached story.
 * - Compressing. Browsers all send `Accept-Encoding`, and Next's compression (the `compression`
 *   package) compressed the same page again for each reader: 1 ms of a 1.3 ms request, so a story
 *   served 2,150 requests/s to the bench's client but 810 to browsers.
 * Each distinct page is now encoded and compressed once, and served from memory after that.
 *
 * Keys are the body strings themselves: while Next still holds a page, the key is the very string
 * it passes, so the lookup costs no hashing of the text; a changed page is a new key, so tag
 * invalidation is untouched, and a stale page falls out as newer ones are used. The budget counts
 * each key as two bytes a character, since an evicted page is held here alone.
 */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Brotli at 6: a 120 KB story takes 1 ms once and comes to 14 KB (gzip at 6: 1 ms, 19 KB). */
const brotliQuality = 6;
/** A 1 MB window: larger than any page, and a quarter of Brotli's default working memory. */
const brotliWindow = 20;
const gzipLevel = 6;
/**
 * Pages compressed as they stream (search, the desk, a commenter's own view) are compressed for
 * each reader, so cheaply: Brotli at 1 with a 256 KB window is about gzip's size in half its time.
 * The middleware's default (quality 4, 4 MB window) took search from 135 to 74 requests/s at 50
 * connections and the server's RSS from 200 to 277 MB (bench); at 1/256 KB: 117 requests/s, 209 MB.
 */
const streamedBrotliQuality = 1;
const streamedBrotliWindow = 18;
/**
 * Next's build files (`/_next/static/`: scripts and styles, named by their content) are answered
 * from memory once compressed at Brotli 11 (lib/build-files.ts). Only a file's first requests, made
 * while that is done, and range or conditional requests come through here, at the middleware's own
 * default, Brotli 4 (at 1 the 150 KB of Next's and React's scripts came 12% larger than gzip).
 */
const assetBrotliQuality = 4;
/** Where Next serves its build files from. */
export const buildFilePrefix = '/_next/static/';

export type BodyEncoder = {
  /** The bytes of `body` as UTF-8, compressed with `coding`: the same Buffer for the same text while it stays cached. */
  encode(body: string, coding?: ContentCoding): Buffer;
  /** The UTF-8 length of `body` if its bytes are remembered, without computing anything. */
  knownByteLength(body: string): number | undefined;
  /** Bodies shorter than this many characters are not worth remembering. */
  readonly minChars: number;
};

type Encodings = Partial<Record<ContentCoding, Buffer>>;

function compress(bytes: Buffer, coding: ContentCoding): Buffer {
  if (coding === 'br') {
    return brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: brotliQuality,
        [zlib.BROTLI_PARAM_LGWIN]: brotliWindow,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  if (coding === 'gzip') return gzipSync(bytes, { level: gzipLevel });
  return bytes;
}

export function createBodyEncoder({ maxBytes, minChars = 16_384 }: { maxBytes: number; minChars?: number }): BodyEncoder {
  const cache = new LRUCache<string, Encodings>({
    maxSize: maxBytes,
    sizeCalculation: (encodings, body) =>
      body.length * 2 + Object.values(encodings).reduce((sum, bytes) => sum + bytes.length, 0),
  });
  return {
    minChars,
    knownByteLength(body) {
      return body.length < minChars ? undefined : cache.peek(body)?.identity?.length;
    },
    encode(body, coding = 'identity') {
      if (body.length < minChars) return compress(Buffer.from(body, 'utf8'), coding);
      const encodings = cache.get(body) ?? {};
      let bytes = encodings[coding];
      if (!bytes) {
        const identity = encodings.identity ?? Buffer.from(body, 'utf8');
        bytes = compress(identity, coding);
        // Set again, so that the cache counts the new size.
        cache.set(body, { ...encodings, identity, [coding]: bytes });
      }
      return bytes;
    },
  };
}

/**
 * Answers `Buffer.byteLength` for a page whose bytes the encoder holds from memory.
 *
 * Next sets `Content-Length` from `Buffer.byteLength(page)` before sending a cached page, which
 * walks the whole two-byte string on every request: 14% of the time a 260 KB thread page took
 * (bench profile, after compression was done once). The answer is the same number; only strings
 * the encoder already holds, as UTF-8, are answered from it, and everything else goes to Node's
 * own function. Installed once by the production server (scripts/serve.ts); returns the undo.
 */
export function answerByteLengthFromMemory(encoder: BodyEncoder): () => void {
  const original = Buffer.byteLength;
  const byteLength = ((value: Parameters<typeof original>[0], encoding?: BufferEncoding) => {
    if (typeof value === 'string' && (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8')) {
      const known = encoder.knownByteLength(value);
      if (known !== undefined) return known;
    }
    return original(value, encoding);
  }) as typeof Buffer.byteLength;
  Buffer.byteLength = byteLength;
  return () => {
    if (Buffer.byteLength === byteLength) Buffer.byteLength = original;
  };
}

/** Responses whose body was encoded here, which the compression middleware must leave alone. */
const encodedHere = new WeakSet<ServerResponse>();

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * The server's compression: a large cached page from the encoder's memory, everything else
 * (streamed pages, the desk, small bodies) through the `compression` middleware, as Next did.
 */
export function createCompression(encoder: BodyEncoder): Middleware {
  // (Its types are written for Express; it is plain Connect-style middleware over node:http.)
  const filter: compression.CompressionFilter = (request, response) => !encodedHere.has(response) && compression.filter(request, response);
  const pages = compression({
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: streamedBrotliQuality, [zlib.BROTLI_PARAM_LGWIN]: streamedBrotliWindow } },
    filter,
  }) as unknown as Middleware;
  const assets = compression({ brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: assetBrotliQuality } }, filter }) as unknown as Middleware;
  return (request, response, next) => {
    const middleware = request.url?.startsWith(buildFilePrefix) ? assets : pages;
    middleware(request, response, () => {
      // Installed after the middleware's own wrapper, so a cached page is swapped for its
      // remembered bytes before the middleware sees it.
      if (request.method === 'GET') sendLargeBodiesEncoded(request, response, encoder);
      next();
    });
  };
}

/** The coding to send a body in, as `compression` would choose it, preferring Brotli. */
export function chooseCoding(request: Pick<IncomingMessage, 'headers'>, response: Pick<ServerResponse, 'getHeader'>): ContentCoding {
  if (response.getHeader('Content-Encoding')) return 'identity';
  if (!compressible(String(response.getHeader('Content-Type') ?? ''))) return 'identity';
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(response.getHeader('Cache-Control') ?? ''))) return 'identity';
  return negotiateCoding(request);
}

/** The coding the request accepts best among Brotli, gzip and none, preferring Brotli, then gzip. */
export function negotiateCoding(request: Pick<IncomingMessage, 'headers'>): ContentCoding {
  const codings: ContentCoding[] = ['br', 'gzip', 'identity'];
  const chosen = new Negotiator(request).encoding(codings, { preferred: codings });
  return (chosen as ContentCoding | undefined) ?? 'identity';
}

type End = (this: unknown, chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) => unknown;

/**
 * Sends a large string body passed to `response.end()` as remembered bytes instead, compressed as
 * the request accepts. Only a string with no encoding argument (or 'utf8') is touched; the bytes
 * are exactly what Node (and the compression middleware) would have written.
 */
export function sendLargeBodiesEncoded(
  request: Pick<IncomingMessage, 'headers'>,
  response: ServerResponse,
  encoder: BodyEncoder,
) {
  const end = response.end as End;
  const endEncoded: End = function (this: unknown, chunk, encodingOrCallback, callback) {
    if (
      typeof chunk === 'string' &&
      chunk.length >= encoder.minChars &&
      !response.headersSent &&
      (typeof encodingOrCallback !== 'string' || /^utf-?8$/i.test(encodingOrCallback))
    ) {
      const coding = chooseCoding(request, response);
      const bytes = encoder.encode(chunk, coding);
      // A compressed body already proved its type compressible; look it up again only for plain ones.
      if (coding !== 'identity' || compressible(String(response.getHeader('Content-Type') ?? ''))) vary(response, 'Accept-Encoding');
      if (coding !== 'identity') response.setHeader('Content-Encoding', coding);
      response.setHeader('Content-Length', bytes.length);
      encodedHere.add(response);
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      return end.call(this, bytes, done);
    }
    return end.call(this, chunk, encodingOrCallback, callback);
  };
  response.end = endEncoded as ServerResponse['end'];
}
