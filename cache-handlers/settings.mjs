// @ts-check
/**
 * What the cache handlers are configured with, read from the environment once as they load.
 * REDIS_URL (`redis://` or `rediss://`) puts pages and 'use cache' results in Redis, shared by every
 * app server; unset or empty, they stay in this process's memory alone, as on one machine.
 */
import { z } from 'zod';

const Environment = z.object({
  REDIS_URL: z
    .string()
    .trim()
    .transform((url) => url || undefined)
    .pipe(z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// address' }).optional())
    .optional(),
  CACHE_MEMORY_MB: z.string().optional(),
});

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ redisUrl: string | undefined, memoryFront: boolean }}
 */
export function cacheSettings(env = process.env) {
  const parsed = Environment.parse(env);
  return {
    redisUrl: parsed.REDIS_URL,
    // With Redis, CACHE_MEMORY_MB=0 keeps nothing in this process: every read goes to Redis.
    memoryFront: !(parsed.REDIS_URL && parsed.CACHE_MEMORY_MB?.trim() === '0'),
  };
}
