import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, webSiteJsonLd } from './structured-data';

const origin = 'https://news.example';

const article = {
  headline: 'Talks </script><script>alert(1)</script> resume',
  standfirst: 'Both sides return.',
  path: '/news/talks',
  publishedAt: new Date('2025-02-12T09:00:00Z'),
  updatedAt: new Date('2025-02-13T09:00:00Z'),
  sectionName: 'News',
  bylines: [{ name: 'Ada Lovelace', slug: 'ada-lovelace' }],
  tags: [{ name: 'Ukraine' }, { name: 'Diplomacy' }],
  commentCount: 3,
  image: { url: '/images/talks.jpg', width: 1600, height: 900, alt: 'Delegates at a table' },
};

describe('newsArticleJsonLd', () => {
  it('describes the story with absolute URLs', () => {
    const data = JSON.parse(serializeJsonLd(newsArticleJsonLd(origin, article)));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.headline,
      url: 'https://news.example/news/talks',
      image: { '@type': 'ImageObject', url: 'https://news.example/images/talks.jpg', width: '1600', height: '900' },
      datePublished: '2025-02-12T09:00:00.000Z',
      dateModified: '2025-02-13T09:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Ada Lovelace', url: 'https://news.example/authors/ada-lovelace' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Broadsheet', logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' } },
      articleSection: 'News',
      keywords: ['Ukraine', 'Diplomacy'],
      commentCount: 3,
    });
  });

  it('uses the publication time as the modified time of a story never edited', () => {
    const data = newsArticleJsonLd(origin, { ...article, updatedAt: null });
    expect(data.dateModified).toBe('2025-02-12T09:00:00.000Z');
  });
});

describe('breadcrumbJsonLd and webSiteJsonLd', () => {
  it('numbers the trail from 1', () => {
    const data = breadcrumbJsonLd(origin, [
      { name: 'Broadsheet', path: '/' },
      { name: 'News', path: '/news' },
    ]);
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Broadsheet', item: 'https://news.example/' },
      { '@type': 'ListItem', position: 2, name: 'News', item: 'https://news.example/news' },
    ]);
  });

  it('offers the site search', () => {
    const data = JSON.parse(serializeJsonLd(webSiteJsonLd(origin)));
    expect(data['@type']).toBe('WebSite');
    expect(data.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
  });
});

describe('serializeJsonLd', () => {
  it('escapes every < so the text cannot close the script element', () => {
    const json = serializeJsonLd({ text: '</script><!-- <b>' });
    expect(json).not.toContain('<');
    expect(json).toBe('{"text":"\\u003c/script>\\u003c!-- \\u003cb>"}');
    expect(JSON.parse(json)).toEqual({ text: '</script><!-- <b>' });
  });
});
