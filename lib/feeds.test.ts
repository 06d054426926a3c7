import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { articleEntries, commentEntries, escapeXml, renderFeed, renderNewsSitemap } from './feeds';

const origin = 'https://news.example';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const rows = [
  {
    slug: 'newer',
    headline: 'Tom & Jerry <b>strike</b> ]]> back',
    standfirst: 'A standfirst with <script>alert(1)</script> & more.',
    publishedAt: new Date('2025-02-13T09:00:00Z'),
    updatedAt: new Date('2025-02-13T10:00:00Z'),
    sectionSlug: 'news',
    sectionName: 'News',
    bylines: [
      { slug: 'ada', name: 'Ada' },
      { slug: 'cy', name: 'Cy' },
    ],
  },
  {
    slug: 'older',
    headline: 'Older story',
    standfirst: '',
    publishedAt: new Date('2025-02-12T09:00:00Z'),
    updatedAt: null,
    sectionSlug: 'world',
    sectionName: 'World',
    bylines: [{ slug: 'bo', name: 'Bo' }],
  },
];
const channel = { title: 'Broadsheet', description: 'Tagline', path: '/', self: { rss: '/feed.xml', atom: '/atom.xml' } };

describe('renderFeed', () => {
  it('writes RSS 2.0 that an XML parser reads back, items in the order given', () => {
    const xml = renderFeed('rss', origin, channel, articleEntries(rows));
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = parser.parse(xml).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.link).toBe('https://news.example/');
    expect(rss.channel['atom:link']['@href']).toBe('https://news.example/feed.xml');
    const items = list(rss.channel.item);
    expect(items.map((item: { link: string }) => item.link)).toEqual(['https://news.example/news/newer', 'https://news.example/world/older']);
    expect(items[0].title).toBe('Tom & Jerry <b>strike</b> ]] > back');
    expect(items[0].pubDate).toBe('Thu, 13 Feb 2025 09:00:00 GMT');
    expect(items[0].description).toBe('A standfirst with &#60;script&#62;alert(1)&#60;/script&#62; &#38; more.');
    expect(items[0].author).toEqual(['Ada', 'Cy']);
    expect(items[1].author).toBe('Bo');
  });

  it('writes Atom with published and updated times and HTML-escaped titles', () => {
    const xml = renderFeed('atom', origin, channel, articleEntries(rows));
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://news.example/');
    expect(feed.updated).toBe('2025-02-13T10:00:00.000Z');
    const entries = list(feed.entry);
    expect(entries).toHaveLength(2);
    expect(entries[0].published).toBe('2025-02-13T09:00:00.000Z');
    expect(entries[0].updated).toBe('2025-02-13T10:00:00.000Z');
    expect(entries[0].title['#text']).toBe('Tom &#38; Jerry &#60;b&#62;strike&#60;/b&#62; ]]&#62; back');
    expect(list(entries[0].author).map((author: { uri: string }) => author.uri)).toEqual(['https://news.example/authors/ada', 'https://news.example/authors/cy']);
    expect(entries[1].link['@href']).toBe('https://news.example/world/older');
  });

  it('writes an empty feed', () => {
    for (const format of ['rss', 'atom'] as const) expect(XMLValidator.validate(renderFeed(format, origin, channel, []))).toBe(true);
  });

  it('lists comments by name and permalink, with no email and text that cannot break the XML', () => {
    const xml = renderFeed(
      'rss',
      origin,
      { title: 'Comments', description: 'd', path: '/news/x', self: { rss: '/news/x/feed.xml' } },
      commentEntries([
        { id: 7, authorName: 'Eve ]]> ]]>', authorUrl: 'https://eve.example', body: 'Two ]]> ]]> markers\nand a line\u0000', createdAt: new Date('2025-02-13T09:00:00Z') },
        { id: 5, authorName: 'Mal', authorUrl: 'javascript:alert(1)', body: '<img src=x onerror=alert(1)>', createdAt: new Date('2025-02-12T09:00:00Z') },
      ]),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = list(parser.parse(xml).rss.channel.item);
    expect(items.map((item: { link: string }) => item.link)).toEqual(['https://news.example/comments/7', 'https://news.example/comments/5']);
    expect(items[0].description).toBe('Two ]]&#62; ]]&#62; markers<br />and a line');
    expect(items[1].description).toBe('&#60;img src=x onerror=alert(1)&#62;');
    expect(xml).not.toContain('@');
    expect(xml).not.toContain('javascript:');
  });
});

describe('renderNewsSitemap', () => {
  it('gives each story its publication, language, date and title', () => {
    const xml = renderNewsSitemap(origin, [{ path: '/news/a', title: 'A & B <c>', publishedAt: new Date('2025-02-13T09:00:00Z') }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const url = parser.parse(xml).urlset.url;
    expect(url.loc).toBe('https://news.example/news/a');
    expect(url['news:news']['news:publication']).toEqual({ 'news:name': 'Broadsheet', 'news:language': 'en' });
    expect(url['news:news']['news:publication_date']).toBe('2025-02-13T09:00:00.000Z');
    expect(url['news:news']['news:title']).toBe('A &#38; B &#60;c&#62;');
  });

  it('is valid when empty', () => {
    expect(XMLValidator.validate(renderNewsSitemap(origin, []))).toBe(true);
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"'\u0001\uFFFE`)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
  });
});
