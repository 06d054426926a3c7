import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { UNKNOWN_ADDRESS } from '@/server/client-ip';
import { BAN_REASON_MAX, type BanExpiryChoice, banExpiryChoices, type BanFieldErrors, type BanFieldName, type BanFormValues, type BanKind } from './ban-kinds';
import type { Decision } from './comment-rules';
import { localTimeFieldValue, parseLocalTime } from './local-time';
import { plainTextIfString } from './plain-text';
import { site } from './site';

/**
 * Banning a commenter (issue 19): what a moderator may ban, how the form is read, and whether a ban
 * stops a new comment. Pure rules; the desk's action stores a parsed ban and the comment action asks
 * `firstMatchingBan` before the rules of lib/comment-rules.ts.
 */

export {
  BAN_REASON_MAX,
  type BanExpiryChoice,
  banExpiryChoices,
  banExpiryLabels,
  type BanFieldErrors,
  type BanFieldName,
  type BanFormValues,
  type BanKind,
  banKindLabels,
  banKinds,
} from './ban-kinds';



const HOUR_MS = 60 * 60 * 1000;
const banDurationsMs: Record<Exclude<BanExpiryChoice, 'never' | 'until'>, number> = {
  '1h': HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

/**
 * The widest ranges a moderator may ban. An IPv4 /8 is 16.7 million addresses, a large ISP's whole
 * block; an IPv6 /32 is what a registry gives one provider. Wider than that is most likely a typo
 * (/2 for /24) and would shut out a good part of the internet.
 */
export const MIN_IPV4_PREFIX = 8;
export const MIN_IPV6_PREFIX = 32;


/** A ban as these rules need it; the database's row adds its id, who made it and when. */
export type Ban = {
  kind: BanKind;
  /** Normalised by `normaliseBanValue`: an address, a domain, or an IP address or range. */
  value: string;
  reason: string;
  /** The first instant the ban no longer applies; null for never. */
  expiresAt: Date | null;
};

/** What a new comment says about who sent it (comments.author_email, comments.ip). */
export type Commenter = { email: string; ip: string };


export const banMessages = {
  kind: 'Choose what to ban: an email address, an IP address or range, or an email domain.',
  valueMissing: {
    email: 'Please enter the email address to ban.',
    ip: 'Please enter the IP address or range to ban.',
    domain: 'Please enter the email domain to ban, e.g. example.com.',
  },
  emailInvalid: 'That is not an email address. Write it whole, e.g. name@example.com (to ban everyone at a domain, choose Email domain).',
  emailLong: 'An email address has at most 254 characters.',
  ipInvalid: 'That is not an IP address or a range such as 203.0.113.0/24.',
  ipMappedRange: 'Write an IPv4 range the IPv4 way, e.g. 203.0.113.0/24.',
  ipUnknown:
    '“unknown” is not one commenter: it stands for every commenter whose address the site cannot tell (plain next start without TRUST_PROXY), so banning it would ban them all. Ban the email instead.',
  ipUnspecified: 'That is not an address a commenter can have.',
  domainWithAt: 'Write the domain without @, e.g. example.com.',
  domainInvalid: 'That is not a domain. Write it as it appears after @ in an email address, e.g. example.com.',
  domainIsIp: 'That is an IP address: choose IP address or range to ban it.',
  domainTopLevel: 'Write the whole domain, e.g. example.com: a domain without a dot would ban every address that ends in it.',
  reasonMissing: 'Please give a reason: it is shown with every comment the ban holds, and in the log.',
  reasonLong: `A reason has at most ${BAN_REASON_MAX} characters.`,
  expires: 'Choose how long the ban lasts.',
  expiresAtInvalid: 'Enter the day and time the ban ends, e.g. 2026-12-31 18:00.',
} as const;

const tooWideMessage = (range: string, family: 4 | 6) =>
  family === 4
    ? `${range} is too wide: it would ban much of the internet. The widest IPv4 range you can ban is /${MIN_IPV4_PREFIX}.`
    : `${range} is too wide: it would ban much of the internet. The widest IPv6 range you can ban is /${MIN_IPV6_PREFIX}.`;

/**
 * Comments show the loopback address when a proxy on the same machine (nginx, docs/deployment.md)
 * forwards them and TRUST_PROXY is not set: then every commenter has it, as with `unknown`.
 */
const loopbackMessage = (value: string) =>
  `${value} is this server's own address: comments come from it when a proxy on the same machine passes them on without TRUST_PROXY set, so every commenter would be banned. Ban the email instead.`;

const pastMessage = (now: Date) =>
  `That time has passed (it is ${expiresAtFieldValue(now).replace('T', ' ')} in ${site.timeZoneName} now). Choose a time to come, or Never.`;

export type BanValueResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * The one spelling of a ban's value, or why it cannot be banned. Emails and domains lower-cased (a
 * `@` or `*.` before a domain dropped: moderators write both); an IP range as its network
 * (203.0.113.7/24 is 203.0.113.0/24), a single address without /32 or /128, and IPv4 spoken over
 * IPv6 (::ffff:203.0.113.7) the IPv4 way, as server/client-ip.ts records it.
 */
export function normaliseBanValue(kind: BanKind, typed: string): BanValueResult {
  const text = typed.trim();
  if (text === '') return { ok: false, message: banMessages.valueMissing[kind] };
  switch (kind) {
    case 'email':
      return normaliseEmail(text);
    case 'ip':
      return normaliseIp(text);
    case 'domain':
      return normaliseDomain(text);
  }
}

// The comment form's own check (lib/comment-form.ts): a ban can name only an address a commenter could give.
const EmailAddress = z.email();

function normaliseEmail(text: string): BanValueResult {
  const email = text.toLowerCase();
  if (email.length > 254) return { ok: false, message: banMessages.emailLong };
  if (!EmailAddress.safeParse(email).success) return { ok: false, message: banMessages.emailInvalid };
  return { ok: true, value: email };
}

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function normaliseDomain(text: string): BanValueResult {
  const domain = text
    .toLowerCase()
    .replace(/^(?:@|\*\.)/, '')
    .replace(/\.$/, '');
  if (domain.includes('@')) return { ok: false, message: banMessages.domainWithAt };
  if (parseAddress(domain) !== null) return { ok: false, message: banMessages.domainIsIp };
  const labels = domain.split('.');
  if (domain.length > 253 || !labels.every((label) => DOMAIN_LABEL.test(label))) return { ok: false, message: banMessages.domainInvalid };
  if (labels.length < 2) return { ok: false, message: banMessages.domainTopLevel };
  return { ok: true, value: domain };
}

function normaliseIp(text: string): BanValueResult {
  // The whole site shares this address when it cannot tell clients apart (server/client-ip.ts):
  // a ban on it would stop every commenter, and no one could tell from the desk why.
  if (text.toLowerCase() === UNKNOWN_ADDRESS) return { ok: false, message: banMessages.ipUnknown };
  const range = parseRange(wildcardToCidr(text.replace(/\s*\/\s*/, '/')));
  if (range === null) return { ok: false, message: banMessages.ipInvalid };
  if (range === 'mapped-too-wide') return { ok: false, message: banMessages.ipMappedRange };
  const { network, prefix } = range;
  const family = network.kind() === 'ipv4' ? 4 : 6;
  const value = formatRange(network, prefix);
  if (prefix < (family === 4 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX)) return { ok: false, message: tooWideMessage(value, family) };
  const kind = network.range();
  if (kind === 'loopback') return { ok: false, message: loopbackMessage(value) };
  // The network's own kind: every range allowed above that holds 0.0.0.0 or :: starts there.
  if (kind === 'unspecified') return { ok: false, message: banMessages.ipUnspecified };
  return { ok: true, value };
}

/** WordPress's disallowed list takes `203.0.113.` as a prefix, and moderators write `203.0.113.*`. */
function wildcardToCidr(text: string): string {
  const match = /^(\d{1,3}(?:\.\d{1,3}){0,2})((?:\.\*){1,3})$/.exec(text);
  if (!match) return text;
  const fixed = match[1]!.split('.').length;
  const stars = match[2]!.length / 2;
  if (fixed + stars !== 4) return text;
  return `${match[1]}${'.0'.repeat(stars)}/${fixed * 8}`;
}

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * An address as typed or stored, IPv4 in the four-part decimal form only: ipaddr.js also reads
 * `127.1`, `0x7f.0.0.1` and `2130706433` as IPv4, which no one means when they type a number.
 * IPv4 spoken over IPv6 comes back as IPv4.
 */
function parseAddress(text: string): IpAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return null;
  const address = ipaddr.IPv6.parse(text);
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

type Range = { network: IpAddress; prefix: number };

/** `address` or `address/prefix`, host bits cleared; null when it is neither. */
function parseRange(text: string): Range | 'mapped-too-wide' | null {
  const [addressText = '', prefixText, ...rest] = text.split('/');
  // A zone (fe80::1%eth0) names a link on one machine, never a commenter.
  if (rest.length > 0 || addressText.includes('%')) return null;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const mapped = addressText.includes(':') && ipaddr.IPv6.isValid(addressText) && ipaddr.IPv6.parse(addressText).isIPv4MappedAddress();
  const address = parseAddress(addressText);
  if (address === null) return null;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  let prefix = prefixText === undefined ? bits : Number(prefixText);
  if (mapped && prefixText !== undefined) {
    const v6Prefix = Number(prefixText);
    if (v6Prefix > 128) return null;
    // Below /96 the range reaches past the IPv4 addresses into IPv6 space no one means.
    if (v6Prefix < 96) return 'mapped-too-wide';
    prefix = v6Prefix - 96;
  }
  if (prefix > bits) return null;
  return { network: networkOf(address, prefix), prefix };
}

function networkOf(address: IpAddress, prefix: number): IpAddress {
  const bytes = address.toByteArray().map((byte, i) => {
    const kept = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & (0xff << (8 - kept)) & 0xff;
  });
  return ipaddr.fromByteArray(bytes);
}

function formatRange(network: IpAddress, prefix: number): string {
  const address = network instanceof ipaddr.IPv6 ? network.toRFC5952String() : network.toString();
  const bits = network.kind() === 'ipv4' ? 32 : 128;
  return prefix === bits ? address : `${address}/${prefix}`;
}

/** The domain of an email address, lower-cased, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return domain === '' ? null : domain;
}

/**
 * Which mailbox an address reaches: case ignored, and a `+tag` dropped, since troll+2@example.com
 * is delivered to troll@example.com; banning one address must not be undone by adding a tag.
 */
function mailbox(email: string): string | null {
  const text = email.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0) return null;
  const local = text.slice(0, at).replace(/\+.*$/, '');
  return local === '' ? null : `${local}@${text.slice(at + 1)}`;
}

type BanRule = Pick<Ban, 'kind' | 'value' | 'expiresAt'>;

/** In force from its making until `expiresAt`, which is the first instant it no longer applies. */
export function banInForce(ban: Pick<Ban, 'expiresAt'>, now: Date): boolean {
  return ban.expiresAt === null || now.getTime() < ban.expiresAt.getTime();
}

type CommenterKeys = { mailbox: string | null; domain: string | null; address: IpAddress | null };

function commenterKeys(commenter: Commenter): CommenterKeys {
  return { mailbox: mailbox(commenter.email), domain: emailDomain(commenter.email), address: parseAddress(commenter.ip.trim()) };
}

/**
 * Stored values are read leniently (no width limit, no refusals): a ban made under today's rules
 * keeps working if the rules change, and a value that cannot be read never matches.
 */
function matches(ban: BanRule, keys: CommenterKeys): boolean {
  switch (ban.kind) {
    case 'email':
      return keys.mailbox !== null && keys.mailbox === mailbox(ban.value);
    case 'domain': {
      const banned = ban.value.trim().toLowerCase().replace(/^(?:@|\*\.)/, '');
      // A parent domain covers its subdomains; the dot keeps notexample.com out of example.com.
      return keys.domain !== null && banned !== '' && (keys.domain === banned || keys.domain.endsWith(`.${banned}`));
    }
    case 'ip': {
      const range = parseRange(ban.value.trim());
      if (keys.address === null || range === null || range === 'mapped-too-wide') return false;
      const { address } = keys;
      const { network, prefix } = range;
      if (address instanceof ipaddr.IPv4 && network instanceof ipaddr.IPv4) return address.match(network, prefix);
      if (address instanceof ipaddr.IPv6 && network instanceof ipaddr.IPv6) return address.match(network, prefix);
      return false;
    }
  }
}

/** Whether `ban` is in force at `now` and names this commenter. */
export function banMatches(ban: BanRule, commenter: Commenter, now: Date): boolean {
  return banInForce(ban, now) && matches(ban, commenterKeys(commenter));
}

/** The first ban in `bans`' order that is in force and names this commenter, or null. */
export function firstMatchingBan<B extends BanRule>(bans: readonly B[], commenter: Commenter, now: Date): B | null {
  const keys = commenterKeys(commenter);
  return bans.find((ban) => banInForce(ban, now) && matches(ban, keys)) ?? null;
}

/**
 * The why-held text of a comment a ban sent to spam. It names the ban, never the commenter: an
 * IP range, not the address inside it that posted.
 */
export function whyHeld(ban: Pick<Ban, 'kind' | 'value' | 'reason'>): string {
  const what =
    ban.kind === 'email'
      ? `email ${ban.value}`
      : ban.kind === 'domain'
        ? `email domain ${ban.value}`
        : ban.value.includes('/')
          ? `IP range ${ban.value}`
          : `IP address ${ban.value}`;
  const reason = ban.reason.trim();
  return reason === '' ? `Banned (${what})` : `Banned (${what}): ${reason}`;
}

/** What a ban decides for a commenter's comment: spam, saying which ban (as it reads now: lifting or editing it later leaves the text as it was). */
export function bannedDecision(ban: Pick<Ban, 'kind' | 'value' | 'reason'> & { id: number }): Decision {
  return { status: 'spam', reason: { rule: 'banned', banId: ban.id, ban: whyHeld(ban) } };
}

/** A ban's end as its field shows it (lib/local-time.ts). */
export const expiresAtFieldValue = localTimeFieldValue;

/** An existing ban as the edit form shows it; its end is a time, whatever duration made it. */
export function banFormValues(ban: Ban): BanFormValues {
  return {
    kind: ban.kind,
    value: ban.value,
    reason: ban.reason,
    expires: ban.expiresAt === null ? 'never' : 'until',
    expiresAt: ban.expiresAt === null ? '' : expiresAtFieldValue(ban.expiresAt),
  };
}

/** The typed values, cut to a size the form can show again. */
export function typedBanFormValues(raw: Record<string, unknown>): BanFormValues {
  const field = (name: BanFieldName, max: number) => (typeof raw[name] === 'string' ? (raw[name] as string).slice(0, max) : '');
  return {
    kind: field('kind', 20),
    value: field('value', 400),
    reason: field('reason', BAN_REASON_MAX + 100),
    expires: field('expires', 20),
    expiresAt: field('expiresAt', 40),
  };
}

const plainField = (schema: z.ZodType<string, string>) => z.preprocess((value) => plainTextIfString(value ?? ''), schema);

function banValue(kind: BanKind) {
  return plainField(
    z.string({ error: banMessages.valueMissing[kind] }).transform((typed, ctx) => {
      const result = normaliseBanValue(kind, typed);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, input: typed });
      return z.NEVER;
    }),
  );
}

const banFields = {
  // One line: it ends a why-held text and a log entry.
  reason: plainField(
    z
      .string({ error: banMessages.reasonMissing })
      .transform((reason) => reason.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, banMessages.reasonMissing).max(BAN_REASON_MAX, banMessages.reasonLong)),
  ),
  // A select always sends one; a post without it (a script, an old form) means the default.
  expires: z.preprocess((value) => (value === undefined || value === '' ? 'never' : value), z.enum(banExpiryChoices, { error: banMessages.expires })),
  expiresAt: plainField(z.string({ error: banMessages.expiresAtInvalid }).trim()),
};

/**
 * The ban form as the server receives it, read at `now` (durations count from it, and an end must
 * be to come). Every field's error is reported at once: the value is checked by its kind's rules
 * whatever the reason says, and the end whenever the choice and the time can be read.
 */
export function banFormSchema(now: Date) {
  return z
    .discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('email'), value: banValue('email'), ...banFields }),
        z.object({ kind: z.literal('ip'), value: banValue('ip'), ...banFields }),
        z.object({ kind: z.literal('domain'), value: banValue('domain'), ...banFields }),
      ],
      { error: banMessages.kind },
    )
    .superRefine(
      (form, ctx) => {
        if (form.expires !== 'until') return;
        const at = parseLocalTime(form.expiresAt);
        if (at === null) ctx.addIssue({ code: 'custom', message: banMessages.expiresAtInvalid, path: ['expiresAt'], input: form.expiresAt });
        else if (at.getTime() <= now.getTime()) ctx.addIssue({ code: 'custom', message: pastMessage(now), path: ['expiresAt'], input: form.expiresAt });
      },
      { when: (payload) => payload.issues.every((issue) => issue.path?.[0] === 'value' || issue.path?.[0] === 'reason') },
    )
    .transform(
      (form): Ban => ({
        kind: form.kind,
        value: form.value,
        reason: form.reason,
        expiresAt:
          form.expires === 'never' ? null : form.expires === 'until' ? parseLocalTime(form.expiresAt) : new Date(now.getTime() + banDurationsMs[form.expires]),
      }),
    );
}

const banFieldNames: readonly string[] = ['kind', 'value', 'reason', 'expires', 'expiresAt'] satisfies BanFieldName[];
const isBanFieldName = (key: unknown): key is BanFieldName => typeof key === 'string' && banFieldNames.includes(key);

/** Reads a posted ban form: the ban, or each field's first error with the form as typed. */
export function parseBanForm(
  raw: Record<string, unknown>,
  now: Date,
): { success: true; data: Ban } | { success: false; fieldErrors: BanFieldErrors; values: BanFormValues } {
  const parsed = banFormSchema(now).safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: BanFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    fieldErrors[isBanFieldName(key) ? key : 'kind'] ??= issue.message;
  }
  return { success: false, fieldErrors, values: typedBanFormValues(raw) };
}
