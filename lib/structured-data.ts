import { authorPath, type Byline } from './bylines';
import type { BreadcrumbList, NewsArticle, Organization, SearchAction, WebSite, WithActionConstraints, WithContext } from 'schema-dts';
import { site } from './site';

/**
 * schema.org JSON-LD for search engines: the story, where it sits, and the site with its search.
 * Pure: every URL is made absolute from the origin passed in.
 */

export const logo = { path: '/logo.png', width: 512, height: 512 };

const absolute = (origin: string, path: string) => new URL(path, `${origin}/`).toString();

export function publisher(origin: string): Organization {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absolute(origin, '/'),
    logo: { '@type': 'ImageObject', url: absolute(origin, logo.path), width: `${logo.width}`, height: `${logo.height}` },
  };
}

export type StructuredArticle = {
  headline: string;
  standfirst: string;
  path: string;
  publishedAt: Date | null;
  updatedAt: Date | null;
  sectionName: string;
  bylines: Byline[];
  tags: { name: string }[];
  commentCount: number;
  image: { url: string; width: number; height: number; alt: string };
  /** Correction notes shown on the story, oldest first. */
  corrections?: { text: string; createdAt: Date }[];
};

export function newsArticleJsonLd(origin: string, article: StructuredArticle): WithContext<NewsArticle> {
  const url = absolute(origin, article.path);
  const published = article.publishedAt?.toISOString();
  const modified = article.updatedAt && article.publishedAt && article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.headline,
    description: article.standfirst || undefined,
    image: {
      '@type': 'ImageObject',
      url: absolute(origin, article.image.url),
      width: `${article.image.width}`,
      height: `${article.image.height}`,
      caption: article.image.alt,
    },
    datePublished: published,
    dateModified: modified?.toISOString(),
    author: article.bylines.map((byline) => ({ '@type': 'Person' as const, name: byline.name, url: absolute(origin, authorPath(byline)) })),
    publisher: publisher(origin),
    articleSection: article.sectionName,
    keywords: article.tags.map((tag) => tag.name),
    commentCount: article.commentCount,
    correction: article.corrections?.length
      ? article.corrections.map((correction) => ({ '@type': 'CorrectionComment' as const, text: correction.text, datePublished: correction.createdAt.toISOString() }))
      : undefined,
    inLanguage: site.language,
    isAccessibleForFree: true,
  };
}

export function breadcrumbJsonLd(origin: string, trail: { name: string; path: string }[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absolute(origin, crumb.path),
    })),
  };
}

export function webSiteJsonLd(origin: string): WithContext<WebSite> {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absolute(origin, '/search')}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absolute(origin, '/#website'),
    name: site.name,
    description: site.tagline,
    url: absolute(origin, '/'),
    inLanguage: site.language,
    publisher: publisher(origin),
    potentialAction: search,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the script. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
