import { describe, expect, it } from 'vitest';
import { clientAddress, resolveClientIp, SERVER_RESOLVES_ADDRESS, trustProxyHops, UNKNOWN_ADDRESS } from './client-ip';

describe('resolveClientIp', () => {
  it('uses the socket address and ignores X-Forwarded-For without TRUST_PROXY', () => {
    expect(resolveClientIp('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
  });

  it('writes IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(resolveClientIp('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
    expect(resolveClientIp('::1', undefined, 0)).toBe('::1');
  });

  it('takes the address our proxy appended, not one the client made up', () => {
    expect(resolveClientIp('127.0.0.1', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(resolveClientIp('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
  });

  it('falls back to the socket when the header is missing or not an address', () => {
    expect(resolveClientIp('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
    expect(resolveClientIp('127.0.0.1', 'not-an-ip', 1)).toBe('127.0.0.1');
  });

  it('uses the leftmost address when there are fewer hops than trusted', () => {
    expect(resolveClientIp('127.0.0.1', '198.51.100.7', 3)).toBe('198.51.100.7');
  });
});

describe('trustProxyHops', () => {
  it('reads TRUST_PROXY', () => {
    expect(trustProxyHops(undefined)).toBe(0);
    expect(trustProxyHops('0')).toBe(0);
    expect(trustProxyHops('1')).toBe(1);
    expect(trustProxyHops('true')).toBe(1);
    expect(trustProxyHops('2')).toBe(2);
    expect(trustProxyHops('junk')).toBe(0);
  });
});

describe('clientAddress', () => {
  it("trusts the header as it stands when our server wrote it", () => {
    expect(clientAddress('198.51.100.7', { [SERVER_RESOLVES_ADDRESS]: '1' })).toBe('198.51.100.7');
  });

  it('under plain next start, takes the trusted hop and never what a client made up', () => {
    expect(clientAddress('6.6.6.6, 198.51.100.7', { TRUST_PROXY: '1' })).toBe('198.51.100.7');
    expect(clientAddress('6.6.6.6', {})).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(null, {})).toBe(UNKNOWN_ADDRESS);
  });
});
