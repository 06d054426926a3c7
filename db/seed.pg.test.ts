import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import slugify from '@sindresorhus/slugify';
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { postgresMissing, usePostgresDatabase } from '../test/postgres';
import { articles, articleTags, comments, sections, tags, users } from './schema';
import { clearContent, isEmpty, seed } from './seed';
import { loadSampleContent, sampleFolder } from './seed-content';

const content = loadSampleContent();
const storyFiles = fs.readdirSync(path.join(sampleFolder, 'stories')).filter((name) => name.endsWith('.md')).sort();

describe.skipIf(postgresMissing)(`the seed and its commands on PostgreSQL${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  const { db, url } = usePostgresDatabase();

  it('writes the stories in the order of their files, with their tags and approved sample comments; clearContent empties it', async () => {
    expect(await isEmpty(db)).toBe(true);
    await seed(db);
    expect(await isEmpty(db)).toBe(false);
    const rows = await db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(asc(articles.id));
    expect(rows.map((row) => `${String(row.id).padStart(2, '0')}-${row.slug}.md`)).toEqual(storyFiles);
    expect(await db.select({ slug: sections.slug }).from(sections).orderBy(asc(sections.position))).toEqual(content.sections.map(({ slug }) => ({ slug })));
    expect(await db.select({ slug: tags.slug }).from(tags)).toHaveLength(new Set(content.articles.flatMap((a) => a.tags.map((name) => slugify(name)))).size);
    expect(await db.select({ tagId: articleTags.tagId }).from(articleTags)).toHaveLength(content.articles.reduce((sum, a) => sum + a.tags.length, 0));
    const [written] = await db.select({ n: count() }).from(comments).where(eq(comments.status, 'approved'));
    expect(written!.n).toBe(content.articles.reduce((sum, a) => sum + (a.comments?.length ?? 0), 0));
    await clearContent(db);
    expect(await isEmpty(db)).toBe(true);
  });

  it('npm run db:seed and user:create work against DATABASE_URL', async () => {
    const env = { ...process.env, DATABASE_URL: url() };
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], { encoding: 'utf8', env });
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded the sample site into PostgreSQL database test_/);
    const again = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], { encoding: 'utf8', env });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has content/);
    const [sectionCount] = await db.select({ n: count() }).from(sections);
    expect(sectionCount!.n).toBe(content.sections.length);

    const created = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', '--email', 'ed@example.com', '--name', 'Ed', '--role', 'editor'], {
      encoding: 'utf8',
      env: { ...env, USER_PASSWORD: 'a long enough password' },
    });
    expect(created.status, created.stderr).toBe(0);
    expect(await db.select({ email: users.email, role: users.role }).from(users)).toEqual([{ email: 'ed@example.com', role: 'editor' }]);
  }, 60_000);
});
