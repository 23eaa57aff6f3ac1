/** Inserts and updates of many rows, in chunks a statement's parameter limit allows. */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './client.ts';

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const WRITE_CHUNK = 1000;

export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function insertInChunks(tx: Queryable, table: PgTable, rows: object[]) {
  for (const chunk of chunks(rows, WRITE_CHUNK)) await tx.insert(table).values(chunk);
}

type ColumnsOf<R> = Partial<Record<keyof R, PgColumn>>;

/**
 * Updates many rows in one statement per chunk: `update … from (values …)`, each value cast to
 * its column's type. `keys` and `fields` map the row's property names to the columns that find
 * the row and to the columns they set.
 */
export async function updateInChunks<R>(
  tx: Queryable,
  table: PgTable,
  keys: ColumnsOf<R>,
  fields: ColumnsOf<R>,
  rows: R[],
) {
  const [keyEntries, fieldEntries] = [keys, fields].map(
    (m) => Object.entries(m) as [keyof R & string, PgColumn][],
  ) as [[keyof R & string, PgColumn][], [keyof R & string, PgColumn][]];
  const entries = [...keyEntries, ...fieldEntries];
  const alias = sql.identifier('v');
  const target = sql.identifier(getTableName(table));
  const valueOf = (col: PgColumn) => sql`${alias}.${sql.identifier(col.name)}::${sql.raw(col.getSQLType())}`;
  const columnList = sql.join(
    entries.map(([, col]) => sql.identifier(col.name)),
    sql`, `,
  );
  const stamp = 'updatedAt' in getTableColumns(table) ? [sql`"updated_at" = now()`] : [];
  const assignments = sql.join(
    [...fieldEntries.map(([, col]) => sql`${sql.identifier(col.name)} = ${valueOf(col)}`), ...stamp],
    sql`, `,
  );
  const match = sql.join(
    keyEntries.map(([, col]) => sql`${target}.${sql.identifier(col.name)} = ${valueOf(col)}`),
    sql` and `,
  );
  for (const chunk of chunks(rows, WRITE_CHUNK)) {
    const values = sql.join(
      chunk.map(
        (row) =>
          sql`(${sql.join(
            entries.map(([key]) => sql`${row[key]}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update ${target} set ${assignments} from (values ${values}) as ${alias} (${columnList}) where ${match}`,
    );
  }
}
