import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { unstable_doesMiddlewareMatch as runsProxy } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import { OWN_COOKIE, OWN_VIEW_COOKIE, PENDING_COOKIE } from '@/lib/comment-cookie-names';
import { internalUrl, isOwnView, reservedFirstSegments } from './public-routes';

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

  it("sends a browser with something of its own on the story (the bs_yours marker) to the story's own view, and only for stories", () => {
    const cookie = `comment_author=Ada; ${OWN_VIEW_COOKIE}=1`;
    expect(internalUrl('/news/a-story', cookie)).toBe('/news/a-story/yours');
    expect(internalUrl('/news/a-story?cpage=2', cookie)).toBe('/news/a-story/yours?cpage=2');
    expect(internalUrl('/news/a-story?corder=likes', cookie)).toBe('/news/a-story/yours?corder=likes');
    expect(internalUrl('/news/a-story?replytocom=4', cookie)).toBe('/news/a-story/yours?replytocom=4');
    expect(internalUrl('/news', cookie)).toBeNull();
    expect(internalUrl('/moderation/log', cookie)).toBeNull();
    expect(internalUrl('/_next/image', cookie)).toBeNull();
    expect(internalUrl('/news/a-story', `not_${OWN_VIEW_COOKIE}=1; ${OWN_VIEW_COOKIE}x=2`)).toBeNull();
  });

  it('tells the per-reader view apart from the other internal paths (proxy.ts checks its story has not moved)', () => {
    const cookie = `${OWN_VIEW_COOKIE}=1`;
    const ownView = (url: string, cookieHeader?: string) => isOwnView(url.split('?')[0]!, internalUrl(url, cookieHeader)!);
    expect(ownView('/news/a-story', cookie)).toBe(true);
    expect(ownView('/news/a-story?cpage=2', cookie)).toBe(true);
    expect(ownView('/news/yours', cookie)).toBe(true);
    for (const url of ['/news/a-story?cpage=2', '/news/a-story?replytocom=4', '/news?page=2', '/?page=3', '/news?page=yours', '/news/yours?cpage=2']) {
      expect(ownView(url), url).toBe(false);
    }
  });

  it('leaves a story cached for a browser whose held or editable comments are on other stories', () => {
    // bs_pending and bs_own travel with every request; the marker only to the story it was set for.
    expect(internalUrl('/news/another-story', `${PENDING_COOKIE}=abc.def; ${OWN_COOKIE}=ghi.jkl`)).toBeNull();
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

  it("runs the proxy for the per-reader view's marker by its real name, and not for the cookies sent everywhere", () => {
    expect(matcher).toContain(`{ type: 'cookie', key: '${OWN_VIEW_COOKIE}' }`);
    expect(matcher).not.toContain(`key: '${PENDING_COOKIE}'`);
    expect(matcher).not.toContain(`key: '${OWN_COOKIE}'`);
  });

  it('runs the proxy for every query key that maps to a path of its own', () => {
    for (const key of ['page', 'cpage', 'corder', 'replytocom']) expect(matcher).toContain(`{ type: 'query', key: '${key}' }`);
  });

  // The object itself, as Next reads it: literal values only, so it evaluates as plain JavaScript.
  const config = vm.runInNewContext(`(${matcher.slice(matcher.indexOf('{'), matcher.lastIndexOf('}') + 1)})`) as Parameters<typeof runsProxy>[0]['config'];
  const story = 'http://localhost:3000/news/a-story';
  const post = (headers: Record<string, string>) => ({ config, url: story, headers: { 'content-type': 'multipart/form-data; boundary=x', ...headers } });
  const sameOrigin = { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', 'content-length': '812' };

  it('leaves plain reads and small posts a browser marks as same-origin to Next', () => {
    expect(runsProxy({ config, url: story })).toBe(false);
    expect(runsProxy(post(sameOrigin))).toBe(false);
    expect(runsProxy(post({ ...sameOrigin, 'content-length': '999999' }))).toBe(false);
  });

  it('runs for every other write: from another site, without fetch metadata, or large enough to be refused', () => {
    expect(runsProxy(post({ ...sameOrigin, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(runsProxy(post({ ...sameOrigin, 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(runsProxy(post({ origin: 'http://localhost:3000', 'content-length': '812' }))).toBe(true);
    // Anything the proxy would refuse as too large (over 1 MB) has at least seven digits.
    expect(runsProxy(post({ ...sameOrigin, 'content-length': '1000000' }))).toBe(true);
    expect(runsProxy(post({ ...sameOrigin, 'content-length': '0001048577' }))).toBe(true);
    expect(runsProxy({ ...post(sameOrigin), url: 'http://localhost:3000/desk/stories/4' })).toBe(true);
    expect(runsProxy({ ...post(sameOrigin), url: `${story}?replytocom=5` })).toBe(true);
    expect(runsProxy({ ...post(sameOrigin), cookies: { [OWN_VIEW_COOKIE]: '1' } })).toBe(true);
  });
});
