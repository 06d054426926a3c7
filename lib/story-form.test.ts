import { describe, expect, it } from 'vitest';
import { maySaveStory, parseStoryForm, slugFromHeadline, statusAfter } from './story-form';

const form = (over: Record<string, string> = {}) => ({
  headline: 'Council delays the budget vote',
  standfirst: '',
  body: 'Text.',
  sectionId: '2',
  authorId: '3',
  slug: '',
  intent: 'save',
  commentsOpen: 'on',
  ...over,
});

describe('the story form', () => {
  it('makes the address from the headline when none is given', () => {
    const parsed = parseStoryForm(form({ headline: 'Trump’s 25% tariffs: what changes?' }));
    expect(parsed.success && parsed.data.slug).toBe('trumps-25-tariffs-what-changes');
    expect(slugFromHeadline('A'.repeat(30) + ' ' + 'b'.repeat(60))).toHaveLength(80);
  });

  it('refuses each bad field beside itself and keeps what was typed', () => {
    const parsed = parseStoryForm(form({ headline: 'H'.repeat(201), sectionId: '', slug: 'Not A Slug', body: '<b>kept</b>' }));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.fieldErrors).toEqual({
      headline: 'A headline has at most 200 characters.',
      sectionId: 'Please choose a section.',
      slug: 'An address takes lower-case letters, digits and single hyphens (such as budget-vote-delayed).',
    });
    expect(parsed.values.body).toBe('<b>kept</b>');
    expect(parsed.values.headline).toHaveLength(201);
  });

  it('keeps the site’s own addresses, and needs a body only on the way to review or publication', () => {
    const reserved = parseStoryForm(form({ slug: 'page' }));
    expect(!reserved.success && reserved.fieldErrors.slug).toBe('"page" is one of the site\'s own addresses. Please choose another.');
    expect(parseStoryForm(form({ body: ' ' })).success).toBe(true);
    for (const intent of ['submit', 'publish']) {
      const parsed = parseStoryForm(form({ body: ' ', intent }));
      expect(!parsed.success && parsed.fieldErrors.body).toBe('A story needs a body before it goes to an editor or is published.');
    }
  });

  it('reads an unknown button as a plain save', () => {
    const parsed = parseStoryForm(form({ intent: 'delete-everything' }));
    expect(parsed.success && parsed.data.intent).toBe('save');
  });
});

describe('who may save and to which status', () => {
  it('lets editors and admins save any story, authors only their own drafts and stories in review', () => {
    const mine = (status: 'draft' | 'review' | 'published') => ({ authorId: 7, status });
    expect(maySaveStory('editor', null, mine('published'))).toBe(true);
    expect(maySaveStory('admin', null, null)).toBe(true);
    expect(maySaveStory('author', 7, null)).toBe(true);
    expect(maySaveStory('author', 7, mine('draft'))).toBe(true);
    expect(maySaveStory('author', 7, mine('review'))).toBe(true);
    expect(maySaveStory('author', 7, mine('published'))).toBe(false);
    expect(maySaveStory('author', 8, mine('draft'))).toBe(false);
    expect(maySaveStory('author', null, null)).toBe(false);
    expect(maySaveStory('moderator', null, null)).toBe(false);
  });

  it('lets only editors publish; a save keeps the status; a submission goes to review', () => {
    expect(statusAfter('publish', 'author', 'draft')).toBeNull();
    expect(statusAfter('publish', 'editor', 'review')).toBe('published');
    expect(statusAfter('submit', 'author', 'draft')).toBe('review');
    expect(statusAfter('submit', 'author', 'published')).toBeNull();
    expect(statusAfter('save', 'editor', 'published')).toBe('published');
    expect(statusAfter('save', 'author', null)).toBe('draft');
  });
});
