import { describe, expect, it } from 'vitest';
import { maySaveStory, parsePublishAt, parseTopics, parseStoryForm, publishAtFieldValue, publishedAtAfter, slugFromHeadline, statusAfter } from './story-form';

const form = (over: Record<string, string | string[]> = {}) => ({
  headline: 'Council delays the budget vote',
  standfirst: '',
  body: 'Text.',
  sectionId: '2',
  authorIds: ['3', ''],
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

  it('keeps no control characters (a NUL byte cannot be stored on PostgreSQL), and line breaks as \\n', () => {
    const parsed = parseStoryForm(form({ headline: 'NUL\u0000 byte', standfirst: 'esc\u001b', body: 'one\r\ntwo\u0000', topics: 'a\u0000b' }));
    expect(parsed.success && [parsed.data.headline, parsed.data.standfirst, parsed.data.body, parsed.data.topics]).toEqual(['NUL byte', 'esc', 'one\ntwo', ['ab']]);
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

  it('takes one byline or several, in the order chosen, and refuses none, a repeat or a made-up one', () => {
    const several = parseStoryForm(form({ authorIds: ['5', '', '3'] }));
    expect(several.success && several.data.authorIds).toEqual([5, 3]);
    const one = parseStoryForm(form({ authorIds: '4' }));
    expect(one.success && one.data.authorIds).toEqual([4]);
    const refusal = (authorIds: string | string[]) => {
      const parsed = parseStoryForm(form({ authorIds }));
      return !parsed.success && parsed.fieldErrors.authorIds;
    };
    expect(refusal(['', ''])).toBe('Please choose a byline.');
    expect(refusal(['3', '3'])).toBe('The same byline is chosen twice. Please choose each once.');
    expect(refusal(['3', 'x'])).toBe('Please choose bylines from the list.');
    expect(refusal(['1', '2', '3', '4', '5', '6', '7'])).toBe('A story has at most 6 bylines.');
    const kept = parseStoryForm(form({ authorIds: ['3', '3'], headline: 'Kept' }));
    expect(!kept.success && kept.values.authorIds).toEqual(['3', '3']);
  });

  it('reads an unknown button as a plain save', () => {
    const parsed = parseStoryForm(form({ intent: 'delete-everything' }));
    expect(parsed.success && parsed.data.intent).toBe('save');
  });
});

describe('who may save and to which status', () => {
  it('lets editors and admins save any story, authors only their own drafts and stories in review', () => {
    const mine = (status: 'draft' | 'review' | 'published') => ({ authorIds: [2, 7], status });
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

describe('scheduling, publishing and taking down', () => {
  it('lets editors schedule a story not yet public, and take one down: published goes off the site, scheduled back to draft', () => {
    expect(statusAfter('schedule', 'editor', 'draft')).toBe('scheduled');
    expect(statusAfter('schedule', 'editor', 'scheduled')).toBe('scheduled');
    expect(statusAfter('schedule', 'editor', 'published')).toBeNull();
    expect(statusAfter('schedule', 'author', 'draft')).toBeNull();
    expect(statusAfter('unpublish', 'editor', 'published')).toBe('unpublished');
    expect(statusAfter('unpublish', 'editor', 'scheduled')).toBe('draft');
    expect(statusAfter('unpublish', 'editor', 'draft')).toBeNull();
    expect(statusAfter('unpublish', 'author', 'published')).toBeNull();
    expect(statusAfter('publish', 'editor', 'unpublished')).toBe('published');
  });

  it('reads the time field in London time, summer and winter', () => {
    expect(parsePublishAt('2026-12-24T07:00')?.toISOString()).toBe('2026-12-24T07:00:00.000Z');
    expect(parsePublishAt('2026-07-01T09:30')?.toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(publishAtFieldValue(new Date('2026-07-01T08:30:00Z'))).toBe('2026-07-01T09:30');
    expect(publishAtFieldValue(null)).toBe('');
    for (const bad of ['', 'tomorrow', '2026-13-45T99:00', '2026-12-24 07:00; drop table', '2026-12-24T23:60']) expect(parsePublishAt(bad), bad).toBeNull();
    // date-fns-tz would read 24:00 as the start of the same day: a story scheduled a day early.
    expect(parsePublishAt('2026-12-24T24:00')).toBeNull();
  });

  it('schedules only for a time to come, within a year, and says what was wrong beside the field', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    const ok = parseStoryForm(form({ intent: 'schedule', publishAt: '2026-12-03T10:01' }), now);
    expect(ok.success && ok.data.publishAt?.toISOString()).toBe('2026-12-03T10:01:00.000Z');
    const refused = (publishAt: string) => {
      const result = parseStoryForm(form({ intent: 'schedule', publishAt }), now);
      return result.success ? null : result.fieldErrors.publishAt;
    };
    expect(refused('')).toMatch(/choose when/);
    expect(refused('2026-12-03T09:59')).toMatch(/has passed/);
    expect(refused('2026-12-03T10:00')).toMatch(/has passed/);
    expect(refused('2028-01-01T00:00')).toMatch(/at most 366 days/);
    expect(refused('soon')).toMatch(/date and a time/);
    // A plain save ignores the field.
    expect(parseStoryForm(form({ intent: 'save', publishAt: 'soon' }), now).success).toBe(true);
  });

  it('keeps the first publication time through corrections, a take-down and a republish; a schedule carries its own time', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    const first = new Date('2026-11-01T08:00:00Z');
    const later = new Date('2026-12-04T07:00:00Z');
    expect(publishedAtAfter('published', null, null, now)).toEqual(now);
    expect(publishedAtAfter('published', { status: 'draft', publishedAt: null }, null, now)).toEqual(now);
    expect(publishedAtAfter('published', { status: 'published', publishedAt: first }, null, now)).toEqual(first);
    expect(publishedAtAfter('unpublished', { status: 'published', publishedAt: first }, null, now)).toEqual(first);
    expect(publishedAtAfter('published', { status: 'unpublished', publishedAt: first }, null, now)).toEqual(first);
    expect(publishedAtAfter('scheduled', { status: 'draft', publishedAt: null }, later, now)).toEqual(later);
    expect(publishedAtAfter('scheduled', { status: 'scheduled', publishedAt: later }, null, now)).toEqual(later);
    // Published now instead of at its time; a cancelled schedule forgets its time.
    expect(publishedAtAfter('published', { status: 'scheduled', publishedAt: later }, null, now)).toEqual(now);
    expect(publishedAtAfter('draft', { status: 'scheduled', publishedAt: later }, null, now)).toBeNull();
  });
});

describe('topics typed in the form', () => {
  it('reads names separated by commas, each once by its address, in the order typed', () => {
    expect(parseTopics(' Budget,  City   council , budget,,Élections ')).toEqual({ names: ['Budget', 'City council', 'Élections'] });
    expect(parseTopics('')).toEqual({ names: [] });
  });

  it('refuses a name too long, one with nothing to make an address of, and more than ten', () => {
    expect(parseTopics('x'.repeat(41)).error).toMatch(/at most 40 characters/);
    expect(parseTopics('Budget, !!!').error).toMatch(/“!!!” has no letters or digits/);
    expect(parseTopics(Array.from({ length: 11 }, (_, i) => `Topic ${i}`).join(',')).error).toMatch(/At most 10 topics/);
  });
});
