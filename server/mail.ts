/**
 * Sending mail over SMTP with nodemailer. Messages are made by lib/mail/message.ts; this module only
 * knows where to send them. One attempt per call: retries belong to whoever queues the message, so
 * that a message is retried from a record that survives a restart, never from memory.
 *
 * SMTP_URL (`smtp://user:pass@host:587`, or `smtps://…:465` for TLS from the first byte) says where;
 * nodemailer reads its options from the URL, its query string included (`?requireTLS=true`).
 * MAIL_FROM (`Broadsheet <news@example.com>` or a bare address) says who the mail is from.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { z } from 'zod';
import type { MailMessage } from '../lib/mail/message';

export type MailSettings = {
  smtpUrl: string;
  from: { name: string; address: string };
};

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo>;

const SmtpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
  // The value is left out of the message: it may hold the SMTP password.
}, 'SMTP_URL must be smtp://host[:port] or smtps://host[:port], with user:password@ before the host if the server wants them');

const MailFrom = z
  .string({ error: 'MAIL_FROM must be set when SMTP_URL is: the address mail is sent from, as "Name <address>" or address' })
  .transform((value, context) => {
    const [first, ...rest] = addressparser(value, { flatten: true });
    const mailbox = z.email().safeParse(first?.address);
    if (rest.length > 0 || !mailbox.success) {
      context.addIssue({ code: 'custom', message: `MAIL_FROM must be one address, as "Name <address>" or address; it is ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return { name: first?.name ?? '', address: mailbox.data };
  });

const MailEnvironment = z.object({ SMTP_URL: SmtpUrl, MAIL_FROM: MailFrom });

/**
 * Where mail goes and whom it is from; null when SMTP_URL is unset or empty, which means mail is
 * off: nothing is sent and nothing that needs mail is offered. A set SMTP_URL with a malformed value,
 * or without MAIL_FROM, throws: a typo must not turn mail off without a word.
 */
export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings | null {
  if (!env.SMTP_URL) return null;
  const parsed = MailEnvironment.safeParse({ SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM || undefined });
  if (!parsed.success) throw new Error(`Mail settings: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return { smtpUrl: parsed.data.SMTP_URL, from: parsed.data.MAIL_FROM };
}

/**
 * A transport for these settings. It opens a connection per message: no pool to hold open while
 * idle. It gives up on a server that does not answer within these times (nodemailer waits up to ten
 * minutes by default), so one send always ends well inside the worker's lease on its letter
 * (server/mail-worker.ts); options in SMTP_URL's query string still win.
 */
export const MAIL_TIMEOUTS = { dnsTimeout: 10_000, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as const;

export function createMailTransport(settings: MailSettings): MailTransport {
  return nodemailer.createTransport({ url: settings.smtpUrl, ...MAIL_TIMEOUTS });
}

/** Sending failed: the server could not be reached, refused the sender or the recipient, or dropped the connection. */
export class MailSendError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'MailSendError';
  }
}

/**
 * Sends one message and resolves with its Message-ID once the server has accepted it; throws
 * MailSendError, naming the subject and the server's answer, when it has not.
 */
export async function sendMessage(transport: MailTransport, message: MailMessage): Promise<string> {
  let info: SMTPTransport.SentMessageInfo;
  try {
    info = await transport.sendMail(message);
  } catch (error) {
    throw new MailSendError(`Could not send mail "${message.subject}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (info.rejected.length > 0) {
    throw new MailSendError(`Could not send mail "${message.subject}": the server refused the recipient (${info.response})`);
  }
  return info.messageId;
}
