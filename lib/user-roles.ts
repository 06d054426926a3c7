/**
 * What a desk account may do. The newsroom follows WordPress's roles:
 * - admin: everything, including settings, accounts and privacy requests;
 * - editor: every story, sections and authors, and the comments (as a WordPress editor moderates them);
 * - moderator: the comments only;
 * - author: their own stories while they are drafts, submitted to an editor for review; never publishes.
 */
export const userRoles = ['admin', 'editor', 'moderator', 'author'] as const;
export type UserRole = (typeof userRoles)[number];

export const roleNames: Record<UserRole, string> = { admin: 'Admin', editor: 'Editor', moderator: 'Moderator', author: 'Author' };

/** "an admin", "an editor", "a moderator", "an author". */
export function roleWithArticle(role: UserRole) {
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${roleNames[role].toLowerCase()}`;
}

/** The comment desk (/moderation): queues, decisions, the log. */
export function canModerateComments(role: UserRole) {
  return role === 'admin' || role === 'editor' || role === 'moderator';
}

/** The newsroom desk (/desk): the story list, writing. */
export function canWriteStories(role: UserRole) {
  return role === 'admin' || role === 'editor' || role === 'author';
}

/** Every story, whoever wrote it; publishing and scheduling; sections and authors. */
export function canEditEveryStory(role: UserRole) {
  return role === 'admin' || role === 'editor';
}

/** Where a member of staff starts after signing in. */
export function homeFor(role: UserRole) {
  return canModerateComments(role) ? '/moderation' : '/desk/stories';
}
