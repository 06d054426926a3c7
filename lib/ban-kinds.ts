/**
 * A ban's vocabulary, free of server code so that the desk's form (a client component) and the schema
 * can use it; lib/bans.ts has the rules.
 */

export const banKinds = ['email', 'ip', 'domain'] as const;
export type BanKind = (typeof banKinds)[number];

export const banKindLabels: Record<BanKind, string> = {
  email: 'Email address',
  ip: 'IP address or range',
  domain: 'Email domain',
};

/**
 * How long a ban lasts. Never is the default because that is what a WordPress moderator knows (an
 * entry in the disallowed list stays until removed) and what Coral calls a ban; Coral's temporary
 * "suspend" offers 1 hour, 24 hours and 7 days, so those are here for cooling a heated thread, plus
 * 30 days for a longer rest. An address changes hands (a phone's, a household's after a router
 * restart), so a short ban suits an IP. "Until" takes a date and time: for a ban that must end on a
 * given day, and for the edit page to show an existing ban's end as it stands.
 */
export const banExpiryChoices = ['never', '1h', '24h', '7d', '30d', 'until'] as const;
export type BanExpiryChoice = (typeof banExpiryChoices)[number];

export const banExpiryLabels: Record<BanExpiryChoice, string> = {
  never: 'Never',
  '1h': '1 hour',
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
  until: 'Until a date and time',
};

/** Shown with every comment the ban holds and in the log: a line, not an essay. */
export const BAN_REASON_MAX = 200;

export type BanFieldName = 'kind' | 'value' | 'reason' | 'expires' | 'expiresAt';
/** The form as typed, to show again after a refusal. */
export type BanFormValues = Record<BanFieldName, string>;
export type BanFieldErrors = Partial<Record<BanFieldName, string>>;
