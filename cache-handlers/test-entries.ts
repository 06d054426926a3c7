import type { CacheEntry } from 'next/cache';

/** For the handlers' tests: text as the bytes Next hands a handler. */
const bytes = (text: string) => new TextEncoder().encode(text);

/** A 'use cache' entry holding `text`, made now, with the site's `content` life. */
export function result(text: string, tags: string[]): CacheEntry {
  const value = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes(text));
      controller.close();
    },
  });
  return { value, tags, stale: 60, timestamp: Date.now(), expire: 30 * 24 * 3600, revalidate: 60 };
}
