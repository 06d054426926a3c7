import { z } from 'zod';
import { commentStatuses } from './comment-status';
import { sign, verify } from './signing';

/**
 * A message carried in the URL after a form post without JavaScript (post, redirect, get): signed,
 * so nobody can make the desk show words it never said. With JavaScript the same message comes back
 * as the action's state instead.
 */
const Notice = z.object({
  kind: z.enum(['done', 'refused']),
  message: z.string().max(300),
  undo: z.array(z.object({ id: z.number().int().positive(), status: z.enum(commentStatuses) })).max(500).default([]),
  at: z.number(),
});
export type Notice = z.infer<typeof Notice>;

const PURPOSE = 'desk-notice';

export function encodeNotice(notice: Notice): string {
  return sign(Buffer.from(JSON.stringify(notice)).toString('base64url'), PURPOSE);
}

export function decodeNotice(value: string | undefined | null): Notice | null {
  const payload = verify(value, PURPOSE);
  if (!payload) return null;
  try {
    const parsed = Notice.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The desk address to go back to: only a path under /moderation, never another site. */
export function safeDeskPath(value: unknown): string {
  return typeof value === 'string' && /^\/moderation(?:[/?][^\s\\]*)?$/.test(value) && !value.startsWith('//') ? value : '/moderation';
}

export function withNotice(path: string, notice: Notice): string {
  const url = new URL(path, 'http://desk.invalid');
  url.searchParams.set('notice', encodeNotice(notice));
  return `${url.pathname}${url.search}`;
}
