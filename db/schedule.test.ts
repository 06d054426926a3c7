import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { scheduleCases } from './schedule.cases';

// A file, not memory: two connections stand for two app servers on one database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-schedule-'));
const file = path.join(dir, 'schedule.db');
const first = openDatabase(file);
runMigrations(first);
const second = openDatabase(file);
afterAll(async () => {
  first.$client.close();
  second.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

scheduleCases(() => ({ first, second }));
