import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_DESK_BODY_BYTES, tooLarge } from './body-limits';

describe('how large a post may be', () => {
  const session = 'theme=dark; authjs.session-token=abc';
  it('holds every post to 1 MB, and the desk’s, from a signed-in browser, to 32 MB for a photo', () => {
    expect(tooLarge('/news/a-story', String(MAX_BODY_BYTES), undefined)).toBe(false);
    expect(tooLarge('/news/a-story', String(MAX_BODY_BYTES + 1), session)).toBe(true);
    expect(tooLarge('/desk/stories/4', String(16 * 1024 * 1024), session)).toBe(false);
    expect(tooLarge('/desk/stories/4', String(16 * 1024 * 1024), '__Secure-authjs.session-token=abc')).toBe(false);
    expect(tooLarge('/desk/stories/4', String(MAX_DESK_BODY_BYTES + 1), session)).toBe(true);
  });

  it('gives no room to a post without a session, wherever it goes', () => {
    expect(tooLarge('/desk/stories/4', String(MAX_BODY_BYTES + 1), undefined)).toBe(true);
    expect(tooLarge('/desk/stories/4', String(MAX_BODY_BYTES + 1), 'notauthjs.session-token=x')).toBe(true);
    expect(tooLarge('/moderation', String(MAX_BODY_BYTES + 1), session)).toBe(true);
  });
});
