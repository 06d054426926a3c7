import fs from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import compressible from 'compressible';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import { buildFilePrefix, negotiateCoding } from './encoded-bodies';

/**
 * Next's build files (`/_next/static/`: its and React's scripts, our styles), compressed once each
 * and answered from memory.
 *
 * They are named by their content and never change for a build, and every new reader fetches about
 * twenty of them (150 KB gzipped) with their first page. Compressed per request (as the `compression`
 * middleware did), the largest, 234 KB, cost 4.6 ms of CPU each time: 215 requests/s, so a flood of
 * new readers would have been held back by the scripts rather than the pages. Here, once Next has
 * answered a file with 200, its bytes are read from the build folder, compressed in the background at
 * the best settings (Brotli 11, gzip 9: the build's scripts and styles come to 182 KB at Brotli 11,
 * against 211 KB at Brotli 4 and 209 KB gzipped; all of them take 0.6 s once) and kept with the
 * headers Next sent; later requests for it are answered from memory without reaching Next.
 *
 * Requests for a file that arrive while it is being learned wait for it: fifty new readers at once
 * had fifty Brotli streams of the middleware working in the server together (+130 MB of RSS).
 *
 * What is left to Next: a first request, a request asking for neither Brotli nor gzip, a range or a
 * conditional request, anything that is not a 200, and files that do not compress (fonts, images).
 */

type Remembered = { headers: OutgoingHttpHeaders; br: Buffer; gzip: Buffer };
type Coding = 'br' | 'gzip';

/** Headers that belong to one response, or that this module sets itself. */
const notReplayed = new Set([
  'connection',
  'keep-alive',
  'date',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'vary',
  // Ranges of the compressed bytes are not offered; Next answers range requests itself.
  'accept-ranges',
  // Set by the server per request, from how the request arrived (scripts/serve.ts).
  'strict-transport-security',
  'set-cookie',
]);

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type BuildFiles = {
  /**
   * Answers a build file from memory, or hands the request to `next` (Next). The first request for a
   * file goes to Next and its answer is learned; requests for it that arrive meanwhile wait for that
   * and are then answered from memory, so a burst of new readers costs one compression, not fifty.
   */
  handle(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Resolves when every file being learned now is remembered or given up (for tests). */
  settled(): Promise<void>;
};

/** `staticDir`: the build's `static` folder, which `/_next/static/` maps to. */
export function createBuildFiles({ staticDir, maxBytes }: { staticDir: string; maxBytes: number }): BuildFiles {
  const root = path.resolve(staticDir);
  const remembered = new LRUCache<string, Remembered>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.br.length + entry.gzip.length + 1024,
  });
  /** Files being learned: settles once the file is remembered, or is known not to be. */
  const learning = new Map<string, Promise<void>>();
  // One file at a time: Brotli 11 holds several MB while it works, and nothing waits long for it.
  const oneAtATime = pLimit(1);

  const remember = async (url: string, headers: OutgoingHttpHeaders) => {
    const file = fileFor(root, url);
    if (!file) return;
    const bytes = await fs.readFile(file);
    const window = Math.min(24, Math.max(16, Math.ceil(Math.log2(bytes.length + 1))));
    const br = await brotliAsync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_LGWIN]: window,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = await gzipAsync(bytes, { level: 9 });
    remembered.set(url, { headers, br, gzip: gz });
  };

  const send = (request: IncomingMessage, response: ServerResponse, entry: Remembered, coding: Coding) => {
    const body = entry[coding];
    response.writeHead(200, {
      ...entry.headers,
      'Content-Encoding': coding,
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  return {
    handle(request, response, next) {
      const url = request.url;
      const coding = url && eligible(request) ? preferredCoding(request) : null;
      if (!url || !coding) return next();
      const entry = remembered.get(url);
      if (entry) return send(request, response, entry, coding);
      const inProgress = learning.get(url);
      if (inProgress) {
        void inProgress.then(() => {
          const learned = remembered.get(url);
          if (learned) send(request, response, learned, coding);
          else next();
        });
        return;
      }
      if (request.method !== 'GET') return next();

      let learned!: () => void;
      learning.set(
        url,
        new Promise<void>((resolve) => {
          learned = resolve;
        }),
      );
      const done = () => {
        learning.delete(url);
        learned();
      };
      // 'close' comes for every response, also one whose reader went away before it was sent.
      response.once('close', () => {
        const sent = response.writableFinished && response.statusCode === 200;
        if (!sent || !compressible(String(response.getHeader('Content-Type') ?? ''))) return done();
        const headers = replayable(response.getHeaders());
        void oneAtATime(() => remember(url, headers))
          .catch((error: unknown) => console.error(`Could not compress the build file ${url}:`, error))
          .finally(done);
      });
      next();
    },

    async settled() {
      await Promise.all(learning.values());
    },
  };
}

function eligible(request: IncomingMessage) {
  const { headers } = request;
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.url!.startsWith(buildFilePrefix) &&
    !headers.range &&
    !headers['if-range'] &&
    !headers['if-none-match'] &&
    !headers['if-modified-since']
  );
}

function preferredCoding(request: IncomingMessage): Coding | null {
  const chosen = negotiateCoding(request);
  return chosen === 'identity' ? null : chosen;
}

function replayable(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !notReplayed.has(name.toLowerCase())));
}

/** The file a build-file address names, or null for anything that would leave the folder. */
export function fileFor(root: string, url: string): string | null {
  const pathname = url.split(/[?#]/, 1)[0]!.slice(buildFilePrefix.length);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!relative || relative.includes('\0')) return null;
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}
