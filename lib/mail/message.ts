import escapeHtml from 'escape-html';
import { z } from 'zod';
import { site } from '../site';

/**
 * What an email from Broadsheet says: its sender and recipient, subject, a plain-text part and an
 * HTML part made from the same text, and the unsubscribe headers every message carries. Pure: the
 * sending is server/mail.ts's.
 *
 * Much of what goes into a message was typed by a stranger (a commenter's name, their comment, a
 * story's headline), so:
 * - header fields (names, addresses, subject, links) refuse line breaks and every other control
 *   character. nodemailer would fold a stray CR or LF into a space, but a name that tries to start a
 *   new header is an attack or a bug, never something to send quietly;
 * - the HTML part is built here from the plain text, every character of it escaped, so nothing typed
 *   can become markup; the plain part carries the text as typed.
 *
 * Names and addresses go to nodemailer as `{ name, address }` objects, never as a formatted
 * `Name <address>` string, so a name such as `Eve <eve@evil.example>, ` is quoted as a name and
 * cannot add a recipient.
 */

/** C0 and C1 controls (CR, LF, tab, NUL, ESC…) and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const headerInjection = 'must not contain a line break or other control character (header injection)';

// Aborts: a field that tries to inject a header gets that one clear refusal, not a list of side effects.
const headerText = () => z.string().refine((value) => !CONTROL.test(value), { message: headerInjection, abort: true });

const Mailbox = z.object({
  address: headerText().pipe(z.email('must be an email address')),
  name: headerText().optional(),
});

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A link to this site, as the URL parser writes it (spaces, quotes and angle brackets escaped). */
const link = () =>
  headerText()
    .refine((value) => ['http:', 'https:'].includes(parsedUrl(value)?.protocol ?? ''), 'must be an http:// or https:// URL')
    .transform((value) => new URL(value).href);

/**
 * RFC 8058: the one-click unsubscribe URL is HTTPS, since mailbox providers POST to it on the
 * reader's behalf. Plain http is let through for loopback hosts only, where the site runs in
 * development and under the end-to-end tests.
 */
const oneClickLink = () =>
  link().refine((href) => {
    const url = new URL(href);
    return url.protocol === 'https:' || isLoopback(url.hostname);
  }, 'must be an https:// URL (http:// only on localhost)');

/** What a caller says about one message; `buildMessage` checks it and makes the message. */
export const MailDescription = z.object({
  from: Mailbox,
  to: Mailbox,
  subject: headerText().min(1, 'must not be empty'),
  /** The body as plain text, untrusted parts and all; blank lines separate paragraphs. */
  text: z.string().min(1, 'must not be empty'),
  /** The one thing the message asks the reader to do (read the reply, confirm the address), shown after the text. */
  action: z.object({ label: headerText().min(1, 'must not be empty'), url: link() }).optional(),
  /**
   * Where a mailbox provider POSTs `List-Unsubscribe=One-Click` to unsubscribe in one step (RFC 8058).
   * Its GET must not unsubscribe anyone (link scanners follow every URL); the body links to manageUrl.
   */
  unsubscribeUrl: oneClickLink(),
  /** The page where this address sees and changes its subscriptions, unsubscribing included. */
  manageUrl: link(),
});

export type MailDescription = z.input<typeof MailDescription>;

type Address = { name: string; address: string };

declare const checked: unique symbol;

/**
 * A message as nodemailer's `sendMail` takes it. Only `buildMessage` makes one (the brand exists in
 * the type alone), so nothing reaches the sender without passing its checks.
 */
export type MailMessage = {
  from: Address;
  to: Address;
  subject: string;
  text: string;
  html: string;
  headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  readonly [checked]: true;
};

/** A description `buildMessage` refuses; `message` names each field and what is wrong with it. */
export class InvalidMailError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Mail refused: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
    this.name = 'InvalidMailError';
  }
}

export const MANAGE_LABEL = 'Unsubscribe or manage your email subscriptions';

/** Checks a description and makes its message; throws InvalidMailError rather than send anything doubtful. */
export function buildMessage(description: MailDescription): MailMessage {
  const parsed = MailDescription.safeParse(description);
  if (!parsed.success) {
    throw new InvalidMailError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'message', message: issue.message })));
  }
  const { from, to, subject, text, action, unsubscribeUrl, manageUrl } = parsed.data;
  const message: Omit<MailMessage, typeof checked> = {
    from: { name: from.name ?? '', address: from.address },
    to: { name: to.name ?? '', address: to.address },
    subject,
    text: textPart(text, action, manageUrl),
    html: htmlPart(subject, text, action, manageUrl),
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
  return message as MailMessage;
}

type Action = { label: string; url: string } | undefined;

function textPart(text: string, action: Action, manageUrl: string): string {
  const parts = [text.replace(/\s+$/, '')];
  if (action) parts.push(`${action.label}: ${action.url}`);
  // "-- " on a line of its own is the signature separator mail programs know, and dim or fold away.
  parts.push(`-- \n${MANAGE_LABEL}: ${manageUrl}`);
  return `${parts.join('\n\n')}\n`;
}

function htmlPart(subject: string, text: string, action: Action, manageUrl: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ''))
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`);
  return [
    '<!doctype html>',
    `<html lang="${site.language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Georgia, serif; font-size: 16px; line-height: 1.5; color: #111;">',
    ...paragraphs,
    ...(action ? [`<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>`] : []),
    '<hr>',
    `<p style="font-size: 14px; color: #555;"><a href="${escapeHtml(manageUrl)}">${MANAGE_LABEL}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
