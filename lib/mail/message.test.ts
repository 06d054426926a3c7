import { describe, expect, it } from 'vitest';
import { buildMessage, InvalidMailError, MANAGE_LABEL, type MailDescription } from './message';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const valid: MailDescription = {
  from: { name: 'Broadsheet', address: 'news@broadsheet.example' },
  to: { name: 'Ada Lovelace', address: 'ada@example.com' },
  subject: 'New reply to your comment on “Budget day”',
  text: 'Grace replied to your comment:\n\nWell argued.\nThank you.',
  action: { label: 'Read the reply', url: 'https://broadsheet.example/news/budget-day#comment-7' },
  unsubscribeUrl: 'https://broadsheet.example/email/unsubscribe?token=abc',
  manageUrl: 'https://broadsheet.example/email?token=abc',
};

const variant = (patch: Partial<MailDescription>): MailDescription => ({ ...valid, ...patch });

function refusal(description: MailDescription): InvalidMailError {
  try {
    buildMessage(description);
  } catch (error) {
    if (error instanceof InvalidMailError) return error;
    throw error;
  }
  throw new Error('buildMessage accepted it');
}

/** Every tag name in a piece of HTML, opening and closing, once each. */
const tagNames = (html: string) => [...new Set([...html.matchAll(/<\/?([a-z!][a-z0-9]*)/gi)].map((match) => match[1]!.toLowerCase()))].sort();

describe('buildMessage', () => {
  it('makes a message nodemailer can send, with the one-click unsubscribe headers of RFC 8058', () => {
    const message = buildMessage(valid);
    expect(message.from).toEqual({ name: 'Broadsheet', address: 'news@broadsheet.example' });
    expect(message.to).toEqual({ name: 'Ada Lovelace', address: 'ada@example.com' });
    expect(message.subject).toBe('New reply to your comment on “Budget day”');
    expect(message.headers).toEqual({
      'List-Unsubscribe': '<https://broadsheet.example/email/unsubscribe?token=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('writes the plain part as typed, then the action and the link to manage subscriptions', () => {
    expect(buildMessage(valid).text).toBe(
      [
        'Grace replied to your comment:',
        '',
        'Well argued.',
        'Thank you.',
        '',
        'Read the reply: https://broadsheet.example/news/budget-day#comment-7',
        '',
        '-- ',
        `${MANAGE_LABEL}: https://broadsheet.example/email?token=abc`,
        '',
      ].join('\n'),
    );
    expect(buildMessage(variant({ action: undefined })).text).not.toContain('Read the reply');
  });

  it('makes the HTML part from the same text: paragraphs at blank lines, line breaks kept, links to the action and to manage subscriptions', () => {
    const { html } = buildMessage(valid);
    expect(html).toContain('<p>Grace replied to your comment:</p>\n<p>Well argued.<br>Thank you.</p>');
    expect(html).toContain('<p><a href="https://broadsheet.example/news/budget-day#comment-7">Read the reply</a></p>');
    expect(html).toContain(`<a href="https://broadsheet.example/email?token=abc">${MANAGE_LABEL}</a>`);
    expect(html).toContain('<title>New reply to your comment on “Budget day”</title>');
    expect(html).toContain('<html lang="en-GB">');
  });

  it('escapes untrusted text in the HTML part, and keeps it as typed in the plain part', () => {
    const name = `${SCRIPT}${IMG}`;
    const message = buildMessage(
      variant({
        to: { name, address: 'ada@example.com' },
        subject: `${name} replied`,
        text: `${name} replied to your comment:\n\n${IMG} & ${SCRIPT}`,
        action: { label: `Read ${SCRIPT}`, url: 'https://broadsheet.example/news/x' },
      }),
    );
    expect(message.text).toContain(`${name} replied to your comment:\n\n${IMG} & ${SCRIPT}`);
    expect(message.to.name).toBe(name);
    expect(message.subject).toBe(`${name} replied`);
    // Only the template's own tags: nothing typed became an element.
    expect(tagNames(message.html)).toEqual(['!doctype', 'a', 'body', 'head', 'hr', 'html', 'meta', 'p', 'title']);
    expect(message.html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt; replied to your comment:');
    expect(message.html).toContain('<p>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(message.html).toContain('<title>&lt;script&gt;');
    expect(message.html).toContain('>Read &lt;script&gt;alert(1)&lt;/script&gt;</a>');
  });

  it('keeps a URL inside its attribute and inside the header’s angle brackets', () => {
    const message = buildMessage(
      variant({
        unsubscribeUrl: 'https://broadsheet.example/u?t=a>b c"d<e',
        manageUrl: 'https://broadsheet.example/m?a=1&b="><script>',
      }),
    );
    expect(message.headers['List-Unsubscribe']).toBe('<https://broadsheet.example/u?t=a%3Eb%20c%22d%3Ce>');
    expect(message.html).toContain('<a href="https://broadsheet.example/m?a=1&amp;b=%22%3E%3Cscript%3E">');
  });
});

describe('what buildMessage refuses', () => {
  const breaks = { CR: '\r', LF: '\n', 'CR LF': '\r\n', NUL: '\u0000', tab: '\t', DEL: '\u007f', NEL: '\u0085', 'line separator': '\u2028' };

  it.each(Object.entries(breaks))('a %s in any header field (header injection)', (_, char) => {
    const injected = `${char}Bcc: victim@example.com`;
    const fields: [string, MailDescription][] = [
      ['to.name', variant({ to: { name: `Ada${injected}`, address: 'ada@example.com' } })],
      ['from.name', variant({ from: { name: `Broadsheet${injected}`, address: 'news@broadsheet.example' } })],
      ['subject', variant({ subject: `Hello${injected}` })],
      ['to.address', variant({ to: { address: `ada@example.com${injected}` } })],
      ['from.address', variant({ from: { address: `news@broadsheet.example${injected}` } })],
      ['unsubscribeUrl', variant({ unsubscribeUrl: `https://broadsheet.example/u${injected}` })],
      ['manageUrl', variant({ manageUrl: `https://broadsheet.example/m${injected}` })],
      ['action.label', variant({ action: { label: `Read${injected}`, url: 'https://broadsheet.example/' } })],
    ];
    for (const [path, description] of fields) {
      const error = refusal(description);
      expect(error.issues).toEqual([{ path, message: 'must not contain a line break or other control character (header injection)' }]);
      expect(error.message).toBe(`Mail refused: ${path} must not contain a line break or other control character (header injection)`);
    }
  });

  it('takes line breaks in the body, where they belong', () => {
    expect(buildMessage(variant({ text: 'one\r\ntwo\n\nthree' })).text).toContain('one\r\ntwo\n\nthree');
  });

  it('an address that is not one bare address', () => {
    expect(refusal(variant({ to: { address: 'Eve <eve@evil.example>' } })).issues).toEqual([{ path: 'to.address', message: 'must be an email address' }]);
    expect(refusal(variant({ to: { address: 'ada@example.com, eve@evil.example' } })).issues).toEqual([{ path: 'to.address', message: 'must be an email address' }]);
    expect(refusal(variant({ to: { address: '' } })).issues).toEqual([{ path: 'to.address', message: 'must be an email address' }]);
  });

  it('an empty subject or body', () => {
    expect(refusal(variant({ subject: '', text: '' })).issues).toEqual([
      { path: 'subject', message: 'must not be empty' },
      { path: 'text', message: 'must not be empty' },
    ]);
  });

  it('links that are not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'not a url', '/relative/path']) {
      expect(refusal(variant({ manageUrl: url })).issues).toEqual([{ path: 'manageUrl', message: 'must be an http:// or https:// URL' }]);
      expect(refusal(variant({ action: { label: 'Read', url } })).issues).toEqual([{ path: 'action.url', message: 'must be an http:// or https:// URL' }]);
    }
  });

  it('a one-click unsubscribe URL over plain http, except on this machine', () => {
    expect(refusal(variant({ unsubscribeUrl: 'http://broadsheet.example/u' })).issues).toEqual([
      { path: 'unsubscribeUrl', message: 'must be an https:// URL (http:// only on localhost)' },
    ]);
    for (const url of ['http://localhost:3000/u', 'http://127.0.0.1:3100/u', 'http://[::1]:3100/u']) {
      expect(buildMessage(variant({ unsubscribeUrl: url })).headers['List-Unsubscribe']).toBe(`<${url}>`);
    }
    expect(buildMessage(variant({ manageUrl: 'http://broadsheet.example/m' })).html).toContain('href="http://broadsheet.example/m"');
  });
});
