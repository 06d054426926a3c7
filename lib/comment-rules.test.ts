import { describe, expect, it } from 'vitest';
import {
  commentsAreClosed,
  decideStatus,
  describeReason,
  findListedWord,
  replyDepth,
  type CommentFields,
} from './comment-rules';
import { defaultCommentSettings, type CommentSettings } from './comment-settings';

const fields = (over: Partial<CommentFields> = {}): CommentFields => ({
  name: 'Ada Reader',
  email: 'ada@example.org',
  url: '',
  body: 'A thoughtful comment.',
  ip: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
  ...over,
});

/** Everything off, so that each test turns on only the rule it is about. */
const open: CommentSettings = {
  ...defaultCommentSettings,
  manualApproval: false,
  approvePreviouslyApproved: false,
  linkThreshold: 0,
  moderationWords: [],
  disallowedWords: [],
  minFillSeconds: 0,
};
const settings = (over: Partial<CommentSettings> = {}): CommentSettings => ({ ...open, ...over });

const human = { honeypotFilled: false, secondsToFill: 30 };
const ctx = (over: { hasApprovedComment?: boolean; honeypotFilled?: boolean; secondsToFill?: number | null } = {}) => ({
  hasApprovedComment: over.hasApprovedComment ?? false,
  bot: {
    honeypotFilled: over.honeypotFilled ?? human.honeypotFilled,
    secondsToFill: over.secondsToFill === undefined ? human.secondsToFill : over.secondsToFill,
  },
});

describe('decideStatus: defaults', () => {
  it('holds a first-time commenter under the default settings', () => {
    expect(decideStatus(fields(), defaultCommentSettings, ctx())).toEqual({
      status: 'pending',
      reason: { rule: 'manual-approval' },
    });
  });

  it('approves a previously approved commenter under the default settings', () => {
    expect(decideStatus(fields(), defaultCommentSettings, ctx({ hasApprovedComment: true }))).toEqual({
      status: 'approved',
      reason: null,
    });
  });

  it('approves when every rule is off', () => {
    expect(decideStatus(fields(), open, ctx())).toEqual({ status: 'approved', reason: null });
  });
});

describe('decideStatus: bot checks', () => {
  it('sends a filled honeypot to spam', () => {
    expect(decideStatus(fields(), open, ctx({ honeypotFilled: true }))).toEqual({
      status: 'spam',
      reason: { rule: 'honeypot' },
    });
  });

  it('sends a form filled faster than minFillSeconds to spam', () => {
    expect(decideStatus(fields(), settings({ minFillSeconds: 3 }), ctx({ secondsToFill: 1 }))).toEqual({
      status: 'spam',
      reason: { rule: 'too-fast', seconds: 1 },
    });
    expect(decideStatus(fields(), settings({ minFillSeconds: 3 }), ctx({ secondsToFill: 2.9 })).status).toBe('spam');
  });

  it('accepts a form filled in exactly minFillSeconds or more', () => {
    expect(decideStatus(fields(), settings({ minFillSeconds: 3 }), ctx({ secondsToFill: 3 })).status).toBe('approved');
    expect(decideStatus(fields(), settings({ minFillSeconds: 3 }), ctx({ secondsToFill: 3.1 })).status).toBe('approved');
  });

  it('skips the timing check when the time is unknown', () => {
    expect(decideStatus(fields(), settings({ minFillSeconds: 3 }), ctx({ secondsToFill: null }))).toEqual({
      status: 'approved',
      reason: null,
    });
  });

  it('turns the timing check off with minFillSeconds 0', () => {
    expect(decideStatus(fields(), settings({ minFillSeconds: 0 }), ctx({ secondsToFill: 0 })).status).toBe('approved');
  });

  it('checks the honeypot before the timing', () => {
    expect(
      decideStatus(fields(), settings({ minFillSeconds: 3 }), ctx({ honeypotFilled: true, secondsToFill: 0 })).reason,
    ).toEqual({ rule: 'honeypot' });
  });

  it('runs before every other rule, even for a previously approved commenter', () => {
    const strict = settings({
      disallowedWords: ['viagra'],
      moderationWords: ['casino'],
      linkThreshold: 1,
      manualApproval: true,
      approvePreviouslyApproved: true,
      minFillSeconds: 3,
    });
    const bad = fields({ body: 'viagra casino https://spam.example' });
    expect(decideStatus(bad, strict, ctx({ honeypotFilled: true, hasApprovedComment: true })).reason).toEqual({
      rule: 'honeypot',
    });
    expect(decideStatus(bad, strict, ctx({ secondsToFill: 1, hasApprovedComment: true })).reason).toEqual({
      rule: 'too-fast',
      seconds: 1,
    });
  });
});

describe('decideStatus: disallowed words', () => {
  it('sends a comment with a disallowed word to spam', () => {
    expect(decideStatus(fields({ body: 'Cheap VIAGRA here' }), settings({ disallowedWords: ['viagra'] }), ctx())).toEqual({
      status: 'spam',
      reason: { rule: 'disallowed-word', word: 'viagra' },
    });
  });

  it('matches in the IP address, so an IP (or prefix) can be banned', () => {
    expect(
      decideStatus(fields({ ip: '203.0.113.7' }), settings({ disallowedWords: ['203.0.113.'] }), ctx()),
    ).toEqual({ status: 'spam', reason: { rule: 'disallowed-word', word: '203.0.113.' } });
  });

  it('wins over links, moderation words and previous approval', () => {
    const s = settings({
      disallowedWords: ['viagra'],
      moderationWords: ['casino'],
      linkThreshold: 1,
      approvePreviouslyApproved: true,
    });
    const d = decideStatus(fields({ body: 'casino viagra https://spam.example' }), s, ctx({ hasApprovedComment: true }));
    expect(d).toEqual({ status: 'spam', reason: { rule: 'disallowed-word', word: 'viagra' } });
  });

  it('leaves a comment alone when no disallowed word matches', () => {
    expect(decideStatus(fields(), settings({ disallowedWords: ['viagra', '  ', ''] }), ctx()).status).toBe('approved');
  });
});

describe('decideStatus: links', () => {
  it('holds a comment with as many links as the threshold', () => {
    expect(
      decideStatus(fields({ body: 'https://a.example and https://b.example' }), settings({ linkThreshold: 2 }), ctx()),
    ).toEqual({ status: 'pending', reason: { rule: 'links', count: 2 } });
  });

  it('holds a comment with more links than the threshold', () => {
    expect(
      decideStatus(fields({ body: 'https://a.example https://b.example https://c.example' }), settings({ linkThreshold: 2 }), ctx()),
    ).toEqual({ status: 'pending', reason: { rule: 'links', count: 3 } });
  });

  it('approves a comment with one link fewer than the threshold', () => {
    expect(decideStatus(fields({ body: 'https://a.example' }), settings({ linkThreshold: 2 }), ctx()).status).toBe(
      'approved',
    );
  });

  it('counts the Website field as one link', () => {
    expect(
      decideStatus(fields({ url: 'https://ada.example', body: 'see https://a.example' }), settings({ linkThreshold: 2 }), ctx()),
    ).toEqual({ status: 'pending', reason: { rule: 'links', count: 2 } });
    expect(decideStatus(fields({ url: 'https://ada.example' }), settings({ linkThreshold: 1 }), ctx())).toEqual({
      status: 'pending',
      reason: { rule: 'links', count: 1 },
    });
  });

  it('does not count an empty or blank Website field', () => {
    expect(decideStatus(fields({ url: '' }), settings({ linkThreshold: 1 }), ctx()).status).toBe('approved');
    expect(decideStatus(fields({ url: '   ' }), settings({ linkThreshold: 1 }), ctx()).status).toBe('approved');
  });

  it('counts only http(s) links, not www., emails or javascript:', () => {
    const body = 'www.a.example b@c.example javascript:alert(1) data:text/html,x';
    expect(decideStatus(fields({ body }), settings({ linkThreshold: 1 }), ctx()).status).toBe('approved');
  });

  it('is off with a threshold of 0', () => {
    const body = Array.from({ length: 20 }, (_, i) => `https://s${i}.example`).join(' ');
    expect(decideStatus(fields({ body, url: 'https://x.example' }), settings({ linkThreshold: 0 }), ctx())).toEqual({
      status: 'approved',
      reason: null,
    });
  });

  it('comes before moderation words and previous approval', () => {
    const s = settings({ linkThreshold: 1, moderationWords: ['casino'], approvePreviouslyApproved: true });
    expect(
      decideStatus(fields({ body: 'casino https://a.example' }), s, ctx({ hasApprovedComment: true })).reason,
    ).toEqual({ rule: 'links', count: 1 });
  });

  it('is checked after disallowed words', () => {
    const s = settings({ linkThreshold: 1, disallowedWords: ['spam.example'] });
    expect(decideStatus(fields({ body: 'https://spam.example' }), s, ctx()).reason).toEqual({
      rule: 'disallowed-word',
      word: 'spam.example',
    });
  });
});

describe('decideStatus: moderation words', () => {
  it('holds a comment containing a moderation word', () => {
    expect(decideStatus(fields({ body: 'Best Casino deals' }), settings({ moderationWords: ['casino'] }), ctx())).toEqual({
      status: 'pending',
      reason: { rule: 'moderation-word', word: 'casino' },
    });
  });

  it('holds even a previously approved commenter (checked before previous approval)', () => {
    const s = settings({ moderationWords: ['casino'], approvePreviouslyApproved: true });
    expect(decideStatus(fields({ body: 'casino' }), s, ctx({ hasApprovedComment: true })).status).toBe('pending');
  });

  it('gives the moderation word, not manual approval, as the reason', () => {
    const s = settings({ moderationWords: ['casino'], manualApproval: true });
    expect(decideStatus(fields({ body: 'casino' }), s, ctx()).reason).toEqual({ rule: 'moderation-word', word: 'casino' });
  });

  it('reports the disallowed word when a word is on both lists', () => {
    const s = settings({ moderationWords: ['casino'], disallowedWords: ['casino'] });
    expect(decideStatus(fields({ body: 'casino' }), s, ctx())).toEqual({
      status: 'spam',
      reason: { rule: 'disallowed-word', word: 'casino' },
    });
  });
});

describe('decideStatus: approval', () => {
  it('approves a previously approved commenter when approvePreviouslyApproved is on', () => {
    const s = settings({ manualApproval: true, approvePreviouslyApproved: true });
    expect(decideStatus(fields(), s, ctx({ hasApprovedComment: true }))).toEqual({ status: 'approved', reason: null });
  });

  it('holds a previously approved commenter when approvePreviouslyApproved is off and manual approval is on', () => {
    const s = settings({ manualApproval: true, approvePreviouslyApproved: false });
    expect(decideStatus(fields(), s, ctx({ hasApprovedComment: true }))).toEqual({
      status: 'pending',
      reason: { rule: 'manual-approval' },
    });
  });

  it('holds a new commenter under manual approval', () => {
    const s = settings({ manualApproval: true, approvePreviouslyApproved: true });
    expect(decideStatus(fields(), s, ctx({ hasApprovedComment: false }))).toEqual({
      status: 'pending',
      reason: { rule: 'manual-approval' },
    });
  });

  it('approves a new commenter without manual approval', () => {
    const s = settings({ manualApproval: false, approvePreviouslyApproved: true });
    expect(decideStatus(fields(), s, ctx({ hasApprovedComment: false }))).toEqual({ status: 'approved', reason: null });
  });
});

describe('findListedWord', () => {
  it('returns null for an empty list', () => {
    expect(findListedWord([], fields())).toBeNull();
  });

  it('matches case-insensitively and returns the word as listed', () => {
    expect(findListedWord(['CaSiNo'], fields({ body: 'the casino' }))).toBe('CaSiNo');
    expect(findListedWord(['casino'], fields({ body: 'THE CASINO' }))).toBe('casino');
    expect(findListedWord(['ÉTÉ'], fields({ body: 'un été' }))).toBe('ÉTÉ');
  });

  it('matches as a substring, including inside other words (as WordPress does)', () => {
    expect(findListedWord(['press'], fields({ body: 'WordPress is fine' }))).toBe('press');
  });

  it('looks in every field', () => {
    const w = ['needle'];
    expect(findListedWord(w, fields({ name: 'Mr Needle' }))).toBe('needle');
    expect(findListedWord(w, fields({ email: 'needle@example.com' }))).toBe('needle');
    expect(findListedWord(w, fields({ url: 'https://needle.example' }))).toBe('needle');
    expect(findListedWord(w, fields({ body: 'a needle in a haystack' }))).toBe('needle');
    expect(findListedWord(w, fields({ ip: 'needle' }))).toBe('needle');
    expect(findListedWord(w, fields({ userAgent: 'NeedleBot/1.0' }))).toBe('needle');
  });

  it('matches an IP address, an email domain and a user agent', () => {
    expect(findListedWord(['198.51.100.23'], fields({ ip: '198.51.100.23' }))).toBe('198.51.100.23');
    expect(findListedWord(['@spam.example'], fields({ email: 'Bob@SPAM.example' }))).toBe('@spam.example');
    expect(findListedWord(['python-requests'], fields({ userAgent: 'python-requests/2.32' }))).toBe('python-requests');
  });

  it('does not match when the word is absent from every field', () => {
    expect(findListedWord(['casino', 'viagra'], fields())).toBeNull();
  });

  it('treats regex metacharacters literally', () => {
    expect(findListedWord(['.*'], fields())).toBeNull();
    expect(findListedWord(['a.c'], fields({ body: 'abc' }))).toBeNull();
    expect(findListedWord(['a.c'], fields({ body: 'xa.cx' }))).toBe('a.c');
    expect(findListedWord(['(x'], fields({ body: 'f(x)' }))).toBe('(x');
    expect(findListedWord(['[a-z]+'], fields())).toBeNull();
    expect(findListedWord(['$5 off^'], fields({ body: 'Get $5 OFF^ now' }))).toBe('$5 off^');
    expect(findListedWord(['\\d'], fields({ body: '123' }))).toBeNull();
    expect(findListedWord(['\\d'], fields({ body: 'C:\\dir' }))).toBe('\\d');
    expect(findListedWord(['|'], fields())).toBeNull();
    expect(findListedWord(['192.0.2.1?'], fields({ ip: '192.0.2.1' }))).toBeNull();
  });

  it('skips empty and blank words (which would otherwise match everything)', () => {
    expect(findListedWord(['', '   ', '\t\n'], fields())).toBeNull();
  });

  it('trims words before matching and returns the trimmed word', () => {
    expect(findListedWord(['  casino  '], fields({ body: 'casinos' }))).toBe('casino');
    expect(findListedWord([' casino'], fields({ body: 'acasino' }))).toBe('casino');
  });

  it('returns the first listed word that matches', () => {
    expect(findListedWord(['zzz', 'bbb', 'aaa'], fields({ body: 'aaa bbb' }))).toBe('bbb');
  });
});

describe('describeReason', () => {
  it('describes each rule in short English', () => {
    expect(describeReason({ rule: 'disallowed-word', word: 'viagra' })).toBe('Contains the disallowed word "viagra"');
    expect(describeReason({ rule: 'moderation-word', word: 'casino' })).toBe('Contains the moderation word "casino"');
    expect(describeReason({ rule: 'links', count: 3 })).toBe('Has 3 links');
    expect(describeReason({ rule: 'links', count: 1 })).toBe('Has 1 link');
    expect(describeReason({ rule: 'manual-approval' })).toBe('Comments must be manually approved');
    expect(describeReason({ rule: 'honeypot' })).toBe('Honeypot field was filled (bot)');
    expect(describeReason({ rule: 'too-fast', seconds: 1 })).toBe('Posted 1 s after the form was shown (bot)');
    expect(describeReason({ rule: 'too-fast', seconds: 0.25 })).toBe('Posted 0.3 s after the form was shown (bot)');
  });

  it('describes every decision reason decideStatus can give', () => {
    const s = settings({ disallowedWords: ['zzbad'], moderationWords: ['zzhold'], linkThreshold: 1, manualApproval: true, minFillSeconds: 3 });
    const reasons = [
      decideStatus(fields(), s, ctx({ honeypotFilled: true })).reason,
      decideStatus(fields(), s, ctx({ secondsToFill: 0 })).reason,
      decideStatus(fields({ body: 'zzbad' }), s, ctx()).reason,
      decideStatus(fields({ body: 'https://a.example' }), s, ctx()).reason,
      decideStatus(fields({ body: 'zzhold' }), s, ctx()).reason,
      decideStatus(fields(), s, ctx()).reason,
    ];
    expect(reasons.map((r) => r?.rule)).toEqual([
      'honeypot',
      'too-fast',
      'disallowed-word',
      'links',
      'moderation-word',
      'manual-approval',
    ]);
    for (const r of reasons) expect(describeReason(r!)).toMatch(/\S/);
  });
});

describe('commentsAreClosed', () => {
  const publishedAt = new Date('2025-03-01T12:00:00Z');
  const article = { commentsOpen: true, publishedAt };
  const DAY = 24 * 60 * 60 * 1000;

  it('is open for an open, published article with no closing rule', () => {
    expect(commentsAreClosed(article, { closeAfterDays: null }, new Date('2035-01-01T00:00:00Z'))).toBe(false);
  });

  it('is closed when comments are turned off on the article', () => {
    expect(commentsAreClosed({ ...article, commentsOpen: false }, { closeAfterDays: null }, publishedAt)).toBe(true);
  });

  it('is closed for an unpublished article', () => {
    expect(commentsAreClosed({ commentsOpen: true, publishedAt: null }, { closeAfterDays: null }, publishedAt)).toBe(true);
    expect(commentsAreClosed({ commentsOpen: true, publishedAt: null }, { closeAfterDays: 14 }, publishedAt)).toBe(true);
  });

  it('is closed for an invalid publication date', () => {
    expect(commentsAreClosed({ commentsOpen: true, publishedAt: new Date('nope') }, { closeAfterDays: null }, publishedAt)).toBe(
      true,
    );
  });

  it('is open until the instant closeAfterDays days have passed, then closed', () => {
    const s = { closeAfterDays: 14 };
    const closing = new Date(publishedAt.getTime() + 14 * DAY);
    expect(commentsAreClosed(article, s, publishedAt)).toBe(false);
    expect(commentsAreClosed(article, s, new Date(closing.getTime() - 1))).toBe(false);
    expect(commentsAreClosed(article, s, closing)).toBe(true);
    expect(commentsAreClosed(article, s, new Date(closing.getTime() + 1))).toBe(true);
  });

  it('closes after one day with closeAfterDays 1', () => {
    expect(commentsAreClosed(article, { closeAfterDays: 1 }, new Date('2025-03-02T11:59:59.999Z'))).toBe(false);
    expect(commentsAreClosed(article, { closeAfterDays: 1 }, new Date('2025-03-02T12:00:00Z'))).toBe(true);
  });

  it('stays closed when turned off on the article even within the open period', () => {
    expect(commentsAreClosed({ ...article, commentsOpen: false }, { closeAfterDays: 14 }, publishedAt)).toBe(true);
  });

  it('uses the given now, not the clock', () => {
    const longAgo = { commentsOpen: true, publishedAt: new Date('2000-01-01T00:00:00Z') };
    expect(commentsAreClosed(longAgo, { closeAfterDays: 1 }, new Date('2000-01-01T06:00:00Z'))).toBe(false);
  });
});

describe('replyDepth', () => {
  it('nests a reply one level below its parent', () => {
    expect(replyDepth(1, 5)).toBe(2);
    expect(replyDepth(3, 5)).toBe(4);
    expect(replyDepth(4, 5)).toBe(5);
  });

  it('never goes deeper than threadDepth', () => {
    expect(replyDepth(5, 5)).toBe(5);
    expect(replyDepth(9, 5)).toBe(5);
    expect(replyDepth(10, 10)).toBe(10);
  });

  it('keeps every reply at the top level when threadDepth is 1', () => {
    expect(replyDepth(1, 1)).toBe(1);
  });

  it('caps replies to a comment made before threadDepth was lowered', () => {
    expect(replyDepth(4, 2)).toBe(2);
  });
});
