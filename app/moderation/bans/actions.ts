'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canModerate, currentStaff } from '@/auth';
import { createBan, liftBan, updateBan } from '@/db/bans';
import { commentsChanged } from '@/db/invalidate';
import { formDataOf } from '@/lib/action-args';
import { type BanFieldErrors, type BanFormValues, parseBanForm, typedBanFormValues } from '@/lib/bans';
import { pluralize } from '@/lib/format';
import { withNotice } from '@/lib/notice';
import { isStorageError, storageMessage } from '@/lib/storage-errors';

export type BanFormState =
  | { status: 'idle' }
  | { status: 'invalid'; message: string; fieldErrors: BanFieldErrors; values: BanFormValues; holdApproved: boolean; attempt: number };

const Target = z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]);

const BANS = '/moderation/bans';
const described = (ban: { kind: string; value: string }) => (ban.kind === 'domain' ? `everyone at ${ban.value}` : ban.value);

/**
 * Makes a ban (from a comment on the desk or from the Bans page) or changes one: moderators, editors
 * and admins. A new ban may also send the commenter's approved comments back to Pending, which the
 * page it lands on offers to undo.
 */
export async function saveBanForm(previous: BanFormState, submitted: FormData): Promise<BanFormState> {
  const raw = Object.fromEntries(formDataOf(previous, submitted));
  const holdApproved = raw.holdApproved === 'on';
  const attempt = (typeof previous === 'object' && previous !== null && 'attempt' in previous ? Number(previous.attempt) || 0 : 0) + 1;
  const refuse = (message: string, fieldErrors: BanFieldErrors = {}, values = typedBanFormValues(raw)): BanFormState => ({
    status: 'invalid',
    message,
    fieldErrors,
    values,
    holdApproved,
    attempt,
  });
  const staff = await currentStaff();
  if (!canModerate(staff)) return refuse('Sign in as a moderator to ban a commenter. Nothing was saved.');
  const target = Target.safeParse(raw.id ?? '');
  if (!target.success) return refuse('This form is not one the desk made. Nothing was saved.');
  const now = new Date();
  const parsed = parseBanForm(raw, now);
  if (!parsed.success) return refuse('Please correct the fields marked below. Nothing was saved.', parsed.fieldErrors, parsed.values);
  const ban = parsed.data;
  const actor = { id: staff.id, name: staff.name };
  const taken = (id: number) => refuse('Please correct the fields marked below. Nothing was saved.', { value: `There is already a ban on ${ban.value} (ban #${id}): change that one instead.` });

  let notice: Parameters<typeof withNotice>[1];
  try {
    if (target.data === null) {
      const result = await createBan(actor, ban, { holdApproved }, now);
      if (result.kind === 'exists') return taken(result.id);
      commentsChanged(new Set(result.changes.map((change) => change.articleId)));
      const held = holdApproved ? ` ${pluralize(result.changes.length, 'approved comment')} moved to Pending.` : '';
      notice = {
        kind: 'done',
        message: `Banned ${described(ban)}: what they post next goes to Spam.${held}`,
        undo: result.changes.map((change) => ({ id: change.id, status: change.from })),
        at: Date.now(),
      };
    } else {
      const result = await updateBan(actor, target.data, ban, now);
      if (result.kind === 'exists') return taken(result.id);
      if (result.kind === 'not-found') return refuse('That ban has been lifted since you opened it. Nothing was saved.');
      notice = { kind: 'done', message: `Saved the ban on ${described(ban)}.`, undo: [], at: Date.now() };
    }
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.error(`[bans] could not save a ban: ${(error as Error).message}`);
    return refuse(`${storageMessage} What you typed is still here.`);
  }
  redirect(withNotice(BANS, notice));
}

/** Lifts a ban from the Bans page. Comments it sent to Spam stay there, for a moderator to judge. */
export async function liftBanForm(submitted: FormData): Promise<void> {
  const formData = formDataOf(submitted);
  const refused = (message: string): never => redirect(withNotice(BANS, { kind: 'refused', message, undo: [], at: Date.now() }));
  const staff = await currentStaff();
  if (!canModerate(staff)) return refused('Sign in as a moderator to lift a ban. Nothing was changed.');
  const id = Target.safeParse(formData.get('id') ?? '');
  if (!id.success || id.data === null) return refused('There is no such ban. Nothing was changed.');
  let lifted;
  try {
    lifted = await liftBan({ id: staff.id, name: staff.name }, id.data, new Date());
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.error(`[bans] could not lift ban ${id.data}: ${(error as Error).message}`);
    return refused(storageMessage);
  }
  if (!lifted) return refused('That ban had already been lifted.');
  redirect(withNotice(BANS, { kind: 'done', message: `Lifted the ban on ${described(lifted)}. What it sent to Spam stays there.`, undo: [], at: Date.now() }));
}
