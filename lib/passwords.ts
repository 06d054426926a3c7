import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
export const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Also spends the time of a real check when there is no account, so timing does not tell. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? DUMMY_HASH;
  try {
    const ok = await verify(target, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}

/**
 * What an unknown account is checked against: a hash, with the same options, of random bytes nobody
 * kept. Written here rather than computed at start-up, which cost a second 19 MiB at the first sign-in.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$DkJ9g6V0cCPWPDCR+6Te6w$+AbnEA/i8CwsQUTDS0m1bhhhhFEWRQHvP5HSlHcB30E';

/** A password for a new or reset account: 20 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.randomBytes(20), (b) => alphabet[b % alphabet.length]).join('');
}

export const MIN_PASSWORD_LENGTH = 12;
