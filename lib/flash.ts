import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { secureCookies } from './config';
import { sign, verify } from './signing';

/**
 * The answer to a desk form posted without JavaScript. Next does not hand a plain form post's state
 * to a page that is rendered per request, so the action stores the state in a short-lived, signed,
 * HttpOnly cookie for that page and redirects back to it (post, redirect, get); the page reads it.
 * With JavaScript the state is returned as usual.
 */
const PURPOSE = 'desk-flash';
/** The cookie that carries the flash for `key` (proxy.ts looks for it without reading it). */
export const flashCookieName = (key: string) => `bs_flash_${key}`;

export async function answerWithFlash<T extends { status: string }>(formData: FormData, key: string, path: string, state: T, cookiePath = '/moderation'): Promise<T> {
  if (formData.get('js') === '1' || state.status === 'idle') return state;
  await writeFlash(key, state, cookiePath);
  redirect(path);
}

/** Leaves `state` for the page at `cookiePath` (and below) to read within the next minute; the caller redirects. */
export async function writeFlash(key: string, state: unknown, cookiePath: string) {
  const payload = Buffer.from(JSON.stringify({ state, at: Date.now() })).toString('base64url');
  (await cookies()).set(flashCookieName(key), sign(payload, PURPOSE), {
    httpOnly: true,
    sameSite: 'strict',
    path: cookiePath,
    maxAge: 60,
    secure: secureCookies(),
  });
}

/** The state a no-JavaScript post left for this page in the last minute, or null. */
export async function readFlash<T>(key: string): Promise<T | null> {
  const payload = verify((await cookies()).get(flashCookieName(key))?.value, PURPOSE);
  if (!payload) return null;
  try {
    const { state, at } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { state: T; at: number };
    return Date.now() - at < 60_000 ? state : null;
  } catch {
    return null;
  }
}
