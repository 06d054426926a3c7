import { describe, expect, it } from 'vitest';
import { messages, parseCommentInput } from './comment-form';

const valid = { articleId: '3', parentId: '', name: 'Ada', email: 'ada@example.com', url: '', comment: 'Well reported.' };
const errorsOf = (patch: Record<string, unknown>) => {
  const result = parseCommentInput({ ...valid, ...patch });
  return result.success ? {} : result.fieldErrors;
};

describe('parseCommentInput', () => {
  it('accepts a valid comment and trims it', () => {
    const result = parseCommentInput({ ...valid, name: '  Ada  ', comment: '  Hi there \n', remember: 'on' });
    expect(result).toEqual({
      success: true,
      data: { articleId: 3, parentId: null, name: 'Ada', email: 'ada@example.com', url: '', comment: 'Hi there', remember: true, notifyReplies: false, notifyStory: false },
    });
  });

  it('refuses a name with a line break in it (header injection in the emails it goes into)', () => {
    expect(errorsOf({ name: 'Eve\r\nBcc: victim@example.com' }).name).toBe(messages.nameOneLine);
    expect(errorsOf({ name: 'Eve\u2028Bcc: victim@example.com' }).name).toBe(messages.nameOneLine);
    expect(errorsOf({ name: 'Eve Tab\there' }).name).toBeUndefined();
  });

  it('takes the notification boxes, off unless ticked', () => {
    const ticked = parseCommentInput({ ...valid, notifyReplies: 'on', notifyStory: 'yes' });
    expect(ticked.success && [ticked.data.notifyReplies, ticked.data.notifyStory]).toEqual([true, false]);
  });

  it('takes a parent id for replies', () => {
    const result = parseCommentInput({ ...valid, parentId: '12' });
    expect(result.success && result.data.parentId).toBe(12);
  });

  it('needs a name of 1 to 100 characters', () => {
    expect(errorsOf({ name: '   ' }).name).toBe(messages.nameMissing);
    expect(errorsOf({ name: undefined }).name).toBe(messages.nameMissing);
    expect(errorsOf({ name: 'x'.repeat(101) }).name).toBe(messages.nameLong);
    expect(errorsOf({ name: 'x'.repeat(100) }).name).toBeUndefined();
  });

  it('needs a valid email of at most 254 characters', () => {
    expect(errorsOf({ email: '' }).email).toBe(messages.emailMissing);
    expect(errorsOf({ email: 'not-an-email' }).email).toBe(messages.emailInvalid);
    expect(errorsOf({ email: `${'a'.repeat(250)}@example.com` }).email).toBe(messages.emailLong);
  });

  it('takes an http(s) website or none', () => {
    expect(errorsOf({ url: 'https://example.com/me' }).url).toBeUndefined();
    expect(errorsOf({ url: 'javascript:alert(1)' }).url).toBe(messages.urlInvalid);
    expect(errorsOf({ url: 'data:text/html,hi' }).url).toBe(messages.urlInvalid);
    expect(errorsOf({ url: 'example.com' }).url).toBe(messages.urlInvalid);
    expect(errorsOf({ url: 'http://localhost' }).url).toBe(messages.urlInvalid);
  });

  it('needs a comment of 2 to 5000 characters after trimming', () => {
    expect(errorsOf({ comment: ' x ' }).comment).toBe(messages.commentShort);
    expect(errorsOf({ comment: 'x'.repeat(5001) }).comment).toBe(messages.commentLong);
    expect(errorsOf({ comment: ` ${'x'.repeat(5000)} ` }).comment).toBeUndefined();
  });

  it('drops control characters such as NUL but keeps line breaks', () => {
    const result = parseCommentInput({ ...valid, name: 'A\u0000da', comment: 'one\r\ntwo\u001b' });
    expect(result.success && [result.data.name, result.data.comment]).toEqual(['Ada', 'one\ntwo']);
  });

  it('reports a broken article id as a form error, not a field error', () => {
    const result = parseCommentInput({ ...valid, articleId: 'abc' });
    expect(result.success).toBe(false);
    expect(!result.success && result.formError).toBe(messages.unknownArticle);
  });
});
