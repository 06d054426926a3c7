import { afterAll } from 'vitest';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { wordpressJobCases } from './wordpress-jobs.cases';

const db = openDatabase(':memory:');
runMigrations(db);
afterAll(() => db.$client.close());

wordpressJobCases(db);
