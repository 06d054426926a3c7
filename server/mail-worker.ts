/**
 * The mail worker: every couple of seconds each app server turns approved comments and desk notices
 * into letters (db/mail.ts `expandFanOuts`), claims letters due (a lease, so two servers never send
 * the same one), reads what each says now, and sends it (server/mail.ts). Started by
 * instrumentation.ts when mail is on (SMTP_URL), after the schedule, on a connection of its own.
 *
 * A letter's Message-ID is fixed (`<outbox-ID@host>`): a server that dies between the SMTP server's
 * acceptance and `markSent` sends the letter again when its lease runs out, and the receiving side
 * can tell the two copies are one message.
 */
import type { Db } from '../db/client';
import { claimLetters, expandFanOuts, type Letter, letterContent, markFailed, markSent, markSkipped } from '../db/mail';
import { siteUrl } from '../lib/config';
import { composeLetter } from '../lib/mail/letters';
import { buildMessage, InvalidMailError, type MailMessage } from '../lib/mail/message';
import { createMailTransport, MailSendError, type MailSettings, mailSettings, type MailTransport, sendMessage } from './mail';
import { startTicker } from './ticker';

export const MAIL_POLL_MS = 2_000;
/** Letters one pass sends at most, so a long queue does not hold one tick for ever. */
const LETTERS_PER_PASS = 100;
/**
 * Letters are claimed one at a time, each under a lease far longer than one send can take (the
 * transport gives up within a minute, server/mail.ts): a lease never runs out while its letter is
 * still being sent, so another server never takes it up and sends it twice.
 */
const CLAIM_BATCH = 1;
export const LEASE_MS = 5 * 60_000;

export type MailPass = { letters: number; sent: number; retrying: number; failed: number; skipped: number };

/**
 * A 5xx answer from the SMTP server (nodemailer's `responseCode` on the cause) is permanent: the
 * mailbox does not exist, or the server will never take this letter. A send the server answered
 * with no recipient accepted (no cause) is too. Anything else (no connection, a 4xx) is tried again.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof InvalidMailError) return true;
  if (!(error instanceof MailSendError)) return false;
  if (error.cause === undefined) return true;
  const code = (error.cause as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500;
}

/** The id every copy of this letter carries, whichever server sends it and however often. */
export function letterMessageId(letterId: number, site = siteUrl()): string {
  return `<outbox-${letterId}@${new URL(site).hostname || 'localhost'}>`;
}

async function sendLetter(database: Db, transport: MailTransport, settings: MailSettings, letter: Letter, now: Date, site: string): Promise<keyof Omit<MailPass, 'letters'>> {
  const content = await letterContent(database, letter);
  if (!content) {
    await markSkipped(database, letter.id);
    return 'skipped';
  }
  try {
    const message: MailMessage = Object.assign(buildMessage(composeLetter(content, { siteUrl: site, from: settings.from })), { messageId: letterMessageId(letter.id, site) });
    const messageId = await sendMessage(transport, message);
    await markSent(database, letter.id, messageId, now);
    return 'sent';
  } catch (error) {
    if (!(error instanceof MailSendError || error instanceof InvalidMailError)) throw error;
    const outcome = await markFailed(database, letter.id, error.message, now, { permanent: isPermanentFailure(error) });
    if (outcome === 'failed') console.warn(`Mail: letter ${letter.id} (${letter.kind}) failed for good: ${error.message}`);
    return outcome === 'failed' ? 'failed' : 'retrying';
  }
}

/**
 * One full pass: fan-outs due become letters, then letters are claimed and sent, a batch at a time,
 * until none is due (or LETTERS_PER_PASS). `now` fixes the clock (tests); by default each step reads it.
 */
export async function runMailWorkerOnce(database: Db, transport: MailTransport, settings: MailSettings, now?: Date, site = siteUrl()): Promise<MailPass> {
  const clock = () => now ?? new Date();
  const pass: MailPass = { letters: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  await expandFanOuts(database, clock());
  while (pass.letters < LETTERS_PER_PASS) {
    const letters = await claimLetters(database, clock(), CLAIM_BATCH, LEASE_MS);
    for (const letter of letters) {
      pass.letters += 1;
      pass[await sendLetter(database, transport, settings, letter, clock(), site)] += 1;
    }
    if (letters.length < CLAIM_BATCH) break;
  }
  return pass;
}

function pollInterval(): number {
  const ms = Number(process.env.MAIL_POLL_MS);
  return Number.isFinite(ms) && ms >= 100 ? ms : MAIL_POLL_MS;
}

/** Starts the worker in this process, once; does nothing when mail is off. */
export function startMailWorker(intervalMs = pollInterval()) {
  const settings = mailSettings();
  if (!settings) return;
  const transport = createMailTransport(settings);
  startTicker(
    'mail-worker',
    intervalMs,
    async (connection) => {
      await runMailWorkerOnce(connection, transport, settings);
    },
    // The letters stay queued (or leased, until the lease runs out).
    'The mail worker could not run; trying again every few seconds.',
  );
}
