import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { insertStoryRow } from '../test/story';
import { runMigrations } from './migrate';
import { ANONYMOUS_NAME, eraseCommenterData, exportCommenterData, storyPaths } from './privacy';
import { authors, comments, loginFailures, moderationLog, sections, users } from './schema';
import { tags } from './tags';

const db = openDatabase(':memory:');
runMigrations(db);
afterAll(() => db.$client.close());

const now = new Date('2025-02-12T21:40:00Z');
const [section] = db.insert(sections).values({ slug: 'news', name: 'News' }).returning().all();
const [author] = db.insert(authors).values({ slug: 'ed', name: 'Ed' }).returning().all();
const story = (slug: string) => insertStoryRow(db, { slug, sectionId: section!.id, authorId: author!.id, headline: slug, body: 'Text', status: 'published', publishedAt: now });
const first = story('first-story');
const second = story('second-story');

let minute = 0;
function addComment(values: { articleId?: number; name: string; email: string; body: string; status?: 'approved' | 'pending'; parentId?: number }) {
  const [row] = db
    .insert(comments)
    .values({
      articleId: values.articleId ?? first.id,
      parentId: values.parentId ?? null,
      authorName: values.name,
      authorEmail: values.email,
      authorUrl: `https://example.com/${values.name.toLowerCase()}`,
      body: values.body,
      status: values.status ?? 'approved',
      ip: '192.0.2.44',
      userAgent: `Browser of ${values.name}`,
      heldReason: values.status === 'pending' ? { rule: 'manual-approval' } : null,
      createdAt: new Date(now.getTime() + ++minute * 60_000),
    })
    .returning()
    .all();
  return row!;
}

let ada: ReturnType<typeof addComment>[];
let other: ReturnType<typeof addComment>;

beforeEach(async () => {
  db.delete(moderationLog).run();
  db.delete(loginFailures).run();
  db.delete(comments).run();
  const top = addComment({ name: 'Ada', email: 'ada@example.com', body: 'First thoughts.' });
  ada = [
    top,
    addComment({ name: 'Ada L.', email: 'ADA@Example.com', body: 'An older row, typed in capitals.', articleId: second.id, status: 'pending' }),
    addComment({ name: 'Ada', email: 'ada@example.com', body: 'Replying to myself.', parentId: top.id }),
  ];
  other = addComment({ name: 'Grace', email: 'grace@example.com', body: 'Someone else entirely.', parentId: top.id });
  db.insert(loginFailures)
    .values([
      { email: 'ada@example.com', ip: '192.0.2.44', createdAt: now },
      { email: 'grace@example.com', ip: '192.0.2.45', createdAt: now },
    ])
    .run();
  db.insert(moderationLog)
    .values([
      { actorName: 'Mo', action: 'comment.approve', targetType: 'comment', targetId: top.id, before: { status: 'pending' }, after: { status: 'approved' }, createdAt: now },
      { actorName: 'Mo', action: 'comment.approve', targetType: 'comment', targetId: other.id, before: { status: 'pending' }, after: { status: 'approved' }, createdAt: now },
    ])
    .run();
});

const commentRow = (id: number) => db.select().from(comments).where(eq(comments.id, id)).get();

describe('exportCommenterData', () => {
  it('returns every column of every comment with that email, whatever its case, and nobody else’s', async () => {
    const data = await exportCommenterData(db, '  Ada@Example.COM ', now);
    expect(data.email).toBe('ada@example.com');
    expect(data.exportedAt).toBe(now.toISOString());
    expect(data.comments.map((c) => c.id).sort()).toEqual(ada.map((c) => c.id).sort());
    const pending = data.comments.find((c) => c.id === ada[1]!.id)!;
    expect(pending).toEqual(commentRow(ada[1]!.id));
    expect(pending).toMatchObject({
      authorName: 'Ada L.',
      authorEmail: 'ADA@Example.com',
      authorUrl: 'https://example.com/ada l.',
      ip: '192.0.2.44',
      userAgent: 'Browser of Ada L.',
      status: 'pending',
      heldReason: { rule: 'manual-approval' },
    });
    expect(JSON.stringify(data)).not.toContain('grace');
  });

  it('includes failed sign-ins with the email and the log entries about their comments', async () => {
    const data = await exportCommenterData(db, 'ada@example.com', now);
    expect(data.loginFailures).toEqual([expect.objectContaining({ email: 'ada@example.com', ip: '192.0.2.44' })]);
    expect(data.moderationLog).toEqual([expect.objectContaining({ action: 'comment.approve', targetId: ada[0]!.id })]);
  });

  it('is empty for an email nobody used, and serialises to JSON', async () => {
    const data = await exportCommenterData(db, 'nobody@example.com', now);
    expect(data).toMatchObject({ comments: [], moderationLog: [], loginFailures: [] });
    expect(JSON.parse(JSON.stringify(await exportCommenterData(db, 'ada@example.com', now))).comments[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses an empty address rather than match every erased comment', async () => {
    await expect(exportCommenterData(db, '  ')).rejects.toThrow();
  });
});

describe('eraseCommenterData', () => {
  it('anonymises their comments, keeps the text and the thread, and deletes their failed sign-ins', async () => {
    const before = ada.map((c) => commentRow(c.id)!);
    const result = await eraseCommenterData(db, 'Ada@example.com');
    expect(result).toEqual({
      comments: 3,
      articleIds: [first.id, second.id],
      tags: [`comments:${first.id}`, `comments:${second.id}`],
      loginFailures: 1,
    });

    for (const old of before) {
      expect(commentRow(old.id)).toEqual({
        ...old,
        authorName: ANONYMOUS_NAME,
        authorEmail: '',
        authorUrl: '',
        ip: '',
        userAgent: '',
      });
    }
    expect(await exportCommenterData(db, 'ada@example.com')).toMatchObject({ comments: [], loginFailures: [] });
  });

  it('leaves everyone else, and the log, as they were, adding to the log how much was erased but not whose', async () => {
    const log = db.select().from(moderationLog).all();
    const admin = db.insert(users).values({ email: `admin.${++minute}@example.com`, name: 'Site admin', passwordHash: 'x' }).returning().all()[0]!;
    await eraseCommenterData(db, 'ada@example.com', admin, now);
    expect(commentRow(other.id)).toEqual(other);
    expect(commentRow(other.id)?.parentId).toBe(ada[0]!.id);
    expect(db.select().from(loginFailures).all()).toEqual([expect.objectContaining({ email: 'grace@example.com' })]);
    const after = db.select().from(moderationLog).all();
    expect(after.slice(0, log.length)).toEqual(log);
    expect(after.slice(log.length)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        actorName: 'Site admin',
        action: 'commenter.erase',
        targetType: 'commenter',
        targetId: null,
        after: { comments: 3, stories: 2, loginFailures: 1 },
      }),
    ]);
    expect(JSON.stringify(after.slice(log.length))).not.toMatch(/ada@example\.com|Ada/);
  });

  it('is idempotent, and erases nothing for an unknown or empty address', async () => {
    await eraseCommenterData(db, 'ada@example.com');
    const logged = db.select().from(moderationLog).all().length;
    expect(await eraseCommenterData(db, 'ada@example.com')).toEqual({ comments: 0, articleIds: [], tags: [], loginFailures: 0 });
    expect(db.select().from(moderationLog).all()).toHaveLength(logged);
    expect((await eraseCommenterData(db, 'nobody@example.com')).comments).toBe(0);
    await expect(eraseCommenterData(db, '')).rejects.toThrow();
    expect(commentRow(other.id)).toEqual(other);
  });

  it('returns the cache tags of every story that showed the old name, each once', async () => {
    addComment({ name: 'Ada', email: 'ada@example.com', body: 'On the second story again.', articleId: second.id });
    const { articleIds, tags: changed } = await eraseCommenterData(db, 'ada@example.com');
    expect(changed).toEqual([tags.comments(first.id), tags.comments(second.id)]);
    expect(await storyPaths(db, articleIds)).toEqual(['/news/first-story', '/news/second-story']);
    expect(await storyPaths(db, [])).toEqual([]);
    expect((await eraseCommenterData(db, 'grace@example.com')).tags).toEqual([tags.comments(first.id)]);
  });
});
