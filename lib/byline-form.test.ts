import { describe, expect, it } from 'vitest';
import { bylineFormValues, parseBylineForm } from './byline-form';

const form = (over: Record<string, string> = {}) => bylineFormValues({ name: 'Maria Keller', slug: '', bio: 'Diplomatic editor.', photo: '', ...over });

describe('the byline form', () => {
  it('makes the address from the name when none is given, and keeps one that is', () => {
    expect(parseBylineForm(form())).toEqual({ success: true, data: { name: 'Maria Keller', slug: 'maria-keller', bio: 'Diplomatic editor.', photoSrc: null } });
    expect(parseBylineForm(form({ slug: 'mkeller' }))).toMatchObject({ success: true, data: { slug: 'mkeller' } });
  });

  it('refuses each bad field beside itself', () => {
    expect(parseBylineForm(form({ name: '   ', slug: 'Not A Slug', bio: 'b'.repeat(601) }))).toEqual({
      success: false,
      fieldErrors: {
        name: 'Please give the byline a name.',
        slug: 'An address takes lower-case letters, digits and single hyphens (such as maria-keller).',
        bio: 'A bio has at most 600 characters.',
      },
    });
    expect(parseBylineForm(form({ name: '——' }))).toEqual({ success: false, fieldErrors: { slug: 'Please give the byline an address (its name has no letters or digits to make one from).' } });
  });

  it('keeps a photo only if this site stored it, and drops it when asked to', () => {
    expect(parseBylineForm(form({ photo: '/media/0123456789abcdef0123456789abcdef.webp' }))).toMatchObject({ data: { photoSrc: '/media/0123456789abcdef0123456789abcdef.webp' } });
    expect(parseBylineForm(form({ photo: 'https://evil.example/x.png' }))).toMatchObject({ data: { photoSrc: null } });
    expect(parseBylineForm(form({ photo: 'javascript:alert(1)' }))).toMatchObject({ data: { photoSrc: null } });
    expect(parseBylineForm({ ...form({ photo: '/media/0123456789abcdef0123456789abcdef.webp' }), removePhoto: true })).toMatchObject({ data: { photoSrc: null } });
  });
});
