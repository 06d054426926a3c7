import { describe, expect, it } from 'vitest';
import { UNKNOWN_ADDRESS } from '@/server/client-ip';
import {
  BAN_REASON_MAX,
  type Ban,
  banFormValues,
  banInForce,
  banMatches,
  banMessages,
  emailDomain,
  expiresAtFieldValue,
  firstMatchingBan,
  normaliseBanValue,
  parseBanForm,
  whyHeld,
} from './bans';

/** 10:00 in London and in UTC: the site's zone is on GMT in December. */
const now = new Date('2026-12-03T10:00:00Z');
const HOUR = 60 * 60 * 1000;

const form = (fields: Record<string, unknown>) => ({ kind: 'email', value: 'troll@example.com', reason: 'Repeated abuse', expires: 'never', expiresAt: '', ...fields });

/** The normalised value, or the refusal's message. */
const value = (kind: 'email' | 'ip' | 'domain', typed: string) => {
  const result = normaliseBanValue(kind, typed);
  return result.ok ? result.value : `refused: ${result.message}`;
};

const ban = (kind: Ban['kind'], banned: string, expiresAt: Date | null = null): Ban => ({ kind, value: banned, reason: 'Spam', expiresAt });
const commenter = (email: string, ip = '198.51.100.1') => ({ email, ip });
const from = (ip: string) => ({ email: 'someone@example.org', ip });

describe('parseBanForm', () => {
  it('gives a ban with the value normalised and the reason trimmed to one line', () => {
    expect(parseBanForm(form({ value: '  Troll@Example.COM ', reason: '  Repeated\n abuse \t on  the politics desk ' }), now)).toEqual({
      success: true,
      data: { kind: 'email', value: 'troll@example.com', reason: 'Repeated abuse on the politics desk', expiresAt: null },
    });
    expect(parseBanForm(form({ kind: 'domain', value: '@Spam.Example' }), now)).toMatchObject({ success: true, data: { kind: 'domain', value: 'spam.example' } });
    expect(parseBanForm(form({ kind: 'ip', value: '203.0.113.77/24' }), now)).toMatchObject({ success: true, data: { kind: 'ip', value: '203.0.113.0/24' } });
  });

  it('refuses a kind it does not know, and a form that is not one', () => {
    for (const kind of ['', 'name', 'EMAIL', undefined, ['email']]) {
      expect(parseBanForm(form({ kind }), now), String(kind)).toMatchObject({ success: false, fieldErrors: { kind: banMessages.kind } });
    }
  });

  it('asks for a value in the words of its kind', () => {
    expect(parseBanForm(form({ value: '  ' }), now)).toMatchObject({ success: false, fieldErrors: { value: 'Please enter the email address to ban.' } });
    expect(parseBanForm(form({ kind: 'ip', value: '' }), now)).toMatchObject({ success: false, fieldErrors: { value: 'Please enter the IP address or range to ban.' } });
    expect(parseBanForm(form({ kind: 'domain', value: undefined }), now)).toMatchObject({ success: false, fieldErrors: { value: 'Please enter the email domain to ban, e.g. example.com.' } });
  });

  it('says what is wrong with a value a person can act on', () => {
    expect(parseBanForm(form({ kind: 'ip', value: 'example.com' }), now)).toMatchObject({
      success: false,
      fieldErrors: { value: 'That is not an IP address or a range such as 203.0.113.0/24.' },
    });
    expect(parseBanForm(form({ kind: 'domain', value: 'troll@example.com' }), now)).toMatchObject({
      success: false,
      fieldErrors: { value: 'Write the domain without @, e.g. example.com.' },
    });
    expect(parseBanForm(form({ kind: 'email', value: 'example.com' }), now)).toMatchObject({
      success: false,
      fieldErrors: { value: expect.stringContaining('choose Email domain') },
    });
  });

  it('requires a reason of at most 200 characters, control characters dropped', () => {
    expect(parseBanForm(form({ reason: ' \n ' }), now)).toMatchObject({ success: false, fieldErrors: { reason: banMessages.reasonMissing } });
    expect(parseBanForm(form({ reason: undefined }), now)).toMatchObject({ success: false, fieldErrors: { reason: banMessages.reasonMissing } });
    expect(parseBanForm(form({ reason: 'x'.repeat(BAN_REASON_MAX + 1) }), now)).toMatchObject({ success: false, fieldErrors: { reason: banMessages.reasonLong } });
    expect(parseBanForm(form({ reason: 'x'.repeat(BAN_REASON_MAX) }), now).success).toBe(true);
    expect(parseBanForm(form({ reason: 'Spam\u0000\u001b[31m' }), now)).toMatchObject({ success: true, data: { reason: 'Spam[31m' } });
  });

  it('reports every field at once and keeps what was typed', () => {
    const typed = { kind: 'ip', value: '203.0.113.0/33', reason: '', expires: 'until', expiresAt: 'next Tuesday' };
    const result = parseBanForm(typed, now);
    expect(result).toEqual({
      success: false,
      fieldErrors: { value: banMessages.ipInvalid, reason: banMessages.reasonMissing, expiresAt: banMessages.expiresAtInvalid },
      values: typed,
    });
  });

  it('keeps non-text fields of a hand-made post out of the values', () => {
    const result = parseBanForm({ kind: 'ip', value: ['1.2.3.4'], reason: 5 }, now);
    expect(result).toMatchObject({ success: false, values: { kind: 'ip', value: '', reason: '', expires: '', expiresAt: '' } });
  });
});

describe('ban expiry', () => {
  const expiry = (fields: Record<string, unknown>) => {
    const result = parseBanForm(form(fields), now);
    return result.success ? result.data.expiresAt : result.fieldErrors;
  };

  it('never ends by default, and when Never is chosen', () => {
    expect(expiry({ expires: undefined })).toBeNull();
    expect(expiry({ expires: '' })).toBeNull();
    expect(expiry({ expires: 'never', expiresAt: '2027-01-01T00:00' })).toBeNull();
  });

  it('counts a duration from now', () => {
    expect(expiry({ expires: '1h' })).toEqual(new Date(now.getTime() + HOUR));
    expect(expiry({ expires: '24h' })).toEqual(new Date('2026-12-04T10:00:00Z'));
    expect(expiry({ expires: '7d' })).toEqual(new Date('2026-12-10T10:00:00Z'));
    expect(expiry({ expires: '30d' })).toEqual(new Date('2027-01-02T10:00:00Z'));
  });

  it('reads a date and time in London time, winter and summer', () => {
    expect(expiry({ expires: 'until', expiresAt: '2026-12-31T18:00' })).toEqual(new Date('2026-12-31T18:00:00Z'));
    expect(expiry({ expires: 'until', expiresAt: '2027-07-01 12:30' })).toEqual(new Date('2027-07-01T11:30:00Z'));
  });

  it('refuses an end that is missing, unreadable or not to come', () => {
    expect(expiry({ expires: 'until', expiresAt: '' })).toEqual({ expiresAt: banMessages.expiresAtInvalid });
    expect(expiry({ expires: 'until', expiresAt: '31/12/2026 18:00' })).toEqual({ expiresAt: banMessages.expiresAtInvalid });
    for (const expiresAt of ['2026-13-01T00:00', '2027-02-29T10:00', '2027-01-01T24:00', '2027-01-01T23:60']) {
      expect(expiry({ expires: 'until', expiresAt }), expiresAt).toEqual({ expiresAt: banMessages.expiresAtInvalid });
    }
    const past = 'That time has passed (it is 2026-12-03 10:00 in London time now). Choose a time to come, or Never.';
    expect(expiry({ expires: 'until', expiresAt: '2026-12-03T10:00' })).toEqual({ expiresAt: past });
    expect(expiry({ expires: 'until', expiresAt: '2025-01-01T00:00' })).toEqual({ expiresAt: past });
    expect(expiry({ expires: 'until', expiresAt: '2026-12-03T10:01' })).toEqual(new Date('2026-12-03T10:01:00Z'));
  });

  it('refuses a duration it does not offer', () => {
    for (const expires of ['2d', 'forever', 'NEVER', 7]) expect(expiry({ expires }), String(expires)).toEqual({ expires: banMessages.expires });
  });

  it('shows a saved ban in the edit form so that saving it again changes nothing', () => {
    const saved: Ban = { kind: 'ip', value: '2001:db8::/48', reason: 'Spam', expiresAt: new Date('2027-07-01T11:30:00Z') };
    const values = banFormValues(saved);
    expect(values).toEqual({ kind: 'ip', value: '2001:db8::/48', reason: 'Spam', expires: 'until', expiresAt: '2027-07-01T12:30' });
    expect(parseBanForm(values, now)).toEqual({ success: true, data: saved });
    expect(banFormValues({ ...saved, expiresAt: null })).toMatchObject({ expires: 'never', expiresAt: '' });
    expect(expiresAtFieldValue(new Date('2026-12-31T18:00:00Z'))).toBe('2026-12-31T18:00');
  });
});

describe('normaliseBanValue: email', () => {
  it('lower-cases and trims', () => {
    expect(value('email', '  Ada.Lovelace+News@Example.CO.UK ')).toBe('ada.lovelace+news@example.co.uk');
  });

  it('takes only an address the comment form would take', () => {
    for (const typed of ['troll', '@example.com', 'troll@', 'troll@example', 'tr oll@example.com', 'troll@@example.com']) {
      expect(value('email', typed), typed).toBe(`refused: ${banMessages.emailInvalid}`);
    }
    expect(value('email', `${'a'.repeat(250)}@example.com`)).toBe(`refused: ${banMessages.emailLong}`);
  });
});

describe('normaliseBanValue: domain', () => {
  it('lower-cases, and drops a leading @ or *. and a trailing dot', () => {
    expect(value('domain', ' Example.COM ')).toBe('example.com');
    expect(value('domain', '@example.com')).toBe('example.com');
    expect(value('domain', '*.example.com')).toBe('example.com');
    expect(value('domain', 'mail.example.com.')).toBe('mail.example.com');
    expect(value('domain', 'xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
  });

  it('refuses an address, an IP, a bare top-level domain and what is not a domain', () => {
    expect(value('domain', 'troll@example.com')).toBe(`refused: ${banMessages.domainWithAt}`);
    expect(value('domain', '@@example.com')).toBe(`refused: ${banMessages.domainWithAt}`);
    expect(value('domain', '203.0.113.7')).toBe(`refused: ${banMessages.domainIsIp}`);
    expect(value('domain', '2001:db8::1')).toBe(`refused: ${banMessages.domainIsIp}`);
    expect(value('domain', 'com')).toBe(`refused: ${banMessages.domainTopLevel}`);
    expect(value('domain', '*.com')).toBe(`refused: ${banMessages.domainTopLevel}`);
    for (const typed of ['https://example.com/', 'exa mple.com', 'example..com', '-example.com', 'example-.com', 'bücher.example', '*.*.example.com', `${'a'.repeat(64)}.com`]) {
      expect(value('domain', typed), typed).toBe(`refused: ${banMessages.domainInvalid}`);
    }
  });
});

describe('normaliseBanValue: ip', () => {
  it('keeps a single address without a prefix, in one spelling', () => {
    expect(value('ip', ' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(value('ip', '203.0.113.7/32')).toBe('203.0.113.7');
    expect(value('ip', '2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(value('ip', '2001:db8::1/128')).toBe('2001:db8::1');
  });

  it('clears a range’s host bits', () => {
    expect(value('ip', '203.0.113.77/24')).toBe('203.0.113.0/24');
    expect(value('ip', '203.0.113.77 / 24')).toBe('203.0.113.0/24');
    expect(value('ip', '203.0.113.77/25')).toBe('203.0.113.0/25');
    expect(value('ip', '203.0.113.200/25')).toBe('203.0.113.128/25');
    expect(value('ip', '10.20.30.40/8')).toBe('10.0.0.0/8');
    expect(value('ip', '2001:db8:abcd:12:34::1/48')).toBe('2001:db8:abcd::/48');
    expect(value('ip', '2001:db8:abcd:12:34::1/61')).toBe('2001:db8:abcd:10::/61');
  });

  it('says IPv4 spoken over IPv6 the IPv4 way, ranges too', () => {
    expect(value('ip', '::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(value('ip', '::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(value('ip', '::ffff:203.0.113.9/120')).toBe('203.0.113.0/24');
    expect(value('ip', '::ffff:203.0.113.9/128')).toBe('203.0.113.9');
    expect(value('ip', '::ffff:203.0.113.9/95')).toBe(`refused: ${banMessages.ipMappedRange}`);
  });

  it('reads 203.0.113.* the way a WordPress moderator writes a range', () => {
    expect(value('ip', '203.0.113.*')).toBe('203.0.113.0/24');
    expect(value('ip', '203.0.*.*')).toBe('203.0.0.0/16');
    expect(value('ip', '203.*.*.*')).toBe('203.0.0.0/8');
    expect(value('ip', '203.0.*')).toBe(`refused: ${banMessages.ipInvalid}`);
  });

  it('refuses what is not an address or a range, including the number forms no one means', () => {
    for (const typed of ['203.0.113', '203.0.113.256', '12345', '127.1', '0x7f.0.0.1', '010.0.0.1', '203.0.113.0/33', '203.0.113.0/', '203.0.113.0/24/8', '203.0.113.0/+8', '2001:db8::/129', '2001:db8:::1', 'fe80::1%eth0', 'example.com', 'troll@example.com']) {
      expect(value('ip', typed), typed).toBe(`refused: ${banMessages.ipInvalid}`);
    }
  });

  it('refuses ranges wider than /8 for IPv4 and /32 for IPv6, and takes those', () => {
    expect(value('ip', '10.0.0.0/7')).toBe('refused: 10.0.0.0/7 is too wide: it would ban much of the internet. The widest IPv4 range you can ban is /8.');
    expect(value('ip', '0.0.0.0/0')).toMatch(/^refused: 0\.0\.0\.0\/0 is too wide/);
    expect(value('ip', '203.0.113.7/1')).toMatch(/^refused: 128\.0\.0\.0\/1 is too wide/);
    expect(value('ip', '2001:db8::/31')).toBe('refused: 2001:db8::/31 is too wide: it would ban much of the internet. The widest IPv6 range you can ban is /32.');
    expect(value('ip', '::/0')).toMatch(/^refused: ::\/0 is too wide/);
    expect(value('ip', '203.0.113.7/8')).toBe('203.0.0.0/8');
    expect(value('ip', '2001:db8:1::/32')).toBe('2001:db8::/32');
  });

  it(`refuses "${UNKNOWN_ADDRESS}", which every commenter shares when the site cannot tell them apart`, () => {
    expect(value('ip', UNKNOWN_ADDRESS)).toBe(`refused: ${banMessages.ipUnknown}`);
    expect(value('ip', ' Unknown ')).toBe(`refused: ${banMessages.ipUnknown}`);
    expect(parseBanForm(form({ kind: 'ip', value: UNKNOWN_ADDRESS }), now)).toMatchObject({ success: false, fieldErrors: { value: banMessages.ipUnknown } });
  });

  it('refuses this server’s own address and the empty address, which are never one commenter', () => {
    for (const typed of ['127.0.0.1', '127.0.0.0/8', '127.12.0.0/16', '::1', '::ffff:127.0.0.1']) {
      expect(value('ip', typed), typed).toMatch(/^refused: .* is this server's own address/);
    }
    for (const typed of ['0.0.0.0', '0.0.0.0/8', '::', '::/32', '::/96']) {
      expect(value('ip', typed), typed).toBe(`refused: ${banMessages.ipUnspecified}`);
    }
  });
});

describe('banMatches: email', () => {
  const troll = ban('email', 'troll@example.com');

  it('matches the address whatever its case or spacing', () => {
    expect(banMatches(troll, commenter('troll@example.com'), now)).toBe(true);
    expect(banMatches(troll, commenter(' Troll@EXAMPLE.com '), now)).toBe(true);
  });

  it('matches the same mailbox with a +tag on either side', () => {
    expect(banMatches(troll, commenter('troll+again@example.com'), now)).toBe(true);
    expect(banMatches(ban('email', 'troll+news@example.com'), commenter('troll@example.com'), now)).toBe(true);
  });

  it('matches no other address', () => {
    for (const email of ['troll@example.org', 'troll@mail.example.com', 'atroll@example.com', 'troll.x@example.com', 'troll', '', '+@example.com']) {
      expect(banMatches(troll, commenter(email), now), email).toBe(false);
    }
  });
});

describe('banMatches: domain', () => {
  const domain = ban('domain', 'example.com');

  it('matches the domain and every subdomain of it', () => {
    for (const email of ['x@example.com', 'x@mail.example.com', 'x@a.b.example.com', 'X@Mail.EXAMPLE.COM', 'x@example.com.']) {
      expect(banMatches(domain, commenter(email), now), email).toBe(true);
    }
  });

  it('matches no look-alike domain', () => {
    for (const email of ['x@notexample.com', 'x@example.com.evil.net', 'x@example.co', 'x@example.comm', 'x@mail-example.com', 'example.com', 'example.com@evil.net', '']) {
      expect(banMatches(domain, commenter(email), now), email).toBe(false);
    }
  });

  it('bans a subdomain without its parent', () => {
    const sub = ban('domain', 'mail.example.com');
    expect(banMatches(sub, commenter('x@mail.example.com'), now)).toBe(true);
    expect(banMatches(sub, commenter('x@example.com'), now)).toBe(false);
    expect(banMatches(sub, commenter('x@gmail.example.com'), now)).toBe(false);
  });
});

describe('banMatches: ip', () => {
  it('matches one IPv4 address', () => {
    const one = ban('ip', '203.0.113.7');
    expect(banMatches(one, from('203.0.113.7'), now)).toBe(true);
    expect(banMatches(one, from('203.0.113.8'), now)).toBe(false);
    expect(banMatches(one, from('203.0.113.70'), now)).toBe(false);
  });

  it('matches an IPv4 range from its first address to its last', () => {
    const range = ban('ip', '203.0.113.128/25');
    for (const ip of ['203.0.113.128', '203.0.113.200', '203.0.113.255']) expect(banMatches(range, from(ip), now), ip).toBe(true);
    for (const ip of ['203.0.113.127', '203.0.114.128', '203.0.112.255']) expect(banMatches(range, from(ip), now), ip).toBe(false);
  });

  it('matches IPv6 addresses and ranges, however they are written', () => {
    const range = ban('ip', '2001:db8:abcd::/48');
    for (const ip of ['2001:db8:abcd::1', '2001:DB8:ABCD:ffff:ffff:ffff:ffff:ffff', '2001:0db8:abcd:0000:0000:0000:0000:0001']) {
      expect(banMatches(range, from(ip), now), ip).toBe(true);
    }
    for (const ip of ['2001:db8:abce::1', '2001:db8::1', '2001:db9:abcd::1']) expect(banMatches(range, from(ip), now), ip).toBe(false);
    expect(banMatches(ban('ip', '2001:db8::1'), from('2001:db8:0:0::1'), now)).toBe(true);
    expect(banMatches(ban('ip', '2001:db8::1'), from('2001:db8::2'), now)).toBe(false);
  });

  it('takes IPv4 spoken over IPv6 as IPv4, on either side', () => {
    expect(banMatches(ban('ip', '203.0.113.0/24'), from('::ffff:203.0.113.9'), now)).toBe(true);
    expect(banMatches(ban('ip', '203.0.113.9'), from('::ffff:cb00:7109'), now)).toBe(true);
    expect(banMatches(ban('ip', '::ffff:203.0.113.0/120'), from('203.0.113.9'), now)).toBe(true);
    expect(banMatches(ban('ip', '203.0.113.0/24'), from('::ffff:203.0.114.9'), now)).toBe(false);
  });

  it('never matches across families', () => {
    expect(banMatches(ban('ip', '203.0.113.0/24'), from('2001:db8::cb00:7109'), now)).toBe(false);
    expect(banMatches(ban('ip', '2001:db8::/32'), from('203.0.113.9'), now)).toBe(false);
  });

  it('never matches an address that does not parse, unknown included', () => {
    for (const ip of [UNKNOWN_ADDRESS, '', 'garbage', '203.0.113', '127.1', '203.0.113.9, 10.0.0.1']) {
      expect(banMatches(ban('ip', '203.0.113.0/24'), from(ip), now), ip).toBe(false);
    }
  });

  it('reads a stored range by the addresses it names, not by the form’s limits, so a ban keeps working if they change', () => {
    expect(banMatches(ban('ip', '10.0.0.0/7'), from('11.1.2.3'), now)).toBe(true);
    expect(banMatches(ban('ip', '203.0.113.77/24'), from('203.0.113.1'), now)).toBe(true);
  });

  it('never matches with a stored value that does not parse', () => {
    for (const stored of ['', 'unknown', '203.0.113.0/33', 'example.com']) expect(banMatches(ban('ip', stored), from('203.0.113.9'), now), stored).toBe(false);
  });
});

describe('banInForce', () => {
  it('holds until the instant the ban expires, not at it', () => {
    const until = new Date('2026-12-10T10:00:00Z');
    const banned = ban('email', 'troll@example.com', until);
    expect(banInForce(banned, new Date(until.getTime() - 1))).toBe(true);
    expect(banInForce(banned, until)).toBe(false);
    expect(banMatches(banned, commenter('troll@example.com'), new Date(until.getTime() - 1))).toBe(true);
    expect(banMatches(banned, commenter('troll@example.com'), until)).toBe(false);
    expect(banMatches(banned, commenter('troll@example.com'), new Date(until.getTime() + HOUR))).toBe(false);
  });

  it('holds for ever without an end', () => {
    expect(banInForce(ban('email', 'troll@example.com'), new Date('2099-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('firstMatchingBan', () => {
  const bans = [
    { id: 1, ...ban('email', 'troll@example.com', new Date(now.getTime() - 1)) },
    { id: 2, ...ban('ip', '203.0.113.0/24') },
    { id: 3, ...ban('domain', 'example.com') },
    { id: 4, ...ban('email', 'troll@example.com') },
  ];

  it('returns the first ban in force that names the commenter, as the caller gave it', () => {
    expect(firstMatchingBan(bans, commenter('troll@example.com', '198.51.100.1'), now)?.id).toBe(3);
    expect(firstMatchingBan(bans, commenter('troll@example.com', '203.0.113.5'), now)?.id).toBe(2);
    expect(firstMatchingBan(bans.slice(3), commenter('troll@example.com'), now)).toBe(bans[3]);
  });

  it('returns null when no ban in force names the commenter', () => {
    expect(firstMatchingBan(bans, commenter('reader@example.org', '198.51.100.1'), now)).toBeNull();
    expect(firstMatchingBan(bans.slice(0, 1), commenter('troll@example.com'), now)).toBeNull();
    expect(firstMatchingBan([], commenter('troll@example.com'), now)).toBeNull();
  });
});

describe('whyHeld', () => {
  it('names the kind, the value and the reason', () => {
    expect(whyHeld({ kind: 'domain', value: 'example.com', reason: 'repeated abuse' })).toBe('Banned (email domain example.com): repeated abuse');
    expect(whyHeld({ kind: 'email', value: 'troll@example.com', reason: 'Spam' })).toBe('Banned (email troll@example.com): Spam');
    expect(whyHeld({ kind: 'ip', value: '203.0.113.7', reason: 'Spam' })).toBe('Banned (IP address 203.0.113.7): Spam');
    expect(whyHeld({ kind: 'ip', value: '2001:db8::/48', reason: 'Spam' })).toBe('Banned (IP range 2001:db8::/48): Spam');
  });

  it('leaves out an empty reason', () => {
    expect(whyHeld({ kind: 'domain', value: 'example.com', reason: '  ' })).toBe('Banned (email domain example.com)');
  });

  it('names the range, not the address in it that matched', () => {
    const matched = firstMatchingBan([ban('ip', '203.0.113.0/24')], from('203.0.113.9'), now);
    expect(matched).not.toBeNull();
    expect(whyHeld(matched!)).toBe('Banned (IP range 203.0.113.0/24): Spam');
  });
});

describe('emailDomain', () => {
  it('is the part after the last @, lower-cased, or null', () => {
    expect(emailDomain('X@Mail.Example.COM')).toBe('mail.example.com');
    expect(emailDomain('"a@b"@example.com')).toBe('example.com');
    expect(emailDomain('nobody')).toBeNull();
    expect(emailDomain('nobody@')).toBeNull();
  });
});
