import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import slugify from '@sindresorhus/slugify';
import { asc } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { articles, articleTags, authors, comments, sections, tags } from './schema';
import { clearContent, isEmpty, seed } from './seed';
import { loadSampleContent, photoFolder, sampleFolder } from './seed-content';

const content = loadSampleContent();
const storyFiles = fs.readdirSync(path.join(sampleFolder, 'stories')).filter((name) => name.endsWith('.md')).sort();

describe('the sample site in db/sample', () => {
  it('reads every story file, each under a slug of its own', async () => {
    expect(content.articles).toHaveLength(storyFiles.length);
    expect(new Set(content.articles.map((a) => a.slug)).size).toBe(content.articles.length);
    expect(new Set(content.sections.map((s) => s.slug)).size).toBe(content.sections.length);
    expect(new Set(content.authors.map((a) => a.slug)).size).toBe(content.authors.length);
  });

  it('files every story under a known section and author', async () => {
    const sectionSlugs = content.sections.map((s) => s.slug);
    const authorSlugs = content.authors.map((a) => a.slug);
    for (const article of content.articles) {
      expect(sectionSlugs, article.slug).toContain(article.section);
      expect(authorSlugs, article.slug).toContain(article.author);
    }
  });

  it('shows photos that are in public/images at the size the story states', async () => {
    for (const { slug, photo } of content.articles) {
      const file = path.join(photoFolder, path.basename(photo.src));
      expect(fs.existsSync(file), `${slug}: ${photo.src}`).toBe(true);
      const { width, height } = await sharp(file).metadata();
      expect({ width, height }, `${slug}: ${photo.src}`).toEqual({ width: photo.width, height: photo.height });
    }
  });

  it('has a published lead for the home page and a draft for the not-found tests', async () => {
    const featured = content.articles.filter((a) => a.featured && a.status === 'published');
    expect(featured.length).toBeGreaterThan(0);
    expect(content.articles.some((a) => a.status === 'draft')).toBe(true);
  });
});

describe('seed', () => {
  it('writes the stories in the order of their files, with their tags and approved sample comments', async () => {
    const database = openDatabase(':memory:');
    runMigrations(database);
    expect(await isEmpty(database)).toBe(true);
    await seed(database);
    expect(await isEmpty(database)).toBe(false);

    const rows = database.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(asc(articles.id)).all();
    expect(rows.map((row) => `${String(row.id).padStart(2, '0')}-${row.slug}.md`)).toEqual(storyFiles);
    expect(database.select({ slug: sections.slug }).from(sections).orderBy(asc(sections.position)).all()).toEqual(
      content.sections.map(({ slug }) => ({ slug })),
    );
    expect(database.select({ slug: authors.slug }).from(authors).all()).toHaveLength(content.authors.length);
    const tagSlugs = new Set(content.articles.flatMap((a) => a.tags.map((name) => slugify(name))));
    expect(database.select({ slug: tags.slug }).from(tags).all()).toHaveLength(tagSlugs.size);
    expect(database.select({ tagId: articleTags.tagId }).from(articleTags).all()).toHaveLength(
      content.articles.reduce((sum, a) => sum + a.tags.length, 0),
    );

    const written = database
      .select({ articleId: comments.articleId, name: comments.authorName, status: comments.status, createdAt: comments.createdAt })
      .from(comments)
      .orderBy(asc(comments.id))
      .all();
    const expected = content.articles.flatMap((article, i) =>
      (article.comments ?? []).map((c) => ({ articleId: rows[i]!.id, name: c.name, status: 'approved', createdAt: new Date(c.postedAt) })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(written).toEqual(expected);

    await clearContent(database);
    expect(await isEmpty(database)).toBe(true);
    database.$client.close();
  });
});

describe('a broken sample file', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sample-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const story = '05-germany-merz-afd-migration-vote.md';
  let copies = 0;
  /** A copy of the real sample folder with one file changed. */
  function brokenCopy(file: string, change: (text: string) => string) {
    const folder = path.join(scratch, String(copies++));
    fs.cpSync(sampleFolder, folder, { recursive: true });
    const target = path.join(folder, file);
    fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8')));
    return folder;
  }
  const inStory = (change: (text: string) => string) => brokenCopy(path.join('stories', story), change);

  it.each([
    ['a missing field', () => inStory((t) => t.replace(/^headline: .*\n/m, '')), `${story}: headline: Invalid input`],
    ['a misspelt field', () => inStory((t) => t.replace(/^standfirst:/m, 'standfrist:')), `${story}: front matter: Unrecognized key: "standfrist"`],
    ['an unknown section', () => inStory((t) => t.replace(/^section: .*$/m, 'section: culture')), `${story}: section: culture is not in sections.yaml`],
    ['an unknown author', () => inStory((t) => t.replace(/^author: .*$/m, 'author: nobody')), `${story}: author: nobody is not in authors.yaml`],
    ['a photo that is not there', () => inStory((t) => t.replace(/^ {2}file: .*$/m, '  file: missing.jpg')), `${story}: photo.file: public/images/missing.jpg does not exist`],
    ['a photo name that gets no sized copies', () => inStory((t) => t.replace(/^ {2}file: .*$/m, '  file: Photo 1.JPG')), `${story}: photo.file: must name`],
    ['a slug that is not the file name', () => inStory((t) => t.replace(/^slug: .*$/m, 'slug: merz-vote')), `${story}: slug: is merz-vote`],
    ['a date without its zone', () => inStory((t) => t.replace(/^publishedAt: .*$/m, 'publishedAt: 2025-01-31 19:30')), `${story}: publishedAt: Invalid ISO datetime`],
    ['an update before publication', () => inStory((t) => t.replace(/^publishedAt: (.*)$/m, 'publishedAt: $1\nupdatedAt: 2025-01-01T00:00:00Z')), `${story}: updatedAt: must be later than publishedAt`],
    ['a tag twice', () => inStory((t) => t.replace(/^tags: \[/m, 'tags: [germany, ')), `${story}: tags: two of them have the same slug`],
    ['YAML that does not parse', () => inStory((t) => t.replace(/^headline: (.*)$/m, 'headline: [$1')), `${story}: YAML:`],
    ['no closing --- line', () => inStory((t) => t.replace(/\n---\n/, '\n')), `${story}: front matter: the file must begin with YAML`],
    ['a comment with a bad address', () => brokenCopy(path.join('stories', storyFiles[0]!), (t) => t.replace(/email: .*$/m, 'email: helen')), `${storyFiles[0]}: comments[0].email: Invalid email`],
    ['a section without its name', () => brokenCopy('sections.yaml', (t) => t.replace(/^ {2}name: .*\n/m, '')), 'sections.yaml: [0].name: Invalid input'],
  ])('stops the seed on %s, naming the file and field', (_, makeFolder, message) => {
    const folder = makeFolder();
    expect(() => loadSampleContent(folder)).toThrow(message);
  });

  it('stops the seed on two stories with one slug, or one number', async () => {
    const twice = brokenCopy('sections.yaml', (t) => t);
    fs.copyFileSync(path.join(twice, 'stories', story), path.join(twice, 'stories', story.replace(/^05/, '99')));
    expect(() => loadSampleContent(twice)).toThrow(`99-germany-merz-afd-migration-vote.md: slug: germany-merz-afd-migration-vote is already another story's`);

    const sameNumber = brokenCopy('sections.yaml', (t) => t);
    fs.renameSync(path.join(sameNumber, 'stories', storyFiles[5]!), path.join(sameNumber, 'stories', storyFiles[5]!.replace(/^06/, '05')));
    expect(() => loadSampleContent(sameNumber)).toThrow('shares its number with');
  });
});
