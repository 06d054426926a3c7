import { beforeAll, describe, expect, it } from 'vitest';
import { sign, verify } from './signing';

beforeAll(() => {
  process.env.AUTH_SECRET = 'test-secret-for-signing';
});

describe('sign and verify', () => {
  it('round-trips a value', () => {
    expect(verify(sign('12,34', 'pending'), 'pending')).toBe('12,34');
  });

  it('refuses a tampered value or signature', () => {
    const signed = sign('12,34', 'pending');
    expect(verify(signed.replace('12,34', '12,35'), 'pending')).toBeNull();
    expect(verify(`${signed}x`, 'pending')).toBeNull();
    expect(verify('12,34', 'pending')).toBeNull();
    expect(verify('', 'pending')).toBeNull();
    expect(verify(undefined, 'pending')).toBeNull();
  });

  it('binds the value to its purpose', () => {
    expect(verify(sign('99', 'form'), 'pending')).toBeNull();
  });
});
