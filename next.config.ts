import path from 'node:path';
import type { NextConfig } from 'next';
import { photoDeviceWidths, photoThumbnailWidths, sizedPhotoFolder } from './lib/photo-sizes';

/**
 * As strict as pages that are cached for everyone allow: a nonce would make every page per-request,
 * so inline scripts (Next's RSC payload and bootstrap) and inline styles (next/image, React) need
 * 'unsafe-inline'. Nothing may be eval'd, framed, posted elsewhere or loaded from other origins.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The query keys of WordPress's plain permalinks on its home page (lib/wordpress/old-addresses.ts reads them). */
const wordpressQueryKeys = ['p', 'page_id', 'attachment_id', 'name', 'cat', 'category_name', 'tag', 'tag_id', 'author', 'author_name', 's', 'feed', 'paged'];

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

const nextConfig: NextConfig = {
  cacheComponents: true,
  cacheLife: {
    // Every public read and page. Tags make changes show at once; the time limits only bound how long
    // a CDN may keep a page (s-maxage) and how often an unchanged page is quietly re-rendered.
    content: { stale: 60, revalidate: 60, expire: 30 * 24 * 60 * 60 },
  },
  // Without Partial Prefetching, a path that was not prerendered waits for its full render,
  // which is then stored whole: unknown slugs answer 404, known ones are cached static pages.
  partialPrefetching: false,
  poweredByHeader: false,
  // Pages and 'use cache' results, kept in memory (CACHE_MEMORY_MB), with REDIS_URL also in Redis for
  // every server, and checked at each request against the tags other processes invalidated in the
  // database (cache-handlers/, db/cache-tags.ts, docs/caching.md).
  cacheHandler: path.resolve('cache-handlers/pages.mjs'),
  cacheHandlers: { default: path.resolve('cache-handlers/use-cache.mjs'), remote: path.resolve('cache-handlers/use-cache.mjs') },
  // Next's own in-memory caches, which the handlers above replace (as its cacheHandler page advises).
  cacheMaxMemorySize: 0,
  // Next hashes the whole page for an ETag on every request, cached or not: a fifth of the CPU a
  // cached 130 KB story costs (bench profile). Public pages are revalidated by s-maxage instead.
  generateEtags: false,
  // forbidden() for a moderator on an admin page: a real 403 (app/forbidden.tsx).
  // Story forms carry a photo of up to 15 MB (a larger one must arrive to be refused in words); every
  // other post is held to 1 MB before it is read (server/body-limits.ts). The proxy sees desk posts,
  // so its copy of a body must hold one whole too.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '32mb' }, proxyClientMaxBodySize: '32mb' },
  typedRoutes: false,
  images: {
    // Photos are resized once, at start-up and outside the server (lib/photo-sizes.ts): resizing them
    // as readers asked loaded sharp into the server (35 MB) and kept the first readers waiting.
    loader: 'custom',
    loaderFile: './lib/photo-loader.ts',
    deviceSizes: photoDeviceWidths,
    imageSizes: photoThumbnailWidths,
  },
  async headers() {
    // '/(.*)', not '/:path*': a source with a named parameter makes Next compile every header value
    // containing ':' (the CSP's `data:` and `blob:`) through path-to-regexp on every request (bench profile).
    return [
      { source: '/(.*)', headers: securityHeaders },
      // Resized photos keep their address while their photo keeps its name: a day in any cache.
      { source: `${sizedPhotoFolder}/(.*)`, headers: [{ key: 'Cache-Control', value: 'public, max-age=86400, stale-while-revalidate=604800' }] },
    ];
  },
  async rewrites() {
    return {
      // Every rule here is checked on every request, so there are two, both for `/`. Old WordPress
      // addresses with a path of their own are routes (app/(wordpress)/, docs/wordpress-addresses.md):
      // as rewrites, they cost the bench's pages a twentieth of their throughput.
      beforeFiles: [
        // The home page is page 1 of `front/[page]`: a route of its own at `/` would be prerendered by
        // `next build` from the database, and the build must not depend on what the database holds.
        // `/?page=N` goes to `/front/N` through proxy.ts.
        { source: '/', missing: wordpressQueryKeys.map((key) => ({ type: 'query' as const, key })), destination: '/front/1' },
        // With one of WordPress's query keys: an old plain permalink (`/?p=123`, `/?cat=5`, `/?s=words`).
        { source: '/', destination: '/wordpress-addresses' },
      ],
    };
  },
};

export default nextConfig;
