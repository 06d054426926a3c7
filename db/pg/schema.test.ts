import { type Column, getTableName, is, SQL } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { integer, getTableConfig as sqliteTableConfig, SQLiteTable, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../sqlite/schema';
import * as pgSchema from './schema';

/**
 * What PostgreSQL has and SQLite does not, on purpose: the search document (SQLite's is the FTS5
 * index of migrations 0003/0009, outside schema.ts), the byline names it is made from, its index.
 */
const pgOnlyColumns = pgSchema.postgresOnlyColumns;
const pgOnlyIndexes = ['articles_search_idx'];

type AnyConfig = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function describeColumn(column: Column) {
  const identity = 'autoIncrement' in column ? column.autoIncrement === true : 'generatedIdentity' in column && column.generatedIdentity !== undefined;
  return {
    /** What Drizzle hands back: 'number', 'string', 'boolean', 'date', 'json'. */
    dataType: column.dataType,
    enumValues: column.enumValues ?? null,
    notNull: column.notNull,
    primary: column.primary,
    unique: column.isUnique,
    identity,
    // A default SQL expression (the time now) differs in spelling by engine; a plain value must not.
    default: is(column.default, SQL) ? 'an SQL expression' : (column.default ?? null),
  };
}

function describeTable(config: AnyConfig) {
  const columns = Object.fromEntries(
    config.columns.filter((column) => !pgOnlyColumns.includes(`${config.name}.${column.name}`)).map((column) => [column.name, describeColumn(column)]),
  );
  const primaryKeys = config.primaryKeys.map((key) => key.columns.map((column) => column.name));
  const indexes = config.indexes
    .filter((index) => !pgOnlyIndexes.includes(index.config.name ?? ''))
    .map((index) => ({
      name: index.config.name,
      unique: index.config.unique,
      columns: index.config.columns.map((column) => ('name' in column ? column.name : String(column))),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const foreignKeys = config.foreignKeys
    .map((key) => {
      const { columns, foreignColumns } = key.reference();
      return {
        columns: columns.map((column) => column.name),
        references: `${getTableName(foreignColumns[0]!.table)}(${foreignColumns.map((column) => column.name).join(', ')})`,
        onDelete: key.onDelete ?? 'no action',
        onUpdate: key.onUpdate ?? 'no action',
      };
    })
    .sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
  const uniqueConstraints = config.uniqueConstraints.map((constraint) => constraint.columns.map((column) => column.name));
  return { columns, primaryKeys, indexes, foreignKeys, uniqueConstraints };
}

/** Every table a schema module exports, by its export name. */
function tablesOf(schema: Record<string, unknown>, configOf: (table: never) => AnyConfig) {
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([, value]) => is(value, SQLiteTable) || is(value, PgTable))
      .map(([exportName, table]) => [exportName, configOf(table as never)]),
  );
}

const sqliteTables = tablesOf(sqliteSchema, sqliteTableConfig as (table: never) => AnyConfig);
const pgTables = tablesOf(pgSchema, pgTableConfig as (table: never) => AnyConfig);

describe('db/pg/schema.ts mirrors db/schema.ts', () => {
  it('exports the same tables under the same names', () => {
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(20);
    const names = (tables: Record<string, AnyConfig>) => Object.entries(tables).map(([exportName, config]) => `${exportName}: ${config.name}`).sort();
    expect(names(pgTables)).toEqual(names(sqliteTables));
  });

  it.each(Object.keys(sqliteTables))('%s: the same columns (types as JavaScript sees them, nullability, defaults), keys, indexes and foreign keys', (name) => {
    expect(describeTable(pgTables[name]!)).toEqual(describeTable(sqliteTables[name]!));
  });

  it('keeps the search document on PostgreSQL alone, generated and GIN-indexed', () => {
    const config = pgTableConfig(pgSchema.articles);
    const search = config.columns.find((column) => column.name === 'search');
    expect(search?.generated?.type).toBe('always');
    expect(config.indexes.find((index) => index.config.name === 'articles_search_idx')?.config.method).toBe('gin');
  });

  it('tells a table with one more column from its twin', () => {
    const one = sqliteTable('t', { id: integer('id').primaryKey(), a: text('a') });
    const other = sqliteTable('t', { id: integer('id').primaryKey(), a: text('a'), b: text('b') });
    expect(describeTable(sqliteTableConfig(other))).not.toEqual(describeTable(sqliteTableConfig(one)));
  });
});
