import type { NextConfig } from 'next';

/**
 * Listing pages take their page number from `?page=N` on the public URL; internally each page
 * number is its own path so that every page of every list is a statically cached (ISR) page
 * with a real 404 status past the end. See README "How pages are cached".
 */
const pageQuery = { type: 'query' as const, key: 'page', value: '(?<page>.*)' };

const nextConfig: NextConfig = {
  cacheComponents: true,
  // Without Partial Prefetching, a path that was not prerendered waits for its full render,
  // which is then stored whole: unknown slugs answer 404, known ones are cached static pages.
  partialPrefetching: false,
  poweredByHeader: false,
  typedRoutes: false,
  images: {
    formats: ['image/avif', 'image/webp'],
  },
  async rewrites() {
    return {
      beforeFiles: [],
      afterFiles: [
        { source: '/', has: [pageQuery], destination: '/front/:page' },
        { source: '/', destination: '/front/1' },
        { source: '/authors/:slug', has: [pageQuery], destination: '/authors/:slug/page/:page' },
        { source: '/tags/:slug', has: [pageQuery], destination: '/tags/:slug/page/:page' },
        { source: '/:section', has: [pageQuery], destination: '/:section/page/:page' },
      ],
      fallback: [],
    };
  },
};

export default nextConfig;
