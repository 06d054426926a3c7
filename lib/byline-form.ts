import { z } from 'zod';
import { plainText } from './plain-text';
import { placeholderParam } from './params';
import { BYLINE_BIO_MAX, BYLINE_NAME_MAX, slugFromHeadline } from './story-form';
import { isSitePhotoSrc } from './photo-sizes';

/** The byline form's fields, as typed (a refusal shows them again). */
export type BylineFormValues = { name: string; slug: string; bio: string; photo: string; removePhoto: boolean };
export type BylineFieldName = 'name' | 'slug' | 'bio' | 'photo';

const BylineInput = z.object({
  name: z.string().trim().min(1, 'Please give the byline a name.').max(BYLINE_NAME_MAX, `A name has at most ${BYLINE_NAME_MAX} characters.`),
  slug: z
    .string()
    .trim()
    .max(80, 'An address has at most 80 characters.')
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'An address takes lower-case letters, digits and single hyphens (such as maria-keller).'),
  bio: z.string().trim().max(BYLINE_BIO_MAX, `A bio has at most ${BYLINE_BIO_MAX} characters.`),
});

/** The typed values, cut to size, for showing the form again. */
export function bylineFormValues(raw: Record<string, unknown>): BylineFormValues {
  const text = (key: string, max: number) => (typeof raw[key] === 'string' ? plainText(raw[key] as string).slice(0, max) : '');
  return {
    name: text('name', BYLINE_NAME_MAX + 100),
    slug: text('slug', 200),
    bio: text('bio', BYLINE_BIO_MAX + 100),
    photo: text('photo', 200),
    removePhoto: raw.removePhoto === 'on',
  };
}

/**
 * Reads a posted byline form: the address falls back to one made from the name; the photo is one
 * this site stored (an upload's address), or none.
 */
export function parseBylineForm(values: BylineFormValues):
  | { success: true; data: { name: string; slug: string; bio: string; photoSrc: string | null } }
  | { success: false; fieldErrors: Partial<Record<BylineFieldName, string>> } {
  const parsed = BylineInput.safeParse(values);
  const fieldErrors: Partial<Record<BylineFieldName, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'name' || key === 'slug' || key === 'bio') fieldErrors[key] ??= issue.message;
    }
    return { success: false, fieldErrors };
  }
  const slug = parsed.data.slug || slugFromHeadline(parsed.data.name);
  if (!slug || slug === placeholderParam) return { success: false, fieldErrors: { slug: 'Please give the byline an address (its name has no letters or digits to make one from).' } };
  const photoSrc = values.removePhoto || !isSitePhotoSrc(values.photo) ? null : values.photo;
  return { success: true, data: { ...parsed.data, slug, photoSrc } };
}
