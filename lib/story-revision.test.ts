import { describe, expect, it } from 'vitest';
import { changedFields, type StoryFields, storyFields, textDiff } from './story-revision';

const version: StoryFields = {
  headline: 'Council delays the budget vote',
  standfirst: 'Members asked for more time.',
  body: 'The council voted 31 to 12 to delay.\n\n## What next\n\nA new date in March.',
  status: 'published',
  sectionId: 1,
  authorIds: [2],
  slug: 'council-delays-budget-vote',
  featured: false,
  commentsOpen: true,
  topics: ['Budget'],
  photoSrc: null,
  photoWidth: null,
  photoHeight: null,
  photoAlt: null,
  photoCaption: null,
  photoCredit: null,
};

describe('comparing two versions of a story', () => {
  it('names the fields that differ, in the form’s order', () => {
    expect(changedFields(version, version)).toEqual([]);
    expect(changedFields(version, { ...version, body: 'Other.', headline: 'New', featured: true })).toEqual(['headline', 'body', 'featured']);
    expect(changedFields(version, { ...version, photoSrc: '/media/x.webp', photoAlt: 'A ferry' })).toEqual(['photoSrc', 'photoAlt']);
    expect(changedFields(version, { ...version, topics: ['Budget', 'Council'] })).toEqual(['topics']);
    expect(changedFields(version, { ...version, topics: ['Budget'] })).toEqual([]);
    expect(changedFields(version, { ...version, authorIds: [2, 5] })).toEqual(['authorIds']);
  });

  it('reads a version kept when a story had one byline as that one byline', () => {
    const { authorIds, ...rest } = version;
    expect(storyFields({ ...rest, authorId: authorIds[0] })).toEqual(version);
  });

  it('shows the body word by word: removed text, added text, the rest kept', () => {
    const parts = textDiff(version.body, version.body.replace('31 to 12', '32 to 11'));
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text.trim())).toEqual(['31', '12']);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['32', '11']);
    // Put back together, each side is its own text.
    const side = (skip: 'added' | 'removed') => parts.filter((part) => part.kind !== skip).map((part) => part.text).join('');
    expect(side('added')).toBe(version.body);
    expect(side('removed')).toBe(version.body.replace('31 to 12', '32 to 11'));
  });
});
