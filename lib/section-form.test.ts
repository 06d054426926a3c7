import { describe, expect, it } from 'vitest';
import { reservedFirstSegments } from '@/server/public-routes';
import { parseSectionForm, reservedSectionSlugs, SECTION_DESCRIPTION_MAX, SECTION_NAME_MAX, sectionSlugFromName } from './section-form';

const form = (fields: Record<string, string>) => ({ name: 'Climate', description: '', slug: '', position: '3', ...fields });

describe('parseSectionForm', () => {
  it('makes the address from the name when none is given, and trims what was typed', () => {
    expect(parseSectionForm(form({ name: '  Science & Climate ', description: ' The planet. ' }))).toEqual({
      success: true,
      data: { name: 'Science & Climate', description: 'The planet.', slug: 'science-and-climate', position: 3 },
    });
    expect(parseSectionForm(form({ slug: 'green' }))).toMatchObject({ success: true, data: { slug: 'green' } });
  });

  it('refuses an empty or too long name and a too long description, keeping the text as typed', () => {
    const empty = parseSectionForm(form({ name: '   ', description: 'Kept.' }));
    expect(empty).toMatchObject({ success: false, fieldErrors: { name: 'Please give the section a name.' }, values: { name: '   ', description: 'Kept.' } });
    const long = parseSectionForm(form({ name: 'N'.repeat(SECTION_NAME_MAX + 1), description: 'D'.repeat(SECTION_DESCRIPTION_MAX + 1) }));
    expect(long).toMatchObject({ success: false, fieldErrors: { name: `A name has at most ${SECTION_NAME_MAX} characters.`, description: `A description has at most ${SECTION_DESCRIPTION_MAX} characters.` } });
    expect(parseSectionForm(form({ name: 'N'.repeat(SECTION_NAME_MAX) })).success).toBe(true);
  });

  it('takes only slugs as lib/params reads them', () => {
    for (const slug of ['World News', 'world_news', 'world--news', '-world', 'world-', 'Wörld', 'a/b', '../x']) {
      expect(parseSectionForm(form({ slug })), slug).toMatchObject({ success: false, fieldErrors: { slug: expect.stringContaining('lower-case letters') } });
    }
    expect(parseSectionForm(form({ slug: 'x'.repeat(61) }))).toMatchObject({ success: false, fieldErrors: { slug: 'An address has at most 60 characters.' } });
  });

  it('refuses every address of the site’s own, given or made from the name', () => {
    for (const slug of ['search', 'desk', 'moderation', 'authors', 'tags', 'front', 'login', 'media', 'api', 'comments', 'images', '404', 'category', 'feed', 'page']) {
      expect(parseSectionForm(form({ slug })), slug).toMatchObject({ success: false, fieldErrors: { slug: `"/${slug}" is one of the site's own addresses. Please choose another.` } });
    }
    expect(parseSectionForm(form({ name: 'Search' }))).toMatchObject({ success: false, fieldErrors: { slug: expect.stringContaining('"/search"') } });
    for (const segment of reservedFirstSegments) expect(reservedSectionSlugs.has(segment)).toBe(true);
  });

  it('refuses a name with nothing to make an address from, and a place that is not a number', () => {
    expect(parseSectionForm(form({ name: '!!!' }))).toMatchObject({ success: false, fieldErrors: { slug: expect.stringContaining('no letters or digits') } });
    for (const position of ['', '0', '-1', '1.5', 'first', '1000']) {
      expect(parseSectionForm(form({ position })), position).toMatchObject({ success: false, fieldErrors: { position: expect.stringContaining('place in the navigation') } });
    }
  });

  it('treats a hand-made post with missing or non-text fields as empty ones', () => {
    expect(parseSectionForm({ name: ['x'], position: 2 })).toMatchObject({ success: false, fieldErrors: { name: 'Please give the section a name.' } });
  });
});

describe('sectionSlugFromName', () => {
  it('writes lower-case ASCII words joined by hyphens, at most 60 characters, never ending in one', () => {
    expect(sectionSlugFromName('Arts & Culture')).toBe('arts-and-culture');
    expect(sectionSlugFromName('Économie')).toBe('economie');
    expect(sectionSlugFromName(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});
