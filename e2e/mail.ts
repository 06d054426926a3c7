/**
 * The end-to-end run's mail server: a real SMTP server (the `smtp-server` package) that
 * scripts/e2e-server.ts starts beside the site and points SMTP_URL at. Each message it accepts is
 * written whole to the run's mail folder, so the tests (in other processes) read exactly what a
 * mailbox would get: envelope, headers, plain-text and HTML parts, parsed by mailparser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { e2eDatabasePath, e2ePort } from './env';

export const e2eSmtpPort = e2ePort + 70;
export const e2eMailDir = path.join(path.dirname(e2eDatabasePath), 'mail');

/** Starts the catcher; resolves once it listens. */
export async function startMailCatcher(): Promise<{ stop: () => Promise<void> }> {
  fs.mkdirSync(e2eMailDir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // An address whose mailbox does not exist, as a real server answers it: 550, a permanent refusal.
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce-')) return callback(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',');
        const name = `${Date.now()}-${String(count).padStart(6, '0')}.eml`;
        // Written under a temporary name first, so a reader never parses half a message.
        const file = path.join(e2eMailDir, name);
        fs.writeFileSync(`${file}.part`, Buffer.concat([Buffer.from(`X-Envelope-To: ${to}\r\n`), ...chunks]));
        fs.renameSync(`${file}.part`, file);
        callback();
      });
    },
  });
  // smtp-server passes a client's socket error during a message (a site server stopped mid-send) to this
  // 'error' event; unheard, it would end the whole run's server. The message is simply not caught.
  server.on('error', (error) => console.warn(`Mail catcher: a connection failed: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(e2eSmtpPort, '127.0.0.1', () => resolve());
  });
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type CaughtMail = ParsedMail & { envelopeTo: string[] };

/** Every message caught so far whose envelope names `address`, oldest first. */
export async function mailTo(address: string): Promise<CaughtMail[]> {
  const files = fs.existsSync(e2eMailDir) ? fs.readdirSync(e2eMailDir).filter((name) => name.endsWith('.eml')).sort() : [];
  const found: CaughtMail[] = [];
  for (const name of files) {
    const raw = fs.readFileSync(path.join(e2eMailDir, name));
    const envelopeTo = /^X-Envelope-To: (.*)\r\n/.exec(raw.toString('latin1'))?.[1]?.split(',') ?? [];
    if (!envelopeTo.includes(address.toLowerCase()) && !envelopeTo.includes(address)) continue;
    found.push(Object.assign(await simpleParser(raw), { envelopeTo }));
  }
  return found;
}

/** A unique address for one test, so tests running side by side never read each other's mail. */
export function testAddress(prefix: string) {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}@mail.example`;
}

/** A header exactly as sent (mailparser turns some, such as the List-* ones, into objects). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}
