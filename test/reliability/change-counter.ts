import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/platform/db/client.ts';

/**
 * Counts every row the app inserts, updates or deletes, in one counter a test reads before and
 * after a request: a refused request must leave it where it was. Row triggers, so a statement
 * that touches nothing counts nothing, and a write rolled back is uncounted with it.
 * `throttles` is left out: counting a refused credential is what it is for; so are updates of
 * `sessions` (the minute a session was last seen).
 */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export const UNCOUNTED_TABLES = ['throttles'];

export async function installChangeCounter(db: Db): Promise<() => Promise<number>> {
  await db.execute(sql`create table fuzz_changes (n bigint not null)`);
  await db.execute(sql`insert into fuzz_changes values (0)`);
  await db.execute(
    sql.raw(
      `create function fuzz_count() returns trigger language plpgsql as $$ begin update fuzz_changes set n = n + 1; return null; end $$`,
    ),
  );
  const tables = rowsOf<{ tablename: string }>(
    await db.execute(
      sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'fuzz_changes'`,
    ),
  );
  for (const { tablename } of tables.filter((t) => !UNCOUNTED_TABLES.includes(t.tablename))) {
    // a session's last_seen_at is kept (at most once a minute) on any request of it, refused or not: its sessions are counted when opened or ended
    const events = tablename === 'sessions' ? 'insert or delete' : 'insert or update or delete';
    await db.execute(
      sql.raw(
        `create trigger fuzz_count after ${events} on "${tablename}" for each row execute function fuzz_count()`,
      ),
    );
  }
  return async () =>
    Number(rowsOf<{ n: string | number }>(await db.execute(sql`select n from fuzz_changes`))[0]!.n);
}
