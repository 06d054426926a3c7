'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canModerate, currentStaff } from '@/auth';
import { retryLetter } from '@/db/mail';
import { formDataOf } from '@/lib/action-args';
import { withNotice } from '@/lib/notice';

const MAIL = '/moderation/mail';

/** "Send again" on a failed email: moderators, editors and admins. The worker sends it within seconds. */
export async function retryLetterForm(submitted: FormData): Promise<void> {
  const formData = formDataOf(submitted);
  const answer = (kind: 'done' | 'refused', message: string): never => redirect(withNotice(MAIL, { kind, message, undo: [], at: Date.now() }));
  const staff = await currentStaff();
  if (!canModerate(staff)) return answer('refused', 'Sign in as a moderator to send an email again. Nothing was changed.');
  const id = z.coerce.number().int().positive().safeParse(formData.get('letter'));
  if (!id.success) return answer('refused', 'There is no such email. Nothing was changed.');
  if (!(await retryLetter(id.data, new Date()))) return answer('refused', 'That email is no longer waiting to be sent again.');
  return answer('done', `Email #${id.data} will be sent again in a few seconds.`);
}
