import { afterAll } from 'vitest';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { privacyCases } from './privacy.cases';

const db = openDatabase(':memory:');
runMigrations(db);
afterAll(() => db.$client.close());

privacyCases(db);
