/**
 * What the Like button answers, kept free of zod and server code because the button is a client
 * component shipped with every story.
 */
export const likeMessages = {
  already: 'You have already liked this comment.',
  sameAddress: 'Likes from your network have already been counted for this comment.',
  overRate: 'You have liked a lot of comments in the last hour. Please try again later.',
  gone: 'This comment can no longer be liked.',
} as const;

/** What the Like button shows after an answer; `likeComment` returns it. `likes` is the comment's count as the answer left it. */
export type LikeCommentState =
  | { status: 'idle' }
  | { status: 'liked'; likes: number }
  | { status: 'already'; likes: number }
  | { status: 'refused'; likes: number; message: string }
  | { status: 'invalid'; message: string };
