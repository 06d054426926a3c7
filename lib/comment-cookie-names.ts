/** Cookie names shared by the server and the browser (this module must stay free of server code). */

/** The signed, HttpOnly cookie listing this browser's comments that await moderation. */
export const PENDING_COOKIE = 'bs_pending';

/** WordPress's names for the "save my name, email, and website" cookies (read by the form in the browser). */
export const SAVED_DETAILS_COOKIES = {
  name: 'comment_author',
  email: 'comment_author_email',
  url: 'comment_author_url',
} as const;
