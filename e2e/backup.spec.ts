import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { e2eDatabasePath } from './env';
import { commentsByBody, expect, randomIp, serverActionId, test, type TestArticle } from './fixtures';

/** "Leave a Reply" as a browser without JavaScript posts it; true when the comment was saved (a redirect to it). */
async function postComment(request: APIRequestContext, article: TestArticle, actionId: string, body: string) {
  const response = await request.post(article.path, {
    headers: { 'X-Forwarded-For': randomIp() },
    multipart: {
      [`$ACTION_ID_${actionId}`]: '',
      articleId: String(article.id),
      parentId: '',
      name: 'Backup Reader',
      email: `backup.${crypto.randomUUID().slice(0, 12)}@example.com`,
      url: '',
      comment: body,
      token: '',
    },
    maxRedirects: 0,
  });
  return response.status() === 303 && /\/comments\/\d+$/.test(response.headers()['location'] ?? '');
}

/** `npm run backup -- FILE` against the database the e2e server is using. */
function runBackup(file: string) {
  const child = spawn('npx', ['tsx', 'scripts/backup.ts', file], {
    env: { ...process.env, DATABASE_PATH: e2eDatabasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('a backup taken while readers post comments is sound and holds every comment saved before it began', async ({ request, article, db }, testInfo) => {
  test.setTimeout(90_000);
  const actionId = serverActionId('app/(site)/[section]/[slug]/actions.ts', 'postComment');
  const run = crypto.randomUUID().slice(0, 8);

  const before = Array.from({ length: 24 }, (_, i) => `Posted before the backup ${i} ${run}`);
  const saved = await Promise.all(before.map((body) => postComment(request, article, actionId, body)));
  expect(saved.every(Boolean), 'every comment before the backup was saved').toBe(true);
  for (const body of before) expect(await commentsByBody(db, body)).toHaveLength(1);

  const file = testInfo.outputPath('broadsheet-backup.db');
  fs.rmSync(file, { force: true });
  const backup = runBackup(file);
  let finished = false;
  const done = () => {
    finished = true;
  };
  backup.then(done, done);

  // Readers keep posting, from four browsers at once, until the backup is done.
  const during: string[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async (_, reader) => {
      for (let i = 0; !finished && i < 200; i++) {
        const body = `Posted during the backup ${reader}.${i} ${run}`;
        during.push(body);
        await postComment(request, article, actionId, body);
      }
    }),
  );
  const { code, output } = await backup;
  expect(code, output).toBe(0);
  expect(output).toContain('integrity_check: ok');
  expect(during.length, 'comments posted while the backup ran').toBeGreaterThan(0);

  expect(fs.existsSync(`${file}-wal`), 'the backup is one self-contained file').toBe(false);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    const bodies = copy.prepare('SELECT body FROM comments WHERE article_id = ?').pluck().all(article.id) as string[];
    const missing = before.filter((body) => !bodies.includes(body));
    expect(missing, 'comments saved before the backup began but missing from it').toEqual([]);
    const known = new Set([...before, ...during]);
    expect(bodies.filter((body) => !known.has(body)), 'comments in the backup that nobody posted').toEqual([]);
    const articles = copy.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    expect(output).toContain(`articles: ${articles}`);
  } finally {
    copy.close();
  }
});
