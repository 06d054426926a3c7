import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Decision } from '@/lib/comment-rules';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { insertTestStory } from '@/test/story';
import { articles, comments } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { insertComment } = await import('./comments');
const { findArticleForComment } = await import('./articles');

runMigrations(db);
afterAll(() => db.$client.close());

const now = new Date('2025-02-12T21:40:00Z');
let articleId = 0;

beforeEach(async () => {
  db.delete(comments).run();
  if (articleId) return;
  articleId = insertTestStory(db, now);
});

const fields = (overrides: Partial<Record<'name' | 'email' | 'body' | 'ip', string>> = {}) => ({
  name: 'Ada',
  email: 'ada@example.com',
  url: '',
  body: 'A first thought.',
  ip: '192.0.2.1',
  userAgent: 'test',
  ...overrides,
});

const hold: Decision = { status: 'pending', reason: { rule: 'links', count: 3 } };
const post = async (overrides: Parameters<typeof fields>[0] = {}, at = now, parentId: number | null = null, flood = 15) =>
  await insertComment({ articleId, parentId, fields: fields(overrides), now: at, floodIntervalSeconds: flood }, () => hold);

describe('insertComment', () => {
  it('stores every field, the status and reason decided, and the time to the millisecond', async () => {
    const result = await post();
    expect(result).toMatchObject({ kind: 'created', status: 'pending' });
    const [row] = db.select().from(comments).where(eq(comments.id, result.kind === 'created' ? result.id : 0)).all();
    expect(row).toMatchObject({
      articleId,
      parentId: null,
      authorName: 'Ada',
      authorEmail: 'ada@example.com',
      body: 'A first thought.',
      ip: '192.0.2.1',
      userAgent: 'test',
      status: 'pending',
      heldReason: hold.reason,
    });
    expect(row!.createdAt.getTime()).toBe(now.getTime());
  });

  it('refuses the same words from the same email on the same story and parent', async () => {
    expect((await post()).kind).toBe('created');
    const later = new Date(now.getTime() + 60_000);
    expect((await post({}, later)).kind).toBe('duplicate');
    expect((await post({ body: 'Something else.' }, later)).kind).toBe('created');
  });

  it('takes the same words as a reply elsewhere in the thread as new', async () => {
    const first = await post();
    const parent = first.kind === 'created' ? first.id : 0;
    db.update(comments).set({ status: 'approved' }).where(eq(comments.id, parent)).run();
    const later = new Date(now.getTime() + 60_000);
    expect((await post({}, later, parent)).kind).toBe('created');
    expect((await post({}, new Date(later.getTime() + 60_000), parent)).kind).toBe('duplicate');
  });

  it('refuses a second comment from the same address or email within the flood interval', async () => {
    expect((await post()).kind).toBe('created');
    const soon = new Date(now.getTime() + 5_000);
    expect((await post({ body: 'Two.', email: 'other@example.com' }, soon)).kind).toBe('flood');
    expect((await post({ body: 'Three.', ip: '192.0.2.99' }, soon)).kind).toBe('flood');
    expect((await post({ body: 'Four.', email: 'other@example.com', ip: '192.0.2.99' }, soon)).kind).toBe('created');
    expect((await post({ body: 'Five.' }, new Date(now.getTime() + 16_000))).kind).toBe('created');
    expect((await post({ body: 'Six.' }, new Date(now.getTime() + 17_000), null, 0)).kind).toBe('created');
  });

  it('tells the rules whether this email already has an approved comment', async () => {
    const seen: boolean[] = [];
    const decide = (approved: boolean): Decision => {
      seen.push(approved);
      return approved ? { status: 'approved', reason: null } : hold;
    };
    const first = await insertComment({ articleId, parentId: null, fields: fields(), now, floodIntervalSeconds: 0 }, decide);
    db.update(comments).set({ status: 'approved' }).where(eq(comments.id, first.kind === 'created' ? first.id : 0)).run();
    const second = await insertComment({ articleId, parentId: null, fields: fields({ body: 'Again.' }), now, floodIntervalSeconds: 0 }, decide);
    expect(seen).toEqual([false, true]);
    expect(second).toMatchObject({ kind: 'created', status: 'approved' });
  });
});

describe('findArticleForComment', () => {
  it('finds a published story with its section, and nothing else', async () => {
    expect(await findArticleForComment(articleId)).toMatchObject({ id: articleId, slug: 'story', sectionSlug: 'news', commentsOpen: true });
    expect(await findArticleForComment(articleId + 1000)).toBeNull();
    db.update(articles).set({ status: 'draft' }).where(eq(articles.id, articleId)).run();
    expect(await findArticleForComment(articleId)).toBeNull();
    db.update(articles).set({ status: 'published' }).where(eq(articles.id, articleId)).run();
  });
});
