import { describe, expect, it } from 'vitest';
import { canEditEveryStory, canModerateComments, canWriteStories, homeFor, roleWithArticle, userRoles } from './user-roles';

describe('desk roles', () => {
  it('give each role its desks, as WordPress gives its roles their capabilities', () => {
    const table = Object.fromEntries(userRoles.map((role) => [role, [canModerateComments(role), canWriteStories(role), canEditEveryStory(role)]]));
    expect(table).toEqual({
      admin: [true, true, true],
      editor: [true, true, true],
      moderator: [true, false, false],
      author: [false, true, false],
    });
  });

  it('send each role to a desk it can open', () => {
    for (const role of userRoles) {
      const home = homeFor(role);
      expect(home === '/moderation' ? canModerateComments(role) : canWriteStories(role)).toBe(true);
    }
    expect(homeFor('author')).toBe('/desk/stories');
  });

  it('name roles in a sentence', () => {
    expect(userRoles.map(roleWithArticle)).toEqual(['an admin', 'an editor', 'a moderator', 'an author']);
  });
});
