/** Where a comment stands, as WordPress names it; the schema's `comments.status` column takes these. */
export const commentStatuses = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof commentStatuses)[number];
