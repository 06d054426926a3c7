/**
 * Reads the sample site that `db/seed.ts` writes into an empty database. It lives in db/sample/ as
 * files: sections.yaml and authors.yaml (in the order the site lists them) and one Markdown file per
 * story in stories/, named `NN-slug.md`, whose YAML front matter holds everything but the body. Photos
 * are plain files in public/images. Stories are written in the order of their numbers, so that ids
 * stay the same from one seed to the next.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import slugify from '@sindresorhus/slugify';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  authorSchema,
  sectionSchema,
  storyFrontMatterSchema,
  type SeedArticle,
  type SeedAuthor,
  type SeedSection,
} from './seed-types';

export const sampleFolder = fileURLToPath(new URL('./sample', import.meta.url));
export const photoFolder = fileURLToPath(new URL('../public/images', import.meta.url));

export type SampleContent = { sections: SeedSection[]; authors: SeedAuthor[]; articles: SeedArticle[] };

const storyFileName = /^(\d+)-([a-z0-9-]+)\.md$/;
const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Throws at the first broken file, naming it and each field at fault: a sample site is all or nothing. */
export function loadSampleContent(folder = sampleFolder, photos = photoFolder): SampleContent {
  const sections = readYamlList(path.join(folder, 'sections.yaml'), sectionSchema);
  const authors = readYamlList(path.join(folder, 'authors.yaml'), authorSchema);
  const sectionSlugs = uniqueSlugs(path.join(folder, 'sections.yaml'), sections);
  const authorSlugs = uniqueSlugs(path.join(folder, 'authors.yaml'), authors);

  const storyFolder = path.join(folder, 'stories');
  const files = fs
    .readdirSync(storyFolder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const match = storyFileName.exec(name);
      if (!match) fail(path.join(storyFolder, name), 'file name', 'must be NN-slug.md, e.g. 07-some-story.md (NN orders the stories)');
      return { name, number: Number(match[1]), slug: match[2]! };
    })
    .sort((a, b) => a.number - b.number);

  const articles: SeedArticle[] = [];
  const storySlugs = new Set<string>();
  files.forEach(({ name, number, slug }, i) => {
    const file = path.join(storyFolder, name);
    if (files[i - 1]?.number === number) fail(file, 'file name', `shares its number with ${files[i - 1]!.name}`);
    const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const split = frontMatter.exec(source);
    if (!split) fail(file, 'front matter', 'the file must begin with YAML between two --- lines');
    const story = validate(file, storyFrontMatterSchema, parseYaml(file, split[1]!));
    const body = source.slice(split[0].length).trim();

    if (story.slug !== slug) fail(file, 'slug', `is ${story.slug} but the file is named for ${slug}`);
    if (storySlugs.has(slug)) fail(file, 'slug', `${slug} is already another story's`);
    if (!sectionSlugs.has(story.section)) fail(file, 'section', `${story.section} is not in sections.yaml`);
    if (!authorSlugs.has(story.author)) fail(file, 'author', `${story.author} is not in authors.yaml`);
    if (!fs.existsSync(path.join(photos, story.photo.file))) fail(file, 'photo.file', `public/images/${story.photo.file} does not exist`);
    const tagSlugs = story.tags.map((tag) => slugify(tag));
    if (new Set(tagSlugs).size !== tagSlugs.length) fail(file, 'tags', 'two of them have the same slug');
    if (!body) fail(file, 'body', 'the story has no text after its front matter');
    storySlugs.add(slug);

    const { file: photoFile, ...photo } = story.photo;
    articles.push({ ...story, photo: { src: `/images/${photoFile}`, ...photo }, body });
  });
  return { sections, authors, articles };
}

function readYamlList<T extends z.ZodType>(file: string, schema: T): z.infer<T>[] {
  const list = parseYaml(file, fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) fail(file, 'list', 'must be a YAML list of entries');
  return list.map((entry, i) => validate(file, schema, entry, `[${i}]`));
}

function uniqueSlugs(file: string, entries: { slug: string }[]): Set<string> {
  const slugs = new Set<string>();
  entries.forEach(({ slug }, i) => {
    if (slugs.has(slug)) fail(file, `[${i}].slug`, `${slug} is listed twice`);
    slugs.add(slug);
  });
  return slugs;
}

function parseYaml(file: string, text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    fail(file, 'YAML', error instanceof Error ? error.message : String(error));
  }
}

function validate<T extends z.ZodType>(file: string, schema: T, value: unknown, at = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = [at, ...issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))].join('').replace(/^\./, '');
    return `${display(file)}: ${field || 'front matter'}: ${issue.message}`;
  });
  throw new Error(`Sample content is broken:\n  ${problems.join('\n  ')}`);
}

function fail(file: string, field: string, message: string): never {
  throw new Error(`Sample content is broken:\n  ${display(file)}: ${field}: ${message}`);
}

function display(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Read on import, for scripts that take the sample site's sections and photos (the bench's large site). */
export const { sections, authors, articles } = loadSampleContent();
