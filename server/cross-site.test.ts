import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, refusedAsCrossSite } from './cross-site';

describe('isCrossSiteWrite', () => {
  it('lets reads through whatever their origin', () => {
    expect(isCrossSiteWrite('GET', 'https://evil.example', 'news.example')).toBe(false);
    expect(isCrossSiteWrite('HEAD', 'https://evil.example', 'news.example')).toBe(false);
    expect(isCrossSiteWrite('OPTIONS', 'https://evil.example', 'news.example')).toBe(false);
  });

  it('lets a post from this site through, port and case included', () => {
    expect(isCrossSiteWrite('POST', 'http://localhost:3000', 'localhost:3000')).toBe(false);
    expect(isCrossSiteWrite('POST', 'https://News.Example', 'news.example')).toBe(false);
  });

  it('lets a post without Origin through (Next decides; browsers always send one on posts)', () => {
    expect(isCrossSiteWrite('POST', undefined, 'news.example')).toBe(false);
  });

  it('refuses posts from another site, another port, an opaque or a malformed origin', () => {
    expect(isCrossSiteWrite('POST', 'https://evil.example', 'news.example')).toBe(true);
    expect(isCrossSiteWrite('POST', 'http://localhost:4000', 'localhost:3000')).toBe(true);
    expect(isCrossSiteWrite('POST', 'null', 'news.example')).toBe(true);
    expect(isCrossSiteWrite('PUT', 'not a url', 'news.example')).toBe(true);
    expect(isCrossSiteWrite('DELETE', 'https://news.example.evil.example', 'news.example')).toBe(true);
  });

  it('refuses a post with an origin but no host to compare it with', () => {
    expect(isCrossSiteWrite('POST', 'https://news.example', undefined)).toBe(true);
  });
});

describe('refusedAsCrossSite', () => {
  it('refuses a cross-site write anywhere but at the one-click unsubscribe, which mailbox providers post from anywhere', () => {
    expect(refusedAsCrossSite('POST', '/news/a-story', 'https://evil.example', 'news.example')).toBe(true);
    expect(refusedAsCrossSite('POST', '/email/abc_DEF-123/unsubscribe', 'https://mail.example', 'news.example')).toBe(false);
    expect(refusedAsCrossSite('POST', '/email/abc/unsubscribe/more', 'https://mail.example', 'news.example')).toBe(true);
    // Our server passes the address as asked for, query and all.
    expect(refusedAsCrossSite('POST', '/email/abc/unsubscribe?List-Unsubscribe=One-Click', 'https://mail.example', 'news.example')).toBe(false);
    expect(refusedAsCrossSite('POST', '/news/a-story', 'https://news.example', 'news.example')).toBe(false);
  });
});
