import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresMissingReason, startPostgres } from '../scripts/postgres-harness';

const missing = postgresMissingReason();

async function dataDirectory(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
  } finally {
    await client.end();
  }
}

describe.skipIf(missing)(`the throwaway PostgreSQL of scripts/postgres-harness.ts${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('serves a database with fsync off, makes more on request, and leaves nothing behind when stopped', async () => {
    const server = await startPostgres();
    const folder = await dataDirectory(server.url);
    const client = new pg.Client({ connectionString: await server.createDatabase('another') });
    await client.connect();
    expect((await client.query<{ fsync: string }>('SHOW fsync')).rows[0]!.fsync).toBe('off');
    await client.end();
    await server.stop();
    expect(fs.existsSync(folder)).toBe(false);
  }, 120_000);

  it('pauses like an outage and resumes on the same port with the same data', async () => {
    const server = await startPostgres();
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query('CREATE TABLE kept (n integer)');
      await client.query('INSERT INTO kept VALUES (7)');
      await client.end();
      await server.pause();
      const refused = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
      await expect(refused.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await server.resume();
      const again = new pg.Client({ connectionString: server.url });
      await again.connect();
      expect((await again.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 7 }]);
      await again.end();
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('as a command, prints a DATABASE_URL and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/postgres-harness.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /^DATABASE_URL=(\S+)$/m.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`the harness exited early: ${out}`)));
    });
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/broadsheet$/);
    const folder = await dataDirectory(url);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(fs.existsSync(folder)).toBe(false);
  }, 120_000);
});
