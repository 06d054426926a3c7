/**
 * How large a post may be, checked from its Content-Length before it is read: by our server under
 * `npm start` (server/serve.ts) and by proxy.ts under plain `next start`. Next's own limit for server
 * actions (next.config.ts) is the larger one, so that a story's photo can come through the desk.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * The newsroom desk's story form from a signed-in account: a photo of up to 15 MB and the form around
 * it, with room for a larger file to arrive and be refused beside its field, in words.
 */
export const MAX_DESK_BODY_BYTES = 32 * 1024 * 1024;

/** Whether a post of this size to this path is refused before it is read. Only a request with a session may post a photo. */
export function tooLarge(pathname: string, contentLength: string | null | undefined, cookie: string | null | undefined) {
  const desk = pathname.startsWith('/desk/') && /(^|;\s*)(__Secure-)?authjs\.session-token=/.test(cookie ?? '');
  return Number(contentLength ?? 0) > (desk ? MAX_DESK_BODY_BYTES : MAX_BODY_BYTES);
}
