import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_COOKIE, PENDING_COOKIE } from '@/lib/comment-cookie-names';
import { internalUrl, reservedFirstSegments } from './public-routes';

describe('internalUrl', () => {
  const cases: [string, string | null][] = [
    ['/', '/front/1'],
    ['/?page=2', '/front/2?page=2'],
    ['/?page=', '/front/1?page='],
    ['/?page=abc', '/front/abc?page=abc'],
    ['/news', null],
    ['/news?page=2', '/news/page/2?page=2'],
    ['/news?page=', null],
    ['/news?utm_source=x', null],
    ['/authors/ada-lovelace?page=3', '/authors/ada-lovelace/page/3?page=3'],
    ['/tags/budget?page=2', '/tags/budget/page/2?page=2'],
    ['/authors/ada-lovelace', null],
    ['/news/a-story?cpage=2', '/news/a-story/comments/2?cpage=2'],
    ['/news/a-story?replytocom=5', '/news/a-story/reply/5?replytocom=5'],
    ['/news/a-story?replytocom=5&cpage=2', '/news/a-story/reply/5?replytocom=5&cpage=2'],
    ['/news/a-story?cpage=', null],
    // A reader's order of the thread: a path per order and page; oldest first keeps today's addresses.
    ['/news/a-story?corder=newest', '/news/a-story/comments/1/newest?corder=newest'],
    ['/news/a-story?corder=likes&cpage=3', '/news/a-story/comments/3/likes?corder=likes&cpage=3'],
    ['/news/a-story?cpage=2&corder=likes', '/news/a-story/comments/2/likes?cpage=2&corder=likes'],
    ['/news/a-story?corder=oldest', null],
    ['/news/a-story?corder=oldest&cpage=2', '/news/a-story/comments/2?corder=oldest&cpage=2'],
    ['/news/a-story?corder=', null],
    ['/news/a-story?corder=..%2Fx', null],
    ['/news/a-story?corder=likes&replytocom=5', '/news/a-story/reply/5?corder=likes&replytocom=5'],
    ['/news?corder=likes', null],
    ['/news/a-story?page=2', null],
    ['/news/a-story', null],
    // A value is one path segment, whatever it holds.
    ['/news/a-story?cpage=..%2F..%2Fx', '/news/a-story/comments/..%2F..%2Fx?cpage=..%2F..%2Fx'],
    // Routes and files of their own are never sections or stories.
    ['/search?q=budget&page=2', null],
    ['/login?page=2', null],
    ['/moderation/log?page=2', null],
    ['/feed.xml?page=2', null],
    ['/news/feed.xml?cpage=2', null],
    ['/comments/1?cpage=2', null],
    ['/api/comments/token?page=2', null],
    ['/_next/image?url=x&w=640', null],
    ['/images/sized?page=2', null],
    ['/news/page/2?page=3', null],
    ['/news/?page=2', null],
    // Old WordPress addresses are next.config.ts's to send to their handler, never a section's pages.
    ['/?p=123&page=2', null],
    ['/?page_id=7&page=2', null],
    ['/?s=tax&page=2', '/front/2?s=tax&page=2'],
    ['/category/news?cpage=2', null],
    ['/tag/budget?page=2', null],
    ['/page?page=2', null],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(internalUrl(url, undefined)).toBe(expected);
  });

  it("sends a browser with comments awaiting moderation to the story's own view, and only for stories", () => {
    const cookie = 'comment_author=Ada; bs_pending=abc.def';
    expect(internalUrl('/news/a-story', cookie)).toBe('/news/a-story/yours');
    expect(internalUrl('/news/a-story?cpage=2', cookie)).toBe('/news/a-story/yours?cpage=2');
    expect(internalUrl('/news/a-story?corder=likes', cookie)).toBe('/news/a-story/yours?corder=likes');
    expect(internalUrl('/news', cookie)).toBeNull();
    expect(internalUrl('/moderation/log', cookie)).toBeNull();
    expect(internalUrl('/_next/image', cookie)).toBeNull();
    expect(internalUrl('/news/a-story', 'not_bs_pending=1; bs_pendingx=2')).toBeNull();
  });

  it("sends a browser that may still edit its comments to the story's own view too", () => {
    expect(internalUrl('/news/a-story', 'bs_own=abc.def')).toBe('/news/a-story/yours');
    expect(internalUrl('/news/a-story?replytocom=4', 'comment_author=Ada; bs_own=x')).toBe('/news/a-story/yours?replytocom=4');
    expect(internalUrl('/news', 'bs_own=x')).toBeNull();
    expect(internalUrl('/news/a-story', 'bs_owner=1; not_bs_own=2')).toBeNull();
  });
});

describe('reservedFirstSegments', () => {
  it('names every top-level route and public file, and nothing else', () => {
    const found = new Set<string>(['_next']);
    const metadataFiles: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml', 'icon.svg': 'icon.svg', 'favicon.ico': 'favicon.ico' };
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          if (entry.name.startsWith('(')) visit(path.join(dir, entry.name)); // a route group adds no segment
          else if (!/^[[_@]/.test(entry.name)) found.add(entry.name);
        } else if (metadataFiles[entry.name]) {
          found.add(metadataFiles[entry.name]!);
        }
      }
    };
    visit(path.resolve('app'));
    for (const entry of fs.readdirSync(path.resolve('public'))) found.add(entry);
    expect([...reservedFirstSegments].sort()).toEqual([...found].sort());
  });
});

describe("proxy.ts's matcher", () => {
  // Next reads the matcher from proxy.ts's text when it builds, so it cannot import these names.
  const proxySource = fs.readFileSync(path.resolve('proxy.ts'), 'utf8');
  const matcher = proxySource.slice(proxySource.indexOf('export const config'));

  it('runs the proxy for the pending-comment and own-comment cookies by their real names', () => {
    expect(matcher).toContain(`{ type: 'cookie', key: '${PENDING_COOKIE}' }`);
    expect(matcher).toContain(`{ type: 'cookie', key: '${OWN_COOKIE}' }`);
  });

  it('runs the proxy for every query key that maps to a path of its own', () => {
    for (const key of ['page', 'cpage', 'corder', 'replytocom']) expect(matcher).toContain(`{ type: 'query', key: '${key}' }`);
  });
});
