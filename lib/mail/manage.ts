import { z } from 'zod';

/** The token in every manage and unsubscribe link: 32 random bytes, base64url (db/mail.ts makes them). */
export const MailToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** What /email/TOKEN says after one of its forms: a fixed word per outcome, never text from the address. */
export const manageNotices = {
  confirmed: 'Thank you: your address is confirmed. Notifications will now arrive as you asked.',
  unsubscribed: 'Done: you will get no more of those emails.',
  all: 'Done: you are unsubscribed from everything. Commenting again with notifications ticked starts them again.',
  blocked: 'Done: we will never email this address again, not even to confirm a new subscription.',
  unblocked: 'Done: this address may be emailed again. Nothing is sent until you ask: tick a box under a comment form.',
  gone: 'That subscription was already gone.',
} as const;

export type ManageNotice = keyof typeof manageNotices;

export function isManageNotice(value: unknown): value is ManageNotice {
  return typeof value === 'string' && Object.hasOwn(manageNotices, value);
}

/** An address shown on its own page, partly hidden in case the link is passed on: `j•••@example.com`. */
export function maskedAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}
