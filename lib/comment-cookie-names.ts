/** Cookie names shared by the server and the browser (this module must stay free of server code). */

/** The signed, HttpOnly cookie listing this browser's comments that await moderation. */
export const PENDING_COOKIE = 'bs_pending';

/**
 * The signed, HttpOnly cookie listing the comments this browser posted in the last few minutes, which
 * it may still edit or delete (the edit window); it lasts as long as the window.
 */
export const OWN_COOKIE = 'bs_own';

/**
 * The marker that sends this browser to a story's per-reader view (`/news/my-story/yours`, through
 * proxy.ts and past nginx's cache): set on that story's own path (`Path=/news/my-story`) whenever a
 * comment of this browser's there awaits moderation or may still be edited. The two cookies above
 * travel with every request, to whichever story; this one only to the story where they matter, so
 * the browser's other stories stay the cached pages everyone reads.
 */
export const OWN_VIEW_COOKIE = 'bs_yours';

/**
 * The key of the flash (lib/flash.ts) a comment posted without JavaScript leaves for its story's own
 * view: what the form says after posting with JavaScript (where the address stands for email).
 */
export const POSTED_FLASH = 'posted';

/** WordPress's names for the "save my name, email, and website" cookies (read by the form in the browser). */
export const SAVED_DETAILS_COOKIES = {
  name: 'comment_author',
  email: 'comment_author_email',
  url: 'comment_author_url',
} as const;
