import { z } from 'zod';

/** URL slugs as we write them: lower-case words joined by single hyphens. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);

/** A page number from the URL: 1, 2, 3… (anything else is not a page of ours). */
export const PageNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

export function parseSlug(value: string): string | null {
  const parsed = Slug.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parsePage(value: string | undefined): number | null {
  if (value === undefined) return 1;
  const parsed = PageNumber.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * `generateStaticParams` must name at least one path under Cache Components; this one is not a valid
 * slug, so its build-time render is a 404 that never opens the database.
 */
export const placeholderParam = '_';
