import { z } from 'zod';
import { plainTextIfString } from './plain-text';

const text = (schema: z.ZodType<string, string>) => z.preprocess((v) => plainTextIfString(v ?? ''), schema);

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
};

export const messages = {
  nameMissing: 'Please enter your name.',
  nameLong: 'Your name can be at most 100 characters.',
  nameOneLine: 'Please type your name on one line.',
  emailMissing: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address.',
  emailLong: 'Your email address can be at most 254 characters.',
  urlInvalid: 'Please enter a web address starting with http:// or https://, or leave it empty.',
  commentShort: 'Please type a comment of at least 2 characters.',
  commentLong: 'Your comment can be at most 5,000 characters.',
  flood: 'You are posting comments too quickly. Slow down.',
  duplicate: 'Duplicate comment detected; it looks as though you’ve already said that!',
  closed: 'Comments are closed on this story.',
  parentGone: 'The comment you are replying to is no longer available. Your comment will be posted as a new one if you send it again.',
  unknownArticle: 'This story is not open for comments.',
} as const;

/** What a commenter's own edit or deletion is told when it is refused (app/comments/[id]/edit). */
export const ownEditMessages = {
  notYours: (minutes: number) =>
    `A comment can be changed only from the browser that posted it, for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} after posting. Nothing was changed.`,
  off: 'Comments cannot be changed after posting on this site. Nothing was changed.',
  gone: 'That comment is no longer there to change.',
  replied: 'Someone has replied to this comment, so it can no longer be changed or deleted.',
} as const;

/** A comment's text as a commenter types it, in the reply form and when they edit it. */
export function commentText() {
  return text(z.string().trim().min(2, messages.commentShort).max(5000, messages.commentLong));
}

/** The "Leave a Reply" form as the server receives it (the browser's checks are only a courtesy). */
export const CommentInput = z.object({
  articleId: z.coerce.number().int().positive(),
  parentId: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().positive().nullable()),
  // One line: a name goes into emails, where a line break could try to start a header of its own.
  name: text(
    z
      .string()
      .trim()
      .min(1, messages.nameMissing)
      .max(100, messages.nameLong)
      .refine((value) => !/[\n\u2028\u2029]/.test(value), messages.nameOneLine),
  ),
  email: text(
    z
      .string()
      .trim()
      .min(1, messages.emailMissing)
      .max(254, messages.emailLong)
      .pipe(z.email({ message: messages.emailInvalid })),
  ),
  url: text(
    z
      .string()
      .trim()
      .max(2000, messages.urlInvalid)
      .refine((v) => v === '' || isHttpUrl(v), messages.urlInvalid),
  ),
  comment: commentText(),
  remember: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  /** "Notify me of replies to my comment" (shown only when the site sends mail). */
  notifyReplies: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  /** "Notify me of new comments on this story". */
  notifyStory: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});

export type CommentInput = z.infer<typeof CommentInput>;

/** The text fields, as typed, to put back in the form after an error. */
export type CommentValues = { name: string; email: string; url: string; comment: string; remember: boolean; notifyReplies: boolean; notifyStory: boolean };
export type CommentFieldErrors = Partial<Record<'name' | 'email' | 'url' | 'comment', string>>;

export function valuesFrom(raw: Record<string, unknown>): CommentValues {
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).slice(0, 10_000) : '');
  return {
    name: str('name'),
    email: str('email'),
    url: str('url'),
    comment: str('comment'),
    remember: raw.remember === 'on',
    notifyReplies: raw.notifyReplies === 'on',
    notifyStory: raw.notifyStory === 'on',
  };
}

export function parseCommentInput(raw: Record<string, unknown>):
  | { success: true; data: CommentInput }
  | { success: false; fieldErrors: CommentFieldErrors; formError?: string } {
  const parsed = CommentInput.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: CommentFieldErrors = {};
  let formError: string | undefined;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'name' || field === 'email' || field === 'url' || field === 'comment') fieldErrors[field] ??= issue.message;
    else formError = messages.unknownArticle;
  }
  return { success: false, fieldErrors, formError };
}
