'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canWrite, currentStaff } from '@/auth';
import { saveByline } from '@/db/bylines';
import { bylineChanged } from '@/db/invalidate';
import { formDataOf } from '@/lib/action-args';
import { type BylineFieldName, bylineFormValues, type BylineFormValues, parseBylineForm } from '@/lib/byline-form';
import { storeUploadedPhoto } from '@/lib/photo-upload';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { canEditEveryStory } from '@/lib/user-roles';

export type BylineFormState =
  | { status: 'idle' }
  | { status: 'invalid'; message: string; fieldErrors: Partial<Record<BylineFieldName, string>>; values: BylineFormValues; attempt: number };

const Target = z.object({ id: z.union([z.literal(''), z.coerce.number().int().positive()]).catch(-1) });

/**
 * Creates or saves a byline: name, address, short bio and photo (editors and admins). Its author
 * page and feeds, under the old address and the new, and every story and card that carries it show
 * the change at their next request; an old address answers with a redirect to the new one.
 */
export async function saveBylineForm(previous: BylineFormState, submitted: FormData): Promise<BylineFormState> {
  const formData = formDataOf(previous, submitted);
  const raw = Object.fromEntries(formData);
  const values = bylineFormValues(raw);
  const attempt = (typeof previous === 'object' && previous !== null && 'attempt' in previous ? Number(previous.attempt) || 0 : 0) + 1;
  const refuse = (message: string, fieldErrors: Partial<Record<BylineFieldName, string>> = {}): BylineFormState => ({ status: 'invalid', message, fieldErrors, values, attempt });
  const staff = await currentStaff();
  if (!canWrite(staff) || !canEditEveryStory(staff.role)) return refuse('Only an editor can change a byline. Nothing was saved.');
  const { id } = Target.parse(raw);
  if (id === -1) return refuse('This form is not one the desk made. Nothing was saved.');

  // A photo chosen with this post is stored first, so that a refusal of any other field keeps it.
  let photoError: string | undefined;
  const file = formData.get('photoFile');
  if (file instanceof File && file.size > 0) {
    try {
      const stored = await storeUploadedPhoto(file, 'portrait');
      if ('refused' in stored) photoError = stored.refused;
      else Object.assign(values, { photo: stored.src, removePhoto: false });
    } catch (error) {
      console.error('A byline photo could not be stored:', (error as Error).message);
      photoError = 'The photo could not be stored: the media folder cannot be written (full or read-only). Your text is still here.';
    }
  }
  const parsed = parseBylineForm(values);
  if (!parsed.success || photoError) {
    return refuse('Please correct the fields marked below. Nothing was saved yet.', { ...(parsed.success ? {} : parsed.fieldErrors), ...(photoError ? { photo: photoError } : {}) });
  }
  let result;
  try {
    result = await saveByline(id === '' ? null : id, parsed.data, { id: staff.id, name: staff.name });
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return refuse(`${storageMessage} Your text is still here.`);
  }
  if (result.kind === 'not-found') return refuse('That byline no longer exists. Nothing was saved.');
  if (result.kind === 'slug-taken') {
    const why = result.redirect ? `/authors/${parsed.data.slug} was another byline’s address and still leads to it.` : `Another byline already has the address /authors/${parsed.data.slug}.`;
    return refuse('Please correct the fields marked below. Nothing was saved yet.', { slug: `${why} Please choose another.` });
  }
  bylineChanged(result.slugs, result.storyIds);
  redirect(`/desk/bylines/${result.id}?saved=1`);
}
