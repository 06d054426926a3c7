import { afterEach, describe, expect, it, vi } from 'vitest';
import { secureCookies, siteUrl } from './config';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('site address', () => {
  it('defaults to localhost on port 3000 and drops a trailing slash', () => {
    vi.stubEnv('SITE_URL', '');
    expect(siteUrl()).toBe('http://localhost:3000');
    vi.stubEnv('SITE_URL', 'https://news.example.org//');
    expect(siteUrl()).toBe('https://news.example.org');
  });

  it('marks cookies Secure only when the site is served over HTTPS', () => {
    vi.stubEnv('SITE_URL', '');
    expect(secureCookies()).toBe(false);
    vi.stubEnv('SITE_URL', 'http://news.example.org');
    expect(secureCookies()).toBe(false);
    vi.stubEnv('SITE_URL', 'https://news.example.org');
    expect(secureCookies()).toBe(true);
  });
});
