/** What a desk account may do: a moderator decides comments, an admin also runs settings and accounts. */
export const userRoles = ['admin', 'moderator'] as const;
export type UserRole = (typeof userRoles)[number];
