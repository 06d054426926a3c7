import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { wordpressFixturePath } from './wordpress-fixture';

/** `npm run import:wordpress` as a newsroom runs it, not on a terminal: one summary line, and exit codes a script can trust. */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'import-command-'));
const database = path.join(folder, 'b.db');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-wordpress.ts', ...args], {
    env: { ...process.env, DATABASE_PATH: database, MEDIA_PATH: path.join(folder, 'media') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
};
const storyCount = () => {
  const db = openDatabase(database);
  try {
    return db.$client.prepare('select count(*) as n from articles').get() as { n: number };
  } finally {
    db.$client.close();
  }
};

describe('npm run import:wordpress', () => {
  it('a dry run says what it would import and changes nothing; the import then does it, in one summary line each', () => {
    const dry = run(wordpressFixturePath(), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out.split('\n')).toEqual([expect.stringMatching(/^Would import from http:\/\/127\.0\.0\.1:8081: 1 new story, .*25 new comments.*\.$/)]);
    expect(storyCount().n).toBe(0);
    const real = run(wordpressFixturePath());
    expect(real.code).toBe(0);
    expect(real.out.split('\n')).toEqual([expect.stringMatching(/^Imported from http:\/\/127\.0\.0\.1:8081: 1 new story, 0 updated, 0 unchanged; 25 new comments/)]);
    expect(storyCount().n).toBe(1);
    expect(run(wordpressFixturePath()).out).toMatch(/0 new stories, 0 updated, 1 unchanged; 0 new comments, 0 updated, 25 unchanged/);
  }, 120_000);

  it('a file that is not an export exits 1 with the line and column; a missing file or a wrong command line exits 2', () => {
    const notXml = path.join(folder, 'notes.xml');
    fs.writeFileSync(notXml, 'Just some notes\n');
    const refused = run(notXml);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/notes\.xml: Line 1, column 1: this is not a WordPress export \(WXR\): it is not XML .*Nothing was imported\./);
    expect(run(path.join(folder, 'missing.xml'))).toMatchObject({ code: 2, err: expect.stringMatching(/There is no file/) });
    expect(run()).toMatchObject({ code: 2, err: expect.stringMatching(/^Usage: npm run import:wordpress -- FILE\.xml/) });
    expect(run(wordpressFixturePath(), '--media-from', path.join(folder, 'nowhere'))).toMatchObject({ code: 1, err: expect.stringMatching(/--media-from .*nowhere: .*Nothing was imported\./) });
  }, 120_000);
});
