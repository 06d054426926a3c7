import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sqliteHooks } from '@/test/cases/engine';
import type { Db } from './client';
import { runMigrations } from './migrate';
import { articles } from './schema';

vi.mock('server-only', () => ({}));
vi.mock('./client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./client')>();
  return { ...actual, db: actual.openDatabase(':memory:') };
});

const { db } = (await import('./client')) as { db: Db };
const { findArticleForComment } = await import('./articles');
const { commentCases } = await import('@/test/cases/comments');

runMigrations(db);
afterAll(() => db.$client.close());

const story = commentCases(db, () => sqliteHooks(db));

describe('findArticleForComment', () => {
  it('finds a published story with its section, and nothing else', async () => {
    const articleId = story.articleId();
    expect(await findArticleForComment(articleId)).toMatchObject({ id: articleId, slug: 'story', sectionSlug: 'news', commentsOpen: true });
    expect(await findArticleForComment(articleId + 1000)).toBeNull();
    db.update(articles).set({ status: 'draft' }).where(eq(articles.id, articleId)).run();
    expect(await findArticleForComment(articleId)).toBeNull();
    db.update(articles).set({ status: 'published' }).where(eq(articles.id, articleId)).run();
  });
});
