import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/platform/db/client.ts';

/**
 * An empty store for a benchmark: PGlite (in memory, or on disk in a temporary directory as a
 * real street would run it), or the PostgreSQL database of `url`, emptied first, so only one
 * whose name ends in _bench or _test is accepted.
 */
export async function freshStore(
  url: string | undefined,
  pglite: 'memory' | 'disk' = 'memory',
): Promise<Database> {
  if (!url)
    return openDatabase({
      dataDir: pglite === 'memory' ? 'memory://' : mkdtempSync(path.join(tmpdir(), 'jw-bench-')),
    });
  const name = new URL(url).pathname.slice(1);
  if (!/_(bench|test)$/.test(name))
    throw new Error(`refusing to empty database “${name}”: use one whose name ends in _bench or _test`);
  const database = await openDatabase({ databaseUrl: url });
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`create schema public`);
  return database;
}
