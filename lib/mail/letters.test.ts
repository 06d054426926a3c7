import { describe, expect, it } from 'vitest';
import { composeLetter, type LetterContent } from './letters';
import { buildMessage } from './message';

const options = { siteUrl: 'https://broadsheet.example/', from: { name: 'Broadsheet', address: 'news@broadsheet.example' } };
const recipient = { letterId: 7, to: 'ada@example.com', token: 'tok_EN-123' };
const comment = { commentId: 42, authorName: 'Grace Hopper', body: 'Well argued.\n\nThank you.', headline: 'Budget day' };

const letters: Record<LetterContent['kind'], LetterContent> = {
  confirm: { ...recipient, kind: 'confirm', headline: 'Budget day' },
  reply: { ...recipient, ...comment, kind: 'reply', subscriptionId: 9, permalinkPath: '/comments/42', storyPath: '/news/budget-day' },
  story: { ...recipient, ...comment, kind: 'story', subscriptionId: 10, permalinkPath: '/comments/42', storyPath: '/news/budget-day' },
  held: { ...recipient, ...comment, kind: 'held' },
  reported: { ...recipient, ...comment, kind: 'reported' },
};

describe('composeLetter', () => {
  it('asks a new address to confirm on the manage page (a GET never confirms), unsubscribing from everything', () => {
    const letter = composeLetter(letters.confirm, options);
    expect(letter).toMatchObject({
      from: options.from,
      to: { address: 'ada@example.com' },
      subject: 'Confirm your email address for Broadsheet',
      action: { label: 'Confirm my email', url: 'https://broadsheet.example/email/tok_EN-123' },
      unsubscribeUrl: 'https://broadsheet.example/email/tok_EN-123/unsubscribe?s=all',
      manageUrl: 'https://broadsheet.example/email/tok_EN-123',
    });
    expect(letter.text).toContain('"Budget day"');
    expect(composeLetter({ ...letters.confirm, headline: null } as LetterContent, options).text).not.toContain('"');
  });

  it('names the replier and quotes the reply, linking to its permalink and unsubscribing from that subscription', () => {
    const letter = composeLetter(letters.reply, options);
    expect(letter.subject).toBe('New reply to your comment on "Budget day"');
    expect(letter.text).toBe('Grace Hopper replied to your comment on "Budget day":\n\n> Well argued.\n>\n> Thank you.');
    expect(letter.action).toEqual({ label: 'Read the reply', url: 'https://broadsheet.example/comments/42' });
    expect(letter.unsubscribeUrl).toBe('https://broadsheet.example/email/tok_EN-123/unsubscribe?s=9');
  });

  it('words the story, held and reported letters', () => {
    expect(composeLetter(letters.story, options)).toMatchObject({ subject: 'New comment on "Budget day"', action: { label: 'Read the comment' }, unsubscribeUrl: expect.stringMatching(/\?s=10$/) });
    const held = composeLetter(letters.held, options);
    expect(held).toMatchObject({
      subject: 'Comment held for moderation: "Budget day"',
      action: { label: 'Review it on the desk', url: 'https://broadsheet.example/moderation/comments/42' },
      unsubscribeUrl: expect.stringMatching(/\?s=all$/),
    });
    expect(composeLetter(letters.reported, options).subject).toBe('Comment reported by readers: "Budget day"');
  });

  it('keeps line breaks and other controls typed into a name or headline out of the subject, so every letter builds', () => {
    const hostile = { ...comment, authorName: 'Eve\r\nBcc: all@example.com', headline: 'Budget\nday\u2028' };
    for (const kind of ['reply', 'story', 'held', 'reported'] as const) {
      const content = { ...letters[kind], ...hostile } as LetterContent;
      const message = buildMessage(composeLetter(content, options));
      expect(message.subject).not.toMatch(/[\r\n\u2028]/);
      expect(message.subject).toContain('"Budget day"');
      expect(message.text).toContain('Eve Bcc: all@example.com');
    }
    expect(() => buildMessage(composeLetter(letters.confirm, options))).not.toThrow();
  });

  it('shortens a very long comment, and names only the recipient’s own address', () => {
    const letter = composeLetter({ ...letters.story, body: 'word '.repeat(1000) } as LetterContent, options);
    expect(letter.text.length).toBeLessThan(2200);
    expect(letter.text).toMatch(/…$/);
    const all = JSON.stringify(Object.values(letters).map((content) => composeLetter(content, options)));
    expect(all.match(/[\w.-]+@[\w.-]+/g)?.filter((address) => address !== 'ada@example.com' && address !== 'news@broadsheet.example')).toEqual([]);
  });
});
