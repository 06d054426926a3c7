import slugify from '@sindresorhus/slugify';
import { z } from 'zod';
import { plainText } from './plain-text';
import { reservedFirstSegments } from '@/server/public-routes';
import { Slug } from './params';
import { wordpressFirstSegments } from './wordpress/old-addresses';

/** The section form's limits: a name fits the masthead's navigation, a description a front's standfirst. */
export const SECTION_NAME_MAX = 60;
export const SECTION_DESCRIPTION_MAX = 300;
export const SECTION_SLUG_MAX = 60;
/** Sections the navigation can hold, bounding the position field. */
export const SECTION_POSITION_MAX = 999;

/**
 * First path segments a section may not take: every route and file at the top of the site
 * (server/public-routes.ts, checked against app/ and public/ by its test), the error pages Next
 * answers at the top level of any build, and the old WordPress forms next.config.ts redirects or
 * rewrites before any section is looked at (`/category/…`, `/feed`, `/page/2`).
 */
export const reservedSectionSlugs: ReadonlySet<string> = new Set([...reservedFirstSegments, ...wordpressFirstSegments, '404', '500']);

export type SectionFieldName = 'name' | 'description' | 'slug' | 'position';

/** What the form shows: the typed text, as typed (cut to a size a page can hold). */
export type SectionFormValues = { name: string; description: string; slug: string; position: string };

export type SectionInput = { name: string; description: string; slug: string; position: number };

/** A slug made from a section's name: lower case, ASCII, words joined by hyphens. */
export function sectionSlugFromName(name: string) {
  return slugify(name).slice(0, SECTION_SLUG_MAX).replace(/-+$/, '');
}

/** The typed values, cut to size, for showing the form again. */
export function sectionFormValues(raw: Record<string, unknown>): SectionFormValues {
  const field = (name: string, max: number) => (typeof raw[name] === 'string' ? plainText(raw[name] as string).slice(0, max) : '');
  return {
    name: field('name', SECTION_NAME_MAX + 100),
    description: field('description', SECTION_DESCRIPTION_MAX + 100),
    slug: field('slug', SECTION_SLUG_MAX + 100),
    position: field('position', 20),
  };
}

const SectionInputSchema = z.object({
  name: z.string().trim().min(1, 'Please give the section a name.').max(SECTION_NAME_MAX, `A name has at most ${SECTION_NAME_MAX} characters.`),
  description: z.string().trim().max(SECTION_DESCRIPTION_MAX, `A description has at most ${SECTION_DESCRIPTION_MAX} characters.`),
  slug: z.string().trim().max(SECTION_SLUG_MAX, `An address has at most ${SECTION_SLUG_MAX} characters.`),
  position: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{0,2}$/, `Please give a place in the navigation: 1 for first, up to ${SECTION_POSITION_MAX}.`)
    .transform(Number),
});

/**
 * Reads a posted section form. The address falls back to one made from the name; it must be a slug
 * as lib/params reads them and none of the site's own top-level addresses. Whether another section
 * has it, and whether this section may still change it, the database decides (db/sections.ts).
 */
export function parseSectionForm(raw: Record<string, unknown>):
  | { success: true; data: SectionInput }
  | { success: false; fieldErrors: Partial<Record<SectionFieldName, string>>; values: SectionFormValues } {
  const values = sectionFormValues(raw);
  const parsed = SectionInputSchema.safeParse(values);
  const fieldErrors: Partial<Record<SectionFieldName, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'name' || key === 'description' || key === 'slug' || key === 'position') fieldErrors[key] ??= issue.message;
    }
    return { success: false, fieldErrors, values };
  }
  const slug = parsed.data.slug || sectionSlugFromName(parsed.data.name);
  if (!slug) fieldErrors.slug = 'Please give the section an address (its name has no letters or digits to make one from).';
  else if (!Slug.safeParse(slug).success) fieldErrors.slug = 'An address takes lower-case letters, digits and single hyphens (such as world-news).';
  else if (reservedSectionSlugs.has(slug)) fieldErrors.slug = `"/${slug}" is one of the site's own addresses. Please choose another.`;
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors, values };
  return { success: true, data: { ...parsed.data, slug } };
}
