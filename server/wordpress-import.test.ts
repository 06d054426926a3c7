import { asc, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { articleAuthors, articles, articleTags, authors, cacheTagExpirations, comments, moderationLog, sections, tags, wordpressComments, wordpressPosts, wordpressTerms } from '../db/schema';
import { readWordpressFixture } from '../test/wordpress-fixture';
import { importWordpress, type ImportOptions } from './wordpress-import';
import { sampleExport, type SampleItem } from '../lib/wordpress/wxr-samples';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  runMigrations(db);
});

const options = (more: Partial<ImportOptions> = {}): ImportOptions => ({ dryRun: false, images: null, actor: { id: null, name: 'test' }, ...more });
const fixture = () => [readWordpressFixture()];
const tableCounts = () =>
  Object.fromEntries(
    (['articles', 'comments', 'authors', 'sections', 'tags', 'article_tags', 'article_authors', 'wordpress_posts', 'wordpress_comments', 'wordpress_terms'] as const).map((table) => [
      table,
      db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n,
    ]),
  );

describe('importing the WordPress 6.1 export in shared/fixtures', () => {
  it('brings the story over with its 20 approved and 5 pending comments, threaded, keyed on WordPress ids', async () => {
    const result = await importWordpress(db, fixture(), options());
    expect(result.site).toBe('http://127.0.0.1:8081');
    expect(result.stories).toEqual({ new: 1, updated: 0, unchanged: 0 });
    expect(result.comments).toEqual({ new: 25, updated: 0, unchanged: 0 });

    const [story] = db.select().from(articles).all();
    expect(story).toMatchObject({ slug: 'trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin', status: 'published', commentsOpen: true });
    expect(story!.headline).toMatch(/Trump/);
    expect(story!.body).not.toMatch(/<[a-z]/i);
    expect(story!.publishedAt!.toISOString()).toMatch(/^2025-02-12T/);
    const section = db.select().from(sections).where(eq(sections.id, story!.sectionId)).get();
    expect(section).toMatchObject({ slug: 'news', name: 'News' });
    const byline = db.select({ name: authors.name }).from(articleAuthors).innerJoin(authors, eq(authors.id, articleAuthors.authorId)).where(eq(articleAuthors.articleId, story!.id)).all();
    expect(byline).toEqual([{ name: 'Newsroom' }]);

    const imported = db.select().from(comments).orderBy(asc(comments.createdAt)).all();
    expect(imported.filter((c) => c.status === 'approved')).toHaveLength(20);
    const pending = imported.filter((c) => c.status === 'pending');
    expect(pending).toHaveLength(5);
    for (const comment of pending) expect(comment.heldReason).toEqual({ rule: 'imported', from: '127.0.0.1:8081' });
    for (const comment of imported) {
      expect(comment.authorEmail).toMatch(/@/);
      expect(comment.ip).not.toBe('');
      expect(comment.body).not.toMatch(/<[a-z]/i);
    }
    // Threads: every reply points at the comment WordPress said, through the id map.
    const wpOf = new Map(db.select().from(wordpressComments).all().map((row) => [row.commentId, row.wpId]));
    const ourOf = new Map([...wpOf].map(([ours, wp]) => [wp, ours]));
    expect(imported.filter((c) => c.parentId !== null).length).toBeGreaterThan(0);
    const source = readWordpressFixture().toString('utf8');
    for (const comment of imported) {
      const wpId = wpOf.get(comment.id)!;
      const parent = new RegExp(`<wp:comment_id>${wpId}</wp:comment_id>[\\s\\S]*?<wp:comment_parent>(\\d+)</wp:comment_parent>`).exec(source)![1];
      expect(comment.parentId, `comment ${wpId}`).toBe(parent === '0' ? null : ourOf.get(Number(parent)));
    }
    expect(db.select().from(wordpressPosts).all()).toEqual([
      expect.objectContaining({ wpId: 4, articleId: story!.id, path: '/2025/02/12/trump-pushes-for-negotiated-end-to-ukraine-war-in-call-with-putin' }),
    ]);
    expect(db.select().from(moderationLog).where(eq(moderationLog.action, 'wordpress.import')).all()).toHaveLength(1);
  });

  it('changes nothing the second time', async () => {
    await importWordpress(db, fixture(), options());
    const before = tableCounts();
    const rows = db.select().from(comments).all();
    const again = await importWordpress(db, fixture(), options());
    expect(again.stories).toEqual({ new: 0, updated: 0, unchanged: 1 });
    expect(again.comments).toEqual({ new: 0, updated: 0, unchanged: 25 });
    expect(tableCounts()).toEqual(before);
    expect(db.select().from(comments).all()).toEqual(rows);
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const empty = tableCounts();
    const dry = await importWordpress(db, fixture(), options({ dryRun: true }));
    expect(dry.stories).toEqual({ new: 1, updated: 0, unchanged: 0 });
    expect(dry.comments.new).toBe(25);
    expect(dry.created).toEqual({ sections: 1, topics: 0, bylines: 1 });
    expect(tableCounts()).toEqual(empty);
    expect(db.select().from(cacheTagExpirations).all()).toEqual([]);
  });

  it('tells a running site which pages changed', async () => {
    await importWordpress(db, fixture(), options());
    const [story] = db.select().from(articles).all();
    const expired = db.select({ tag: cacheTagExpirations.tag }).from(cacheTagExpirations).all().map((row) => row.tag);
    expect(expired).toEqual(expect.arrayContaining(['latest', 'story-text', 'sections', 'section:news', `article:${story!.id}`, `comments:${story!.id}`, 'wordpress-addresses']));
  });
});

const post = (over: Partial<SampleItem> = {}): SampleItem => ({
  id: 10,
  title: 'A story',
  slug: 'a-story',
  content: '<p>Words.</p>',
  comments: [],
  ...over,
});

describe('a newer export of the same site', () => {
  it('updates what changed there and adds what is new, never duplicating', async () => {
    await importWordpress(db, [sampleExport([post({ comments: [{ id: 1, content: 'First' }, { id: 2, content: 'Second', parent: 1 }] })])], options());
    const result = await importWordpress(
      db,
      [sampleExport([post({ title: 'A story, updated', comments: [{ id: 1, content: 'First' }, { id: 2, content: 'Second, edited', parent: 1 }, { id: 3, content: 'Third' }] }), post({ id: 11, slug: 'another', title: 'Another' })])],
      options(),
    );
    expect(result.stories).toEqual({ new: 1, updated: 1, unchanged: 0 });
    expect(result.comments).toEqual({ new: 1, updated: 1, unchanged: 1 });
    expect(db.select({ headline: articles.headline }).from(articles).orderBy(articles.id).all()).toEqual([{ headline: 'A story, updated' }, { headline: 'Another' }]);
    expect(db.select({ body: comments.body }).from(comments).orderBy(comments.id).all().map((c) => c.body)).toEqual(['First', 'Second, edited', 'Third']);
  });
});

describe('what comes across', () => {
  it('maps statuses, sticky posts, closed comments, categories and tags; skips pages, attachments and pingbacks with counts', async () => {
    const result = await importWordpress(
      db,
      [
        sampleExport([
          post({ id: 1, slug: 'live', status: 'publish', sticky: true, commentStatus: 'closed', terms: [{ domain: 'category', slug: 'world', name: 'World' }, { domain: 'category', slug: 'politics', name: 'Politics' }, { domain: 'post_tag', slug: 'ukraine', name: 'Ukraine' }] }),
          post({ id: 2, slug: 'later', status: 'future', date: '2030-01-01 09:00:00' }),
          post({ id: 3, slug: 'draft', status: 'draft' }),
          post({ id: 4, slug: 'pending', status: 'pending' }),
          post({ id: 5, slug: 'private', status: 'private' }),
          post({ id: 6, slug: 'about', type: 'page' }),
          post({ id: 7, slug: 'gone', status: 'trash' }),
          post({ id: 8, slug: 'pinged', comments: [{ id: 9, content: 'Linked', type: 'pingback' }, { id: 10, content: 'Spam', approved: 'spam' }, { id: 11, content: 'Binned', approved: 'trash' }] }),
        ]),
      ],
      options(),
    );
    const statuses = Object.fromEntries(db.select({ slug: articles.slug, status: articles.status }).from(articles).all().map((row) => [row.slug, row.status]));
    expect(statuses).toEqual({ live: 'published', later: 'scheduled', draft: 'draft', pending: 'review', private: 'draft', pinged: 'published' });
    const live = db.select().from(articles).where(eq(articles.slug, 'live')).get()!;
    expect(live).toMatchObject({ featured: true, commentsOpen: false });
    expect(db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, live.sectionId)).get()).toEqual({ slug: 'world' });
    const topicSlugs = db.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, live.id)).orderBy(articleTags.position).all();
    expect(topicSlugs).toEqual([{ slug: 'politics' }, { slug: 'ukraine' }]);
    expect(result.skippedItems).toEqual({ page: 1, trash: 1 });
    expect(result.skippedComments).toEqual({ pingback: 1 });
    expect(db.select({ status: comments.status }).from(comments).orderBy(comments.id).all()).toEqual([{ status: 'spam' }, { status: 'trash' }]);
    expect(db.select().from(wordpressTerms).where(eq(wordpressTerms.taxonomy, 'category')).all().map((t) => [t.slug, t.sectionId !== null, t.tagId !== null])).toEqual(
      expect.arrayContaining([
        ['world', true, false],
        ['politics', false, true],
      ]),
    );
  });
});

describe('malformed, truncated, wrong-encoding and hostile exports', () => {
  const counts = () => ({ ...tableCounts(), moderation_log: db.get<{ n: number }>(sql`select count(*) as n from moderation_log`)!.n });

  it('a file cut off inside its second story keeps the first whole and none of the second; the whole file then adds the rest', async () => {
    const whole = sampleExport([post({ id: 1, slug: 'one', comments: [{ id: 1 }, { id: 2, parent: 1 }] }), post({ id: 2, slug: 'two', comments: [{ id: 3 }, { id: 4 }] })]);
    const cut = whole.slice(0, whole.indexOf('<wp:comment_id>4</wp:comment_id>'));
    await expect(importWordpress(db, [cut], options())).rejects.toThrow(/^Line \d+, column \d+: the file ends inside <item> \(opened at line \d+\), in <wp:comment>/);
    expect(db.select({ slug: articles.slug }).from(articles).all()).toEqual([{ slug: 'one' }]);
    expect(db.select().from(comments).all()).toHaveLength(2);
    const rerun = await importWordpress(db, [whole], options());
    expect(rerun.stories).toEqual({ new: 1, updated: 0, unchanged: 1 });
    expect(rerun.comments).toEqual({ new: 2, updated: 0, unchanged: 2 });
  });

  it.each([
    ['not XML', '# Notes\nnot an export', /^Line 1, column 1: this is not a WordPress export \(WXR\): it is not XML/],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', /not a WordPress export/],
    ['a mismatched tag', sampleExport([post()]).replace('</wp:post_name>', '</wp:post_nam>'), /^Line \d+, column \d+: malformed XML/],
    ['another encoding', sampleExport([post()]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), /encoding ISO-8859-1; this reader takes UTF-8 only/],
    [
      'a billion laughs',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${sampleExport([post({ title: '&lol3;' })]).replace(/^<\?xml[^>]*>/, '')}`,
      /DOCTYPE declaration; a WordPress export has none/,
    ],
    ['a huge attribute', sampleExport([post()]).replace('<guid isPermaLink="false">', `<guid isPermaLink="${'x'.repeat(70 * 1024)}">`), /longer than 64 KB/],
  ])('%s stops with the line and column, and writes nothing', async (_, text, message) => {
    const before = counts();
    await expect(importWordpress(db, [text], options())).rejects.toThrow(message);
    expect(counts()).toEqual(before);
  });

  it('scripts, event handlers and javascript: links come across as inert text, never as markup', async () => {
    await importWordpress(
      db,
      [
        sampleExport([
          post({
            title: '<script>alert(1)</script>Headline <img src=x onerror=alert(2)>',
            excerpt: '<b onmouseover="alert(3)">Standfirst</b>',
            content: '<p>Read <a href="javascript:alert(4)">this</a> and <a href=" JaVaScRiPt:alert(5)">that</a>.</p><script>alert(6)</script><p onclick="alert(7)">Words</p><iframe src="javascript:alert(8)"></iframe>',
            creator: 'mallory',
            comments: [{ id: 1, author: '<script>alert(9)</script>Mallory', url: 'javascript:alert(10)', content: '<img src=x onerror=alert(11)>Hello <a href="javascript:alert(12)">link</a><script>alert(13)</script>' }],
          }),
        ]),
      ],
      options(),
    );
    const [story] = db.select().from(articles).all();
    const [comment] = db.select().from(comments).all();
    const stored = JSON.stringify({ story, comment });
    for (const hostile of ['<script', 'onerror', 'onclick', 'onmouseover', 'javascript:', '<img', '<iframe']) expect(stored.toLowerCase()).not.toContain(hostile.toLowerCase());
    expect(story!.headline).toBe('Headline');
    expect(story!.standfirst).toBe('Standfirst');
    expect(story!.body).toContain('Read this and that.');
    expect(comment).toMatchObject({ authorName: 'Mallory', authorUrl: '' });
    expect(comment!.body).toContain('Hello link');
  });
});

describe('images and staff comments', () => {
  it('brings the featured image and body images from --media-from, reports one it cannot find, and keeps the story', async () => {
    const { default: sharp } = await import('sharp');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-import-media-'));
    process.env.MEDIA_PATH = path.join(root, 'media');
    const uploads = path.join(root, 'wordpress', 'wp-content', 'uploads', '2025', '02');
    fs.mkdirSync(uploads, { recursive: true });
    const picture = (name: string) =>
      sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 30, g: 90, b: 140 } } })
        .jpeg()
        .toFile(path.join(uploads, name));
    await picture('harbour.jpg');
    await picture('inline.jpg');
    const { importImage, mediaSource } = await import('../lib/wordpress/media');
    const images = (site: string) => {
      const source = mediaSource(path.join(root, 'wordpress'), site);
      if ('error' in source) throw new Error(source.error);
      return (url: string) => importImage(source, url);
    };
    const result = await importWordpress(
      db,
      [
        sampleExport([
          // The featured image's attachment comes after its post, as WordPress's id order often has it.
          post({ id: 1, slug: 'with-photo', content: '<p>Text.</p><figure class="wp-block-image"><img src="https://news.example/wp-content/uploads/2025/02/inline.jpg" alt="A quay"/><figcaption>The quay at dawn.</figcaption></figure><p><img src="https://news.example/wp-content/uploads/2025/02/gone.jpg" alt="Gone"></p>', meta: { _thumbnail_id: '7' } }),
          post({ id: 7, type: 'attachment', status: 'inherit', title: 'Harbour', excerpt: 'Boats in the harbour.', attachmentUrl: 'https://news.example/wp-content/uploads/2025/02/harbour.jpg', meta: { _wp_attachment_image_alt: 'Boats moored in a harbour' } }),
        ]),
      ],
      options({ images }),
    );
    const story = db.select().from(articles).where(eq(articles.slug, 'with-photo')).get()!;
    expect(story).toMatchObject({ photoAlt: 'Boats moored in a harbour', photoCaption: 'Boats in the harbour.', photoWidth: 800, photoHeight: 500 });
    expect(story.photoSrc).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);
    expect(fs.existsSync(path.join(root, 'media', path.basename(story.photoSrc!)))).toBe(true);
    expect(story.body).toMatch(/!\[A quay\]\(\/media\/[0-9a-f]{32}\.webp\)/);
    expect(story.body).toContain('The quay at dawn.');
    expect(story.body).not.toContain('news.example');
    expect(result.images).toMatchObject({ stored: 2, failed: 1 });
    expect(result.warnings.join('\n')).toMatch(/gone\.jpg not brought over \(.*there is no file/);
    expect(result.skippedItems).toEqual({ attachment: 1 });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a comment by one of the site’s authors carries the Staff badge; a guest’s does not', async () => {
    await importWordpress(db, [sampleExport([post({ comments: [{ id: 1, content: 'From the desk', userId: 1 }, { id: 2, content: 'From a reader' }] })])], options());
    const rows = db.select({ body: comments.body, bylineId: comments.bylineId, userId: comments.userId }).from(comments).orderBy(comments.id).all();
    const desk = db.select({ id: authors.id }).from(authors).where(eq(authors.name, 'The Desk')).get()!;
    expect(rows).toEqual([
      { body: 'From the desk', bylineId: desk.id, userId: null },
      { body: 'From a reader', bylineId: null, userId: null },
    ]);
  });
});

describe('terms with non-ASCII addresses', () => {
  it('keeps the old address as WordPress wrote it (decoded) for the lookups, and gives the section an ASCII address here', async () => {
    const { parseOldAddress } = await import('../lib/wordpress/old-addresses');
    await importWordpress(db, [sampleExport([post({ terms: [{ domain: 'category', slug: 'caf%c3%a9', name: 'Café' }, { domain: 'post_tag', slug: '%c3%a9t%c3%a9', name: 'Été' }] })])], options());
    const section = db.select({ slug: sections.slug, name: sections.name }).from(sections).where(eq(sections.name, 'Café')).get();
    expect(section).toEqual({ slug: 'cafe', name: 'Café' });
    const stored = db.select({ taxonomy: wordpressTerms.taxonomy, slug: wordpressTerms.slug }).from(wordpressTerms).where(sql`${wordpressTerms.taxonomy} != 'author'`).all();
    const asked = (path: string) => {
      const address = parseOldAddress(path, new URLSearchParams());
      return address?.kind === 'term' && 'slug' in address.key ? address.key.slug : null;
    };
    expect(stored).toEqual(
      expect.arrayContaining([
        { taxonomy: 'category', slug: asked('/category/caf%C3%A9') },
        { taxonomy: 'post_tag', slug: asked('/tag/%C3%A9t%C3%A9') },
      ]),
    );
  });
});
