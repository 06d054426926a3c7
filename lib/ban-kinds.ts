/** What a ban can name (the schema's enum; lib/bans.ts has the rules). */
export const banKinds = ['email', 'ip', 'domain'] as const;
export type BanKind = (typeof banKinds)[number];
