'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canWrite, currentStaff } from '@/auth';
import { sectionChanged } from '@/db/invalidate';
import { saveSection } from '@/db/sections';
import { formDataOf } from '@/lib/action-args';
import { formatDateTime } from '@/lib/format';
import { parseSectionForm, type SectionFieldName, type SectionFormValues, sectionFormValues } from '@/lib/section-form';
import { isStorageError, storageMessage } from '@/lib/storage-errors';
import { canEditEveryStory } from '@/lib/user-roles';

export type SectionFormState =
  | { status: 'idle' }
  | { status: 'invalid'; message: string; fieldErrors: Partial<Record<SectionFieldName, string>>; values: SectionFormValues; attempt: number };

/** Which section the form is for (none: a new one) and the version it was opened on. */
const Target = z.object({
  id: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
  version: z.string().max(64),
});

/**
 * Adds a section or changes one (editors and admins): its name, description, address and place in
 * the masthead's navigation. Every page's navigation, its front, and (for a new name) every story in
 * it show the change at their next request.
 */
export async function saveSectionForm(previous: SectionFormState, submitted: FormData): Promise<SectionFormState> {
  const raw = Object.fromEntries(formDataOf(previous, submitted));
  const values = sectionFormValues(raw);
  const attempt = (typeof previous === 'object' && previous !== null && 'attempt' in previous ? Number(previous.attempt) || 0 : 0) + 1;
  const refuse = (message: string, fieldErrors: Partial<Record<SectionFieldName, string>> = {}): SectionFormState => ({ status: 'invalid', message, fieldErrors, values, attempt });
  const staff = await currentStaff();
  if (!canWrite(staff) || !canEditEveryStory(staff.role)) return refuse('Only an editor can change the sections. Nothing was saved.');
  const target = Target.safeParse({ id: raw.id ?? '', version: raw.version ?? '' });
  if (!target.success) return refuse('This form is not one the desk made. Nothing was saved.');
  const parsed = parseSectionForm(raw);
  if (!parsed.success) return refuse('Please correct the fields marked below. Nothing was saved.', parsed.fieldErrors);
  const input = parsed.data;
  let result;
  try {
    result = await saveSection(target.data.id, input, target.data.version, { id: staff.id, name: staff.name });
  } catch (error) {
    if (!isStorageError(error)) throw error;
    return refuse(`${storageMessage} Your text is still here.`);
  }
  switch (result.kind) {
    case 'not-found':
      return refuse('That section no longer exists. Nothing was saved.');
    case 'slug-taken':
      return refuse('Please correct the fields marked below. Nothing was saved.', { slug: `The section “${result.by}” already has the address /${input.slug}. Please choose another.` });
    case 'slug-fixed':
      return refuse('Please correct the fields marked below. Nothing was saved.', {
        slug: `This section holds ${result.stories === 1 ? 'a story' : `${result.stories} stories`}, whose addresses start /${result.slug}/, so its address stays /${result.slug}.`,
      });
    case 'stale': {
      const when = result.at ? ` at ${formatDateTime(result.at)}` : '';
      return refuse(`${result.by ?? 'Someone'} changed this section${when}, after you opened it. Nothing was saved, so their version stands; your text is still here. Copy what you need, then open the section again to see theirs.`);
    }
  }
  sectionChanged(result);
  redirect(`/desk/sections/${result.id}?saved=${result.before ? 'changed' : 'added'}`);
}
