import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, options, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id and checks the right password only', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
  });

  it('says no for an unknown account, after a check as costly as a real one', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    // Same memory, passes and lanes as real hashes, so an unknown email takes as long as a known one.
    expect(DUMMY_HASH).toContain(`$m=${options.memoryCost},t=${options.timeCost},p=${options.parallelism}$`);
  });

  it('says no for a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
