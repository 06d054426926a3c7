import { unsubscribe, unsubscribeAll } from '@/db/mail';
import { MailToken } from '@/lib/mail/manage';
import { answeredWhenStorageFails } from '@/app/storage-unavailable';

type Context = { params: Promise<{ token: string }> };

const answer = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });

/**
 * One-click unsubscribe (RFC 8058): every email's `List-Unsubscribe` header names this address with
 * `?s=` the subscription it came from (or `all`), and its `List-Unsubscribe-Post` tells the mailbox
 * provider to POST `List-Unsubscribe=One-Click` here on the reader's behalf, with no cookie and no
 * session: the token is the key. Answered whatever the state (an unknown token or a subscription
 * already gone is "done" too), so the address learns nothing it did not know.
 */
export const POST = answeredWhenStorageFails('mail', async function POST(request: Request, context: Context) {
  const token = MailToken.safeParse((await context.params).token);
  if (!token.success) return answer(404, 'No such subscription.');
  const body = await request.text().catch(() => '');
  if (new URLSearchParams(body).get('List-Unsubscribe') !== 'One-Click') return answer(400, 'Expected List-Unsubscribe=One-Click (RFC 8058).');
  const which = new URL(request.url).searchParams.get('s') ?? 'all';
  const now = new Date();
  if (which === 'all') await unsubscribeAll(token.data, now, { block: false });
  else if (/^\d{1,12}$/.test(which)) await unsubscribe(token.data, Number(which), now);
  else return answer(400, 'Unknown subscription.');
  return answer(200, 'Unsubscribed.');
});

/** A visit (a link scanner, or a reader who pasted the address) changes nothing: it leads to the page with the buttons. */
export async function GET(_request: Request, context: Context) {
  const token = MailToken.safeParse((await context.params).token);
  return new Response(null, { status: 303, headers: { Location: token.success ? `/email/${token.data}` : '/', 'Cache-Control': 'private, no-store' } });
}
