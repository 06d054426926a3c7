import 'server-only';
import { cookies } from 'next/headers';
import { REPORTER_COOKIE } from '@/lib/reports';
import { secureCookies } from '@/lib/config';

const YEAR = 365 * 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * This browser's random id (the HttpOnly `bs_reporter` cookie), set on its first report or like:
 * one report and one like per browser and comment. It identifies a browser, not a person (a private
 * window is another browser), so the rules that matter count addresses too (lib/reports.ts,
 * lib/likes.ts). For server actions only: it may set the cookie.
 */
export async function browserId(): Promise<string> {
  const jar = await cookies();
  const current = jar.get(REPORTER_COOKIE)?.value ?? '';
  if (UUID.test(current)) return current;
  const id = crypto.randomUUID();
  jar.set(REPORTER_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    maxAge: YEAR,
  });
  return id;
}
