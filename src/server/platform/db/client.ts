import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

// No relational-query schema: every query names its tables, so the platform imports no module's
// (the tables are gathered for drizzle-kit in src/server/schema.ts).
type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** where it lives, for logs: a directory, "memory" or the URL without password */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../../db/migrations');

export interface OpenOptions {
  /** postgres://… — when set, PostgreSQL is used */
  databaseUrl?: string;
  /** PGlite data directory; "memory://" for a throwaway in-memory store (tests) */
  dataDir?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      location: opts.databaseUrl.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@'),
      migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS }),
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? './data';
  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (dataDir.startsWith('memory://')) {
    client = new PGlite();
  } else {
    const dir = path.resolve(dataDir);
    // owner only: the store holds owners' ID numbers and phones, and by default the key file sits beside it
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // PGlite has no lock between processes: two servers on one directory would corrupt it.
    lock = acquireDataDirLock(dir);
    try {
      client = new PGlite(path.join(dir, 'pg'));
      await client.waitReady;
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}
