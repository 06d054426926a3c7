'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { allowMailAgain, confirmAddress, unsubscribe, unsubscribeAll } from '@/db/mail';
import { formDataOf } from '@/lib/action-args';
import { type ManageNotice, MailToken } from '@/lib/mail/manage';

const ManageForm = z.object({
  token: MailToken,
  intent: z.enum(['confirm', 'unsubscribe', 'all', 'block', 'unblock']),
  subscription: z.coerce.number().int().positive().optional(),
});

/**
 * The forms of /email/TOKEN: confirm the address, unsubscribe from one subscription or from all,
 * never be emailed again, or allow mail again after that. There is no session: the token mailed to
 * the address is what says the reader owns it, and each change touches only that address's own
 * rows. Answers by redirecting back to the page with a fixed notice, with JavaScript or without.
 */
export async function manageMail(previous: unknown, submitted?: FormData): Promise<void> {
  const formData = formDataOf(previous, submitted);
  const parsed = ManageForm.safeParse({
    token: formData.get('token'),
    intent: formData.get('intent'),
    subscription: formData.get('subscription') || undefined,
  });
  // A mangled form: back to the page it came from if its token is sound, else to the home page.
  if (!parsed.success) {
    const token = MailToken.safeParse(formData.get('token'));
    redirect(token.success ? `/email/${token.data}` : '/');
  }
  const { token, intent, subscription } = parsed.data;
  const now = new Date();
  let notice: ManageNotice;
  if (intent === 'confirm') notice = (await confirmAddress(token, now)) ? 'confirmed' : 'gone';
  else if (intent === 'unsubscribe') notice = subscription !== undefined && (await unsubscribe(token, subscription, now)) ? 'unsubscribed' : 'gone';
  else if (intent === 'unblock') notice = (await allowMailAgain(token)) ? 'unblocked' : 'gone';
  else {
    await unsubscribeAll(token, now, { block: intent === 'block' });
    notice = intent === 'block' ? 'blocked' : 'all';
  }
  redirect(`/email/${token}?done=${notice}`);
}
