import crypto from 'node:crypto';
import { ensureAuthSecret } from './auth-secret';

function hmac(value: string, purpose: string): string {
  return crypto.createHmac('sha256', ensureAuthSecret()).update(`${purpose}\n${value}`).digest('base64url');
}

/** `value.signature`, where the signature binds the value to one purpose (a cookie, a form token). */
export function sign(value: string, purpose: string): string {
  return `${value}.${hmac(value, purpose)}`;
}

/** The value when the signature is ours and for this purpose, else null. */
export function verify(signed: string | undefined | null, purpose: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(hmac(value, purpose));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? value : null;
}
