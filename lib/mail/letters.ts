/**
 * The words of each letter Broadsheet sends (issue 19), as a MailDescription for lib/mail/message.ts
 * `buildMessage`, which escapes the HTML part and refuses control characters in headers. Pure: what
 * a letter says comes from db/mail.ts `letterContent`, read as it is sent.
 *
 * A letter names the commenter it is about by the name they gave, never by their email address: the
 * only address in a letter is its recipient's own.
 */
import type { MailDescription } from './message';

type Recipient = { letterId: number; to: string; token: string };
type CommentText = { commentId: number; authorName: string; body: string; headline: string };

/** What one letter needs (db/mail.ts `letterContent` reads it at send time). */
export type LetterContent =
  | (Recipient & { kind: 'confirm'; headline: string | null })
  | (Recipient & CommentText & { kind: 'reply' | 'story'; subscriptionId: number; permalinkPath: string; storyPath: string })
  | (Recipient & CommentText & { kind: 'held' | 'reported' });

export type LetterOptions = {
  /** The site's address, e.g. `https://broadsheet.example` (lib/config.ts `siteUrl()`). */
  siteUrl: string;
  from: { name?: string; address: string };
};

/** C0 and C1 controls and the Unicode line separators, which a header must not hold. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const SUBJECT_HEADLINE = 120;
const BODY = 2000;

/** Typed text made fit for a header or a line of its own: one line, not too long. */
function oneLine(value: string, max = SUBJECT_HEADLINE): string {
  const line = value.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A comment quoted as mail quotes: each line after "> ". */
function quoted(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const cut = text.length > BODY ? `${text.slice(0, BODY - 1).trimEnd()}…` : text;
  return cut
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

export function composeLetter(content: LetterContent, { siteUrl, from }: LetterOptions): MailDescription {
  const site = siteUrl.replace(/\/+$/, '');
  const manageUrl = `${site}/email/${encodeURIComponent(content.token)}`;
  const unsubscribeUrl = (subscription: number | 'all') => `${manageUrl}/unsubscribe?s=${subscription}`;
  const base = { from, to: { address: content.to }, manageUrl };

  if (content.kind === 'confirm') {
    const about = content.headline ? ` about comments on "${oneLine(content.headline)}"` : '';
    return {
      ...base,
      subject: 'Confirm your email address for Broadsheet',
      text:
        `Someone, we hope you, asked Broadsheet to send email${about} to this address.\n\n` +
        'Nothing more will be sent until you confirm it. If it was not you, ignore this message: you will not hear from us again about it.',
      action: { label: 'Confirm my email', url: manageUrl },
      unsubscribeUrl: unsubscribeUrl('all'),
    };
  }

  const headline = oneLine(content.headline);
  const author = oneLine(content.authorName, 80) || 'A reader';
  const quote = quoted(content.body);

  if (content.kind === 'reply' || content.kind === 'story') {
    const reply = content.kind === 'reply';
    return {
      ...base,
      subject: reply ? `New reply to your comment on "${headline}"` : `New comment on "${headline}"`,
      text: `${author} ${reply ? 'replied to your comment' : 'commented'} on "${headline}":\n\n${quote}`,
      action: { label: reply ? 'Read the reply' : 'Read the comment', url: `${site}${content.permalinkPath}` },
      unsubscribeUrl: unsubscribeUrl(content.subscriptionId),
    };
  }

  const held = content.kind === 'held';
  return {
    ...base,
    subject: held ? `Comment held for moderation: "${headline}"` : `Comment reported by readers: "${headline}"`,
    text: `${held ? 'A comment is waiting for moderation' : 'Readers reported a comment'} on "${headline}". ${author} wrote:\n\n${quote}`,
    action: { label: 'Review it on the desk', url: `${site}/moderation/comments/${content.commentId}` },
    unsubscribeUrl: unsubscribeUrl('all'),
  };
}
