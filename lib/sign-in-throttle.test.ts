import { describe, expect, it } from 'vitest';
import { isThrottled, SIGN_IN_LIMIT } from './sign-in-throttle';

describe('isThrottled', () => {
  it('allows up to the limit of failures per email and per address', () => {
    expect(isThrottled({ byEmail: SIGN_IN_LIMIT - 1, byIp: SIGN_IN_LIMIT - 1 })).toBe(false);
  });

  it('refuses once either count reaches the limit', () => {
    expect(isThrottled({ byEmail: SIGN_IN_LIMIT, byIp: 0 })).toBe(true);
    expect(isThrottled({ byEmail: 0, byIp: SIGN_IN_LIMIT })).toBe(true);
  });
});
