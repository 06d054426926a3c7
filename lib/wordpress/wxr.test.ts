import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWxr, type WxrEvent, type WxrItem } from './wxr';
import { wordpressFixturePath } from '../../test/wordpress-fixture';
import { sampleExport } from './wxr-samples';

const fixturePath = wordpressFixturePath();
const fixture = readFileSync(fixturePath, 'utf8');

async function readAll(input: Parameters<typeof readWxr>[0]) {
  const events: WxrEvent[] = [];
  for await (const event of readWxr(input)) events.push(event);
  return events;
}
const itemsOf = (events: WxrEvent[]): WxrItem[] => events.flatMap((e) => (e.kind === 'item' ? [e.item] : []));

describe('readWxr on the WordPress 6.1 fixture', () => {
  it('reads the site header first, then the authors and categories, then the one story', async () => {
    const events = await readAll(createReadStream(fixturePath));
    expect(events.map((e) => e.kind)).toEqual(['site', 'author', 'category', 'category', 'term', 'term', 'item']);
    expect(events[0]).toEqual({
      kind: 'site', title: 'Peer News', link: 'http://127.0.0.1:8081', description: 'Local WordPress 6.1 peer for benchmarking',
      language: 'en-US', baseSiteUrl: 'http://127.0.0.1:8081', baseBlogUrl: 'http://127.0.0.1:8081', wxrVersion: '1.2',
    });
    expect(events[1]).toEqual({
      kind: 'author', id: 1, login: 'admin', email: 'admin@example.test', displayName: 'Newsroom', firstName: '', lastName: '',
    });
    expect(events.filter((e) => e.kind === 'category')).toEqual([
      { kind: 'category', id: 2, slug: 'news', name: 'News', parent: '', description: '' },
      { kind: 'category', id: 1, slug: 'uncategorized', name: 'Uncategorized', parent: '', description: '' },
    ]);
  });

  it('reads the story with its fields', async () => {
    const [item] = itemsOf(await readAll(createReadStream(fixturePath)));
    expect(item).toMatchObject({
      postId: 4,
      title: 'Trump Pushes for Negotiated End to Ukraine War in Call with Putin',
      link: 'http://127.0.0.1:8081/2025/02/12/trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin/',
      guid: 'http://127.0.0.1:8081/2025/02/12/trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin/',
      creator: 'admin', excerpt: '',
      postDate: '2025-02-12 14:30:00', postDateGmt: new Date('2025-02-12T14:30:00Z'),
      modified: '2026-11-26 12:02:06', modifiedGmt: new Date('2026-11-26T12:02:06Z'),
      slug: 'trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin',
      status: 'publish', postType: 'post', parentId: 0, menuOrder: 0, isSticky: false,
      commentStatus: 'open', pingStatus: 'closed', password: '', attachmentUrl: null,
      categories: [{ slug: 'news', name: 'News' }], tags: [], terms: [],
      postmeta: [{ key: '_peer_seed', value: '000_a535a716b7896970' }],
    });
    expect(item!.content.startsWith('<!-- wp:paragraph -->\n<p>President Donald Trump has launched')).toBe(true);
    expect(item!.content).toContain('<h2>Who’s on Trump’s Negotiation Team?</h2>');
    expect(item!.content.endsWith('directly with Moscow.</p>\n<!-- /wp:paragraph -->')).toBe(true);
  });

  it('reads the 25 comments: 20 approved, 5 pending, threaded, with emails and IPs', async () => {
    const [item] = itemsOf(await readAll(createReadStream(fixturePath)));
    const comments = item!.comments;
    expect(comments).toHaveLength(25);
    expect(comments.filter((c) => c.approved === '1')).toHaveLength(20);
    expect(comments.filter((c) => c.approved === '0')).toHaveLength(5);
    expect(comments[0]).toEqual({
      id: 2, author: 'Margaret Ellison', authorEmail: 'margaret.ellison@example.com', authorUrl: '',
      authorIp: '203.0.113.10', date: '2025-02-12 15:05:00', dateGmt: new Date('2025-02-12T15:05:00Z'),
      content: "Any negotiation that starts with a call to Moscow rather than Kyiv worries me. The order of these calls sends a message about who gets to decide Ukraine's future.",
      approved: '1', type: 'comment', parentId: 0, userId: 0, meta: [{ key: '_peer_seed', value: 'c1' }],
    });
    const ids = new Set(comments.map((c) => c.id));
    expect(ids.size).toBe(25);
    for (const c of comments) {
      expect(c.parentId === 0 || ids.has(c.parentId)).toBe(true);
      expect(c.authorEmail).toMatch(/@/);
      expect(c.authorIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(c.dateGmt).toBeInstanceOf(Date);
    }
    expect(comments.filter((c) => c.parentId === 0)).toHaveLength(12);
    expect(comments.find((c) => c.id === 3)!.parentId).toBe(2);
    expect(comments.find((c) => c.id === 4)!.parentId).toBe(3);
    expect(comments.find((c) => c.id === 5)!.author).toBe('Tomasz Wiśniewski');
  });

  it('reads the same from chunks of 7 bytes (characters split across chunks) as from one string', async () => {
    const whole = await readAll([fixture]);
    const tiny = await readAll(createReadStream(fixturePath, { highWaterMark: 7 }));
    expect(tiny).toEqual(whole);
  });

  it('reads a WXR 1.1 export, matching elements by namespace, not by prefix', async () => {
    const v11 = fixture.replaceAll('http://wordpress.org/export/1.2/', 'http://wordpress.org/export/1.1/')
      .replace('<wp:wxr_version>1.2</wp:wxr_version>', '<wp:wxr_version>1.1</wp:wxr_version>');
    const renamed = v11.replace(/(<\/?)wp:/g, '$1wordpress:').replace('xmlns:wp=', 'xmlns:wordpress=')
      .replace(/(<\/?)content:/g, '$1c:').replace('xmlns:content=', 'xmlns:c=');
    const expected = await readAll([fixture]);
    const [site, ...rest] = await readAll([renamed]);
    expect(site).toEqual({ ...expected[0], wxrVersion: '1.1' });
    expect(rest).toEqual(expected.slice(1));
  });
});

describe('readWxr on older and emptier exports', () => {
  it('reads a WXR 1.0 export, and a channel with no records at all', async () => {
    const events = await readAll([sampleExport([{ id: 3 }], '1.0')]);
    expect(events.map((e) => e.kind)).toEqual(['site', 'author', 'item']);
    expect(events[0]).toMatchObject({ wxrVersion: '1.0', baseSiteUrl: 'https://news.example' });
    const bare = '<rss xmlns:wp="http://wordpress.org/export/1.1/"><channel><title>Bare</title><link>https://bare.example</link></channel></rss>';
    expect(await readAll([bare])).toEqual([{
      kind: 'site', title: 'Bare', link: 'https://bare.example', description: '', language: '',
      baseSiteUrl: 'https://bare.example', baseBlogUrl: 'https://bare.example', wxrVersion: '1.1',
    }]);
  });
});

describe('readWxr on post types, statuses and comment kinds', () => {
  const exported = sampleExport([
    { id: 10, type: 'page', slug: 'about', title: 'About us', menuOrder: 2, comments: [] },
    { id: 11, type: 'attachment', status: 'inherit', parent: 12, attachmentUrl: 'https://news.example/wp-content/uploads/2025/02/photo.jpg' },
    {
      id: 12, title: 'Sticky lead', sticky: true, commentStatus: 'closed',
      terms: [
        { domain: 'category', slug: 'world', name: 'World' }, { domain: 'category', slug: 'europe', name: 'Europe' },
        { domain: 'post_tag', slug: 'ukraine', name: 'Ukraine' }, { domain: 'post_format', slug: 'post-format-video', name: 'Video' },
      ],
      meta: { _thumbnail_id: '11' },
      comments: [
        { id: 1, approved: '1' }, { id: 2, approved: 'spam' }, { id: 3, approved: 'trash' },
        { id: 4, type: 'pingback', approved: '1', url: 'https://other.example/post/' }, { id: 5, type: 'trackback' },
        { id: 6, type: '', parent: 1, userId: 1 },
      ],
    },
    { id: 13, type: 'nav_menu_item', title: '', terms: [{ domain: 'nav_menu', slug: 'main', name: 'Main' }], meta: { _menu_item_type: 'taxonomy', _menu_item_object_id: '3' } },
    { id: 14, type: 'revision', status: 'inherit', parent: 12, slug: '12-revision-v1' },
    { id: 15, status: 'draft', date: '2025-03-01 09:00:00', dateGmt: '0000-00-00 00:00:00' },
    { id: 16, status: 'future', date: '2030-01-01 06:00:00', password: 'secret' },
    { id: 17, type: 'product', status: 'wc-odd-status' },
  ]);

  it('reads every item as what it is', async () => {
    const items = itemsOf(await readAll([exported]));
    expect(items.map((i) => [i.postId, i.postType, i.status])).toEqual([
      [10, 'page', 'publish'], [11, 'attachment', 'inherit'], [12, 'post', 'publish'], [13, 'nav_menu_item', 'publish'],
      [14, 'revision', 'inherit'], [15, 'post', 'draft'], [16, 'post', 'future'], [17, 'product', 'wc-odd-status'],
    ]);
    const byId = new Map(items.map((i) => [i.postId, i]));
    expect(byId.get(10)).toMatchObject({ slug: 'about', menuOrder: 2, comments: [] });
    expect(byId.get(11)).toMatchObject({ parentId: 12, attachmentUrl: 'https://news.example/wp-content/uploads/2025/02/photo.jpg' });
    expect(byId.get(12)).toMatchObject({
      isSticky: true, commentStatus: 'closed',
      categories: [{ slug: 'world', name: 'World' }, { slug: 'europe', name: 'Europe' }],
      tags: [{ slug: 'ukraine', name: 'Ukraine' }],
      terms: [{ domain: 'post_format', slug: 'post-format-video', name: 'Video' }],
      postmeta: [{ key: '_thumbnail_id', value: '11' }],
    });
    expect(byId.get(13)).toMatchObject({ terms: [{ domain: 'nav_menu', slug: 'main', name: 'Main' }] });
    expect(byId.get(14)).toMatchObject({ parentId: 12, slug: '12-revision-v1' });
    expect(byId.get(15)).toMatchObject({ postDate: '2025-03-01 09:00:00', postDateGmt: null });
    expect(byId.get(16)).toMatchObject({ postDateGmt: new Date('2030-01-01T06:00:00Z'), password: 'secret' });
  });

  it('keeps comment approvals and types as WordPress wrote them', async () => {
    const post = itemsOf(await readAll([exported])).find((i) => i.postId === 12)!;
    expect(post.comments.map((c) => [c.id, c.approved, c.type, c.parentId, c.userId])).toEqual([
      [1, '1', 'comment', 0, 0], [2, 'spam', 'comment', 0, 0], [3, 'trash', 'comment', 0, 0],
      [4, '1', 'pingback', 0, 0], [5, '1', 'trackback', 0, 0], [6, '1', '', 1, 1],
    ]);
    expect(post.comments[3]!.authorUrl).toBe('https://other.example/post/');
  });

  it('keeps hostile text as data, unchanged', async () => {
    const items = itemsOf(await readAll([sampleExport([{
      id: 1, title: '<script>alert("title")</script>', content: '<p onclick="steal()">Hi</p><a href="javascript:alert(1)">x</a>',
      comments: [{ id: 1, author: '<img src=x onerror=alert(1)>', url: 'javascript:alert(document.cookie)', content: 'a ]]> b &amp; <b>c</b>' }],
    }])]));
    expect(items[0]!.title).toBe('<script>alert("title")</script>');
    expect(items[0]!.content).toBe('<p onclick="steal()">Hi</p><a href="javascript:alert(1)">x</a>');
    expect(items[0]!.comments[0]).toMatchObject({
      author: '<img src=x onerror=alert(1)>', authorUrl: 'javascript:alert(document.cookie)', content: 'a ]]> b &amp; <b>c</b>',
    });
  });
});

describe('reading in slices', () => {
  it('reads a start tag that straddles the 64 KB slices the parser is fed (it once took it for a huge attribute)', async () => {
    const base = sampleExport([{ id: 1 }]);
    const at = base.indexOf('<guid');
    for (const before of [1, 10, 30]) {
      const text = `${base.slice(0, at)}${' '.repeat(64 * 1024 - before - at)}${base.slice(at)}`;
      const items = [];
      for await (const event of readWxr([text])) if (event.kind === 'item') items.push(event.item);
      expect(items.map((item) => item.guid), `${before} characters before the boundary`).toEqual(['https://news.example/?p=1']);
    }
  });
});
