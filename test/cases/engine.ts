/**
 * What the shared data-layer cases (test/cases/) need from an engine beyond Drizzle's common calls:
 * making writes to a table fail (to see a transaction leave nothing behind) or slow (so that
 * concurrent transactions all reach their checks before any of them commits, as they would without
 * a lock). Both work through triggers, each engine's own.
 */
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Db } from '../../db/client';
import { articleAuthors, articles, authors, sections } from '../../db/schema';

export type Undo = () => Promise<void>;

export type EngineHooks = {
  name: 'sqlite' | 'postgres';
  /** Until undone, every insert into the table fails with the message. */
  failInserts(table: string, message: string): Promise<Undo>;
  /** Until undone, every insert and update of the table takes a while (PostgreSQL only: SQLite has one writer at a time anyway). */
  slowWrites?(table: string): Promise<Undo>;
};

export function sqliteHooks(database: Db): EngineHooks {
  return {
    name: 'sqlite',
    failInserts(table, message) {
      const trigger = `${table}_fails`;
      database.$client.exec(`CREATE TEMP TRIGGER ${trigger} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
      return Promise.resolve(() => {
        database.$client.exec(`DROP TRIGGER ${trigger}`);
        return Promise.resolve();
      });
    },
  };
}

export function postgresHooks(database: Db): EngineHooks {
  const execute = (statement: string) => (database as unknown as NodePgDatabase).execute(sql.raw(statement));
  const withTrigger = async (table: string, name: string, body: string, on = 'INSERT'): Promise<Undo> => {
    await execute(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NEW; END $$`);
    await execute(`CREATE TRIGGER ${name} BEFORE ${on} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await execute(`DROP TRIGGER ${name} ON ${table}`);
      await execute(`DROP FUNCTION ${name}()`);
    };
  };
  return {
    name: 'postgres',
    failInserts: (table, message) => withTrigger(table, `${table}_fails`, `RAISE EXCEPTION '${message}';`),
    slowWrites: (table) => withTrigger(table, `${table}_slow`, 'PERFORM pg_sleep(0.05);', 'INSERT OR UPDATE'),
  };
}

/** Runs `run` with the hook in place (failInserts), and undoes it after, whatever happens. */
export async function withHook(hook: Promise<Undo>, run: () => Promise<void>) {
  const undo = await hook;
  try {
    await run();
  } finally {
    await undo();
  }
}

/** Runs `run` with the table's writes slowed where the engine can (slowWrites); gives its result. */
export async function withSlowWrites<T>(hooks: EngineHooks, table: string, run: () => Promise<T>): Promise<T> {
  const undo = hooks.slowWrites ? await hooks.slowWrites(table) : null;
  try {
    return await run();
  } finally {
    await undo?.();
  }
}

/** One published story in section "news" by "Ed", on either engine; its id. */
export async function insertStory(database: Db, publishedAt: Date): Promise<number> {
  const [section] = await database.insert(sections).values({ slug: 'news', name: 'News' }).returning({ id: sections.id });
  const [author] = await database.insert(authors).values({ slug: 'ed', name: 'Ed' }).returning({ id: authors.id });
  const [article] = await database
    .insert(articles)
    .values({ slug: 'story', sectionId: section!.id, headline: 'A story', body: 'Text', status: 'published', publishedAt })
    .returning({ id: articles.id });
  await database.insert(articleAuthors).values({ articleId: article!.id, authorId: author!.id, position: 0 });
  return article!.id;
}

/** The error a promise rejects with, message and cause (Drizzle on PostgreSQL wraps the server's error as the cause). */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => {
      const { message, cause } = error as { message?: string; cause?: { message?: string } };
      return `${message ?? String(error)} ${cause?.message ?? ''}`;
    },
  );
}
