import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL migrations (`npm run db:generate:pg`); drizzle.config.ts is SQLite's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/broadsheet' },
});
