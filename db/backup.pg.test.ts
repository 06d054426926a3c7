import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { postgresMissing } from '../test/postgres';
import { backupDatabase, BackupError, postgresRefusal, restoreDatabase } from './backup';

describe.skipIf(postgresMissing)(`backup and restore with DATABASE_URL set${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`, () => {
  it('refuse, pointing to pg_dump and pg_restore, and copy nothing', async () => {
    expect(postgresRefusal('backup')).toMatch(/pg_dump --format=custom/);
    expect(postgresRefusal('restore')).toMatch(/pg_restore --clean/);
    await expect(backupDatabase('data/broadsheet.db', '/tmp/never-written.db')).rejects.toThrow(BackupError);
    await expect(restoreDatabase('/tmp/never-read.db', 'data/broadsheet.db')).rejects.toThrow(/PostgreSQL/);
  });

  it('as commands: exit 2 with the message', () => {
    for (const command of ['backup', 'restore']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${command}.ts`, '/tmp/some-file'], { encoding: 'utf8', env: process.env });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(command === 'backup' ? 'pg_dump' : 'pg_restore');
    }
  }, 30_000);
});
