'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canWrite, currentStaff } from '@/auth';
import { saveByline } from '@/db/bylines';
import { bylineChanged } from '@/db/invalidate';
import { formDataOf } from '@/lib/action-args';
import { BYLINE_BIO_MAX, BYLINE_NAME_MAX } from '@/lib/story-form';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { canEditEveryStory } from '@/lib/user-roles';

export type BylineFormState =
  | { status: 'idle' }
  | { status: 'invalid'; message: string; fieldErrors: { name?: string; bio?: string }; values: { name: string; bio: string }; attempt: number };

const BylineInput = z.object({
  id: z.coerce.number().int().positive(),
  name: z.string().trim().min(1, 'Please give the byline a name.').max(BYLINE_NAME_MAX, `A name has at most ${BYLINE_NAME_MAX} characters.`),
  bio: z.string().trim().max(BYLINE_BIO_MAX, `A bio has at most ${BYLINE_BIO_MAX} characters.`),
});

/**
 * Saves a byline's name and short bio (editors and admins): its author page, and every story and card
 * that carries it, show the change at their next request. The byline's address does not change.
 */
export async function saveBylineForm(previous: BylineFormState, submitted: FormData): Promise<BylineFormState> {
  const raw = Object.fromEntries(formDataOf(previous, submitted));
  const text = (key: string, max: number) => (typeof raw[key] === 'string' ? (raw[key] as string).slice(0, max + 100) : '');
  const values = { name: text('name', BYLINE_NAME_MAX), bio: text('bio', BYLINE_BIO_MAX) };
  const attempt = (typeof previous === 'object' && previous !== null && 'attempt' in previous ? Number(previous.attempt) || 0 : 0) + 1;
  const refuse = (message: string, fieldErrors: { name?: string; bio?: string } = {}): BylineFormState => ({ status: 'invalid', message, fieldErrors, values, attempt });
  const staff = await currentStaff();
  if (!canWrite(staff) || !canEditEveryStory(staff.role)) return refuse('Only an editor can change a byline. Nothing was saved.');
  const parsed = BylineInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: { name?: string; bio?: string } = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'name' || issue.path[0] === 'bio') fieldErrors[issue.path[0]] ??= issue.message;
    }
    return refuse(Object.keys(fieldErrors).length ? 'Please correct the fields marked below. Nothing was saved.' : 'This form is not one the desk made. Nothing was saved.', fieldErrors);
  }
  let result;
  try {
    result = saveByline(parsed.data.id, { name: parsed.data.name, bio: parsed.data.bio }, { id: staff.id, name: staff.name });
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return refuse(`${storageMessage} Your text is still here.`);
  }
  if (result.kind === 'not-found') return refuse('That byline no longer exists. Nothing was saved.');
  bylineChanged(result.slug, result.storyIds);
  redirect(`/desk/bylines/${parsed.data.id}?saved=1`);
}
