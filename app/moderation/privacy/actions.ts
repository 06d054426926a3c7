'use server';

import { z } from 'zod';
import { currentStaff, isAdmin } from '@/auth';
import { anonymiseCommenter } from '@/db/privacy';
import { formDataOf } from '@/lib/action-args';
import { commentsChanged } from '@/db/invalidate';

export type EraseFieldErrors = Partial<Record<'email' | 'confirm', string>>;

export type EraseCommenterState =
  | { status: 'idle' }
  | { status: 'denied'; message: string }
  | { status: 'invalid'; fieldErrors: EraseFieldErrors; values: { email: string } }
  | { status: 'erased'; message: string };

const EraseRequest = z.object({
  email: z.preprocess(
    (value) => (typeof value === 'string' ? value : ''),
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Please enter the commenter’s email address.')
      .max(254, 'An email address can be at most 254 characters.')
      .pipe(z.email({ message: 'Please enter a valid email address.' })),
  ),
  confirm: z.literal('yes', { error: 'Tick the box to confirm: an erasure cannot be undone.' }),
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * An erasure request from the desk (admins only): the same code as `npm run privacy:erase`
 * (db/privacy.ts), then every story that showed the old name is invalidated, so readers never see
 * it again. Answered in place, with or without JavaScript (React's form state: nothing in a cookie).
 */
export async function eraseCommenter(previous: EraseCommenterState, submitted: FormData): Promise<EraseCommenterState> {
  const formData = formDataOf(previous, submitted);
  const staff = await currentStaff();
  if (!isAdmin(staff)) return { status: 'denied', message: 'Only an admin can do that. Nothing was changed.' };
  const raw = Object.fromEntries(formData);
  const parsed = EraseRequest.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: EraseFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'email' || key === 'confirm') fieldErrors[key] ??= issue.message;
    }
    return { status: 'invalid', fieldErrors, values: { email: typeof raw.email === 'string' ? raw.email.slice(0, 254) : '' } };
  }
  const { email } = parsed.data;
  const erased = await anonymiseCommenter(email, staff);
  // The comments tags of the stories changed (erased.tags), and nginx's copies where it runs.
  commentsChanged(erased.articleIds);
  return {
    status: 'erased',
    message:
      `Anonymised ${plural(erased.comments, 'comment')} by ${email} on ${plural(erased.articleIds.length, 'story', 'stories')}; ` +
      `deleted ${plural(erased.loginFailures, 'failed sign-in record')}${erased.mailAddresses ? ' and the address’s email subscriptions' : ''}.`,
  };
}
