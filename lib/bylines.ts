import { site } from './site';

/** One name a story is printed under, and its author page. */
export type Byline = { slug: string; name: string };

export function authorPath(byline: Pick<Byline, 'slug'>) {
  return `/authors/${byline.slug}`;
}

const names = new Intl.ListFormat(site.language, { style: 'long', type: 'conjunction' });

/** "Ada", "Ada and Bo", "Ada, Bo and Cy": the bylines as a sentence names them. */
export function bylineText(bylines: readonly Pick<Byline, 'name'>[]) {
  return names.format(bylines.map((byline) => byline.name));
}

/** The same sentence in parts, each name with its byline, for printing with links between the words. */
export function bylineParts(bylines: readonly Byline[]): ({ type: 'name'; byline: Byline } | { type: 'text'; text: string })[] {
  let index = 0;
  return names.formatToParts(bylines.map((byline) => byline.name)).map((part) =>
    part.type === 'element' ? { type: 'name', byline: bylines[index++]! } : { type: 'text', text: part.value },
  );
}
