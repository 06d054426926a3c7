import type { AddressObject } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMessage, InvalidMailError, type MailDescription } from '../lib/mail/message';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../test/smtp';
import { createMailTransport, MailSendError, mailSettings, sendMessage, type MailTransport } from './mail';

const MAIL_FROM = 'Broadsheet <news@broadsheet.example>';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const reply: MailDescription = {
  from: { name: 'Broadsheet', address: 'news@broadsheet.example' },
  to: { name: 'Ada Lovelace', address: 'ada@example.com' },
  subject: 'Grace Hopper replied to your comment on “Budget day”',
  text: 'Grace Hopper replied to your comment on “Budget day”:\n\nWell argued, Ada.\nThank you.',
  action: { label: 'Read the reply', url: 'https://broadsheet.example/news/budget-day#comment-7' },
  unsubscribeUrl: 'https://broadsheet.example/email/unsubscribe?token=abc',
  manageUrl: 'https://broadsheet.example/email?token=abc',
};

const addresses = (header: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(header) ? header : header ? [header] : []).flatMap((group) => group.value.map(({ name, address }) => ({ name, address })));

const headerLine = (mail: ReceivedMail, key: string) => mail.parsed.headerLines.filter((line) => line.key === key).map((line) => line.line);

describe('mailSettings', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('turns mail off, without throwing, when SMTP_URL is unset or empty', () => {
    expect(mailSettings({})).toBeNull();
    expect(mailSettings({ SMTP_URL: '', MAIL_FROM })).toBeNull();
    expect(mailSettings({ MAIL_FROM: 'not an address' })).toBeNull();
    vi.stubEnv('SMTP_URL', undefined);
    expect(mailSettings()).toBeNull();
  });

  it('reads SMTP_URL and MAIL_FROM from the environment', () => {
    vi.stubEnv('SMTP_URL', 'smtp://user:secret@mail.example:587');
    vi.stubEnv('MAIL_FROM', MAIL_FROM);
    expect(mailSettings()).toEqual({ smtpUrl: 'smtp://user:secret@mail.example:587', from: { name: 'Broadsheet', address: 'news@broadsheet.example' } });
    expect(mailSettings({ SMTP_URL: 'smtps://mail.example', MAIL_FROM: 'news@broadsheet.example' })?.from).toEqual({ name: '', address: 'news@broadsheet.example' });
  });

  it('refuses a set SMTP_URL that is not smtp(s), without repeating its password', () => {
    const read = () => mailSettings({ SMTP_URL: 'https://user:hunter2@mail.example', MAIL_FROM });
    expect(read).toThrow(/^Mail settings: SMTP_URL must be smtp:\/\/host\[:port\] or smtps:\/\/host\[:port\]/);
    expect(read).not.toThrow(/hunter2/);
    expect(() => mailSettings({ SMTP_URL: 'mail.example:25', MAIL_FROM })).toThrow(/SMTP_URL must be/);
  });

  it('needs MAIL_FROM, one address, once SMTP_URL is set', () => {
    expect(() => mailSettings({ SMTP_URL: 'smtp://mail.example' })).toThrow('Mail settings: MAIL_FROM must be set when SMTP_URL is');
    expect(() => mailSettings({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'news@broadsheet.example, desk@broadsheet.example' })).toThrow(/MAIL_FROM must be one address/);
    expect(() => mailSettings({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'Broadsheet' })).toThrow(/MAIL_FROM must be one address/);
  });
});

describe('sending to a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startSmtpServer({ refuseRecipient: (address) => address.endsWith('@gone.example') });
    const settings = mailSettings({ SMTP_URL: smtp.url, MAIL_FROM });
    if (!settings) throw new Error('mail is off');
    transport = createMailTransport(settings);
  });

  afterAll(async () => {
    transport.close();
    await smtp.stop();
  });

  /** Sends and returns the message as it arrived, found by the Message-ID sendMessage returned. */
  async function deliver(description: MailDescription): Promise<ReceivedMail> {
    const id = await sendMessage(transport, buildMessage(description));
    expect(id).toMatch(/^<.+@.+>$/);
    const found = smtp.received.filter((mail) => mail.parsed.messageId === id);
    expect(found).toHaveLength(1);
    return found[0]!;
  }

  it('delivers to the recipient alone, from MAIL_FROM, with subject, both parts and the unsubscribe headers', async () => {
    const mail = await deliver(reply);
    const sent = buildMessage(reply);
    expect(mail.envelope).toEqual({ from: 'news@broadsheet.example', to: ['ada@example.com'] });
    expect(addresses(mail.parsed.to)).toEqual([{ name: 'Ada Lovelace', address: 'ada@example.com' }]);
    expect(addresses(mail.parsed.from)).toEqual([{ name: 'Broadsheet', address: 'news@broadsheet.example' }]);
    expect(mail.parsed.cc).toBeUndefined();
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.subject).toBe('Grace Hopper replied to your comment on “Budget day”');
    expect(mail.parsed.text).toBe(sent.text);
    expect(mail.parsed.html).toBe(sent.html);
    expect(mail.parsed.text).toContain('Well argued, Ada.\nThank you.');
    expect(mail.parsed.text).toContain('Unsubscribe or manage your email subscriptions: https://broadsheet.example/email?token=abc');
    expect(mail.parsed.html).toContain('<a href="https://broadsheet.example/email?token=abc">Unsubscribe or manage your email subscriptions</a>');
    expect(headerLine(mail, 'list-unsubscribe')).toEqual(['List-Unsubscribe: <https://broadsheet.example/email/unsubscribe?token=abc>']);
    expect(headerLine(mail, 'list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
  });

  it('escapes XSS payloads from a commenter’s name and comment in the HTML part, and keeps them as text in the plain part', async () => {
    const commenter = `${SCRIPT}${IMG}`;
    const comment = `I disagree ${IMG}\n\n${SCRIPT}`;
    const mail = await deliver({
      ...reply,
      to: { name: commenter, address: 'ada@example.com' },
      subject: `${commenter} replied to your comment`,
      text: `${commenter} replied to your comment:\n\n${comment}`,
    });
    expect(mail.parsed.text).toContain(`${commenter} replied to your comment:\n\n${comment}`);
    expect(mail.parsed.subject).toBe(`${commenter} replied to your comment`);
    expect(addresses(mail.parsed.to)).toEqual([{ name: commenter, address: 'ada@example.com' }]);
    const html = mail.parsed.html || '';
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt; replied to your comment:</p>');
    expect(html).toContain('<p>I disagree &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img');
  });

  it('keeps a name that looks like more addresses a name: no one else receives it', async () => {
    const name = 'Eve <eve@evil.example>, mallory@evil.example; Bcc: victim@example.com';
    const mail = await deliver({ ...reply, to: { name, address: 'ada@example.com' } });
    expect(mail.envelope.to).toEqual(['ada@example.com']);
    expect(addresses(mail.parsed.to)).toEqual([{ name, address: 'ada@example.com' }]);
  });

  it('refuses CR or LF in a name or subject before anything is sent', async () => {
    const connections = smtp.connections();
    const received = smtp.received.length;
    const injected: MailDescription[] = [
      { ...reply, to: { name: 'Ada\r\nBcc: victim@example.com', address: 'ada@example.com' } },
      { ...reply, from: { name: 'Broadsheet\nBcc: victim@example.com', address: 'news@broadsheet.example' } },
      { ...reply, subject: 'Hello\r\nBcc: victim@example.com' },
      { ...reply, subject: 'Hello\rX-Injected: yes' },
    ];
    for (const description of injected) {
      await expect(async () => sendMessage(transport, buildMessage(description))).rejects.toThrow(InvalidMailError);
    }
    expect(smtp.connections()).toBe(connections);
    expect(smtp.received).toHaveLength(received);
  });

  it('throws a clear error when the server refuses the recipient', async () => {
    const received = smtp.received.length;
    const sending = sendMessage(transport, buildMessage({ ...reply, to: { address: 'nobody@gone.example' } }));
    await expect(sending).rejects.toThrow(MailSendError);
    await expect(sending).rejects.toThrow(/^Could not send mail "Grace Hopper replied to your comment on “Budget day”": .*550/);
    expect(smtp.received).toHaveLength(received);
  });
});

describe('sending when the server is away or wants a password', () => {
  it('throws a clear error when no server answers', async () => {
    const gone = await startSmtpServer();
    await gone.stop();
    const transport = createMailTransport(mailSettings({ SMTP_URL: gone.url, MAIL_FROM })!);
    await expect(sendMessage(transport, buildMessage(reply))).rejects.toThrow(new RegExp(`^Could not send mail ".+": .*ECONNREFUSED 127\\.0\\.0\\.1:${gone.port}`));
    transport.close();
  });

  it('signs in with the user and password in SMTP_URL', async () => {
    const pass = 'p@ss w0rd:/';
    const smtp = await startSmtpServer({ auth: { user: 'broadsheet', pass } });
    try {
      const withoutPassword = createMailTransport(mailSettings({ SMTP_URL: smtp.url, MAIL_FROM })!);
      await expect(sendMessage(withoutPassword, buildMessage(reply))).rejects.toThrow(MailSendError);
      withoutPassword.close();
      expect(smtp.received).toHaveLength(0);

      const url = `smtp://broadsheet:${encodeURIComponent(pass)}@127.0.0.1:${smtp.port}`;
      const signedIn = createMailTransport(mailSettings({ SMTP_URL: url, MAIL_FROM })!);
      const id = await sendMessage(signedIn, buildMessage(reply));
      signedIn.close();
      expect(smtp.received.map((mail) => [mail.user, mail.parsed.messageId])).toEqual([['broadsheet', id]]);
    } finally {
      await smtp.stop();
    }
  });
});
