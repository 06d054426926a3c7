import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './config';

/**
 * AUTH_SECRET signs sessions and the commenter's pending-comment cookie. When it is not set, one is
 * generated once into the data folder (mode 600) so that restarts and every server sharing the
 * folder agree on it.
 */
export function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir(), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole under another name, then linked into place: servers starting together on one data
    // folder never read a half-written secret, and the first link wins (the others read it).
    const draft = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  process.env.AUTH_SECRET = secret;
  return secret;
}
