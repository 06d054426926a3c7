import { createServer } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../test/smtp';

vi.mock('server-only', () => ({}));
vi.mock('../db/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../db/client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('../db/client')) as { db: Db };
const { queueApprovedInTransaction, subscribeInTransaction } = await import('../db/mail');
const { comments, mailAddresses, mailOutbox, mailSubscriptions } = await import('../db/schema');
const { transact } = await import('../db/transact');
const { insertStory } = await import('../test/cases/engine');
const { createMailTransport } = await import('./mail');
const { isPermanentFailure, letterMessageId, runMailWorkerOnce } = await import('./mail-worker');

runMigrations(db);

const SITE = 'https://broadsheet.example';
const now = new Date('2026-11-02T10:00:00Z');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const settings = (url: string) => ({ smtpUrl: url, from: { name: 'Broadsheet', address: 'news@broadsheet.example' } });

let smtp: TestSmtpServer;
let articleId = 0;

beforeAll(async () => {
  vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
  smtp = await startSmtpServer({ refuseRecipient: (address) => address.startsWith('nobody@') });
  articleId = await insertStory(db, now);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
  db.$client.close();
});
beforeEach(async () => {
  await db.delete(mailOutbox);
  await db.delete(mailSubscriptions);
  await db.delete(mailAddresses);
  await db.delete(comments);
  smtp.received.length = 0;
});

const pass = (url = smtp.url, at = now) => runMailWorkerOnce(db, createMailTransport(settings(url)), settings(url), at, SITE);
const subscribe = (email: string, commentId: number | null, at = now) =>
  transact(db, (tx) => subscribeInTransaction(tx, { email, articleId, commentId, replies: commentId !== null, story: commentId === null, confirm: true }, at));
const headerLine = (mail: ReceivedMail, key: string) => mail.parsed.headerLines.filter((line) => line.key === key).map((line) => line.line.replace(/\r?\n[ \t]+/g, ' '));
const outbox = () => db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));

async function addComment(values: Partial<typeof comments.$inferInsert> & { authorEmail: string }) {
  const [row] = await db
    .insert(comments)
    .values({ articleId, authorName: 'Reader', body: 'A comment', status: 'approved', createdAt: now, ...values })
    .returning({ id: comments.id });
  return row!.id;
}

describe('the mail worker, against a real SMTP server', () => {
  it('sends a confirmation letter with the unsubscribe headers, a text and an HTML part, and marks it sent', async () => {
    const subscribed = await subscribe('Ada@Example.com', null);
    const [{ token }] = (await db.select({ token: mailAddresses.token }).from(mailAddresses)) as [{ token: string }];
    expect(await pass()).toMatchObject({ letters: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received as [ReceivedMail];
    expect(mail.envelope.to).toEqual(['ada@example.com']);
    expect(mail.parsed.subject).toBe('Confirm your email address for Broadsheet');
    expect(headerLine(mail, 'list-unsubscribe')).toEqual([`List-Unsubscribe: <${SITE}/email/${token}/unsubscribe?s=all>`]);
    expect(headerLine(mail, 'list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
    expect(mail.parsed.text).toContain(`Confirm my email: ${SITE}/email/${token}`);
    expect(mail.parsed.html).toContain(`<a href="${SITE}/email/${token}">Confirm my email</a>`);
    const [letter] = await outbox();
    expect(mail.parsed.messageId).toBe(letterMessageId(letter!.id, SITE));
    expect(letter).toMatchObject({ kind: 'confirm', addressId: subscribed!.addressId, status: 'sent', attempts: 1, sentAt: now, messageId: letterMessageId(letter!.id, SITE), lockedUntil: null });
    expect(await pass()).toMatchObject({ letters: 0 });
  });

  it('sends a reply letter to the parent’s subscriber, escaping a hostile name, comment and headline in HTML and keeping them plain in text', async () => {
    const { articles } = await import('../db/schema');
    await db.update(articles).set({ headline: `Budget <b>day</b> ${SCRIPT}` }).where(eq(articles.id, articleId));
    try {
      const parent = await addComment({ authorEmail: 'ada@example.com', authorName: 'Ada' });
      const subscribed = await subscribe('ada@example.com', parent);
      await db.update(mailAddresses).set({ confirmedAt: now }).where(eq(mailAddresses.id, subscribed!.addressId));
      await db.delete(mailOutbox);
      const [subscription] = await db.select({ id: mailSubscriptions.id }).from(mailSubscriptions);
      const reply = await addComment({ authorEmail: 'eve@evil.example', authorName: `Eve ${SCRIPT}`, body: `${IMG}\nsecond line`, parentId: parent });
      await transact(db, (tx) => queueApprovedInTransaction(tx, [reply], now));

      expect(await pass()).toMatchObject({ letters: 1, sent: 1 });
      const [mail] = smtp.received as [ReceivedMail];
      expect(mail.envelope.to).toEqual(['ada@example.com']);
      expect(mail.parsed.subject).toBe(`New reply to your comment on "Budget <b>day</b> ${SCRIPT}"`);
      const [{ token }] = (await db.select({ token: mailAddresses.token }).from(mailAddresses)) as [{ token: string }];
      expect(headerLine(mail, 'list-unsubscribe')).toEqual([`List-Unsubscribe: <${SITE}/email/${token}/unsubscribe?s=${subscription!.id}>`]);
      expect(headerLine(mail, 'list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
      expect(mail.parsed.text).toContain(`Eve ${SCRIPT} replied to your comment on "Budget <b>day</b> ${SCRIPT}":\n\n> ${IMG}\n> second line`);
      expect(mail.parsed.text).toContain(`Read the reply: ${SITE}/comments/${reply}`);
      const html = mail.parsed.html as string;
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>');
      expect(html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(JSON.stringify(mail.parsed.headers.get('to'))).not.toContain('eve@evil.example');
      expect(mail.parsed.text).not.toContain('eve@evil.example');
    } finally {
      await db.update(articles).set({ headline: 'A story' }).where(eq(articles.id, articleId));
    }
  });

  it('marks a letter the server refuses for good (550) failed at once, keeping the error', async () => {
    await subscribe('nobody@example.com', null);
    expect(await pass()).toMatchObject({ letters: 1, failed: 1 });
    const [letter] = await outbox();
    expect(letter).toMatchObject({ status: 'failed', attempts: 1, lockedUntil: null });
    expect(letter!.lastError).toMatch(/550|mailbox unavailable/);
    expect(smtp.received).toEqual([]);
  });

  it('leaves a letter queued, to be tried a minute later, when the SMTP server is down', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    await subscribe('ada@example.com', null);
    expect(await pass(`smtp://127.0.0.1:${closed}`)).toMatchObject({ letters: 1, retrying: 1 });
    const [letter] = await outbox();
    expect(letter).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(now.getTime() + 60_000), lockedUntil: null });
    expect(letter!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await pass(smtp.url, new Date(now.getTime() + 30_000))).toMatchObject({ letters: 0 });
    expect(await pass(smtp.url, new Date(now.getTime() + 60_000))).toMatchObject({ letters: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('skips a letter whose comment was taken down before it was sent', async () => {
    const subscribed = await subscribe('ada@example.com', null);
    await db.update(mailAddresses).set({ confirmedAt: now }).where(eq(mailAddresses.id, subscribed!.addressId));
    await db.delete(mailOutbox);
    const id = await addComment({ authorEmail: 'bob@example.com' });
    await transact(db, (tx) => queueApprovedInTransaction(tx, [id], now));
    const { expandFanOuts } = await import('../db/mail');
    await expandFanOuts(db, now);
    await db.update(comments).set({ status: 'trash' }).where(eq(comments.id, id));
    expect(await pass()).toMatchObject({ letters: 1, skipped: 1 });
    expect(smtp.received).toEqual([]);
  });

  it('tells permanent failures from temporary ones by the SMTP answer', async () => {
    const { MailSendError } = await import('./mail');
    expect(isPermanentFailure(new MailSendError('x', { cause: Object.assign(new Error('550'), { responseCode: 550 }) }))).toBe(true);
    expect(isPermanentFailure(new MailSendError('x', { cause: Object.assign(new Error('451'), { responseCode: 451 }) }))).toBe(false);
    expect(isPermanentFailure(new MailSendError('x', { cause: Object.assign(new Error('down'), { code: 'ECONNREFUSED' }) }))).toBe(false);
    expect(isPermanentFailure(new Error('database is locked'))).toBe(false);
  });
});
