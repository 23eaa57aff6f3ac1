import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import {
  GENESIS_HASH,
  ledgerMessage,
  type LedgerEventBody,
  type LedgerKind,
} from '../../../core/consent/ledger.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { ledgerEvents } from './schema.ts';

/**
 * True for the unique violation of a chain position taken by a concurrent writer, and for a
 * deadlock PostgreSQL broke between two writers (the ballot batches take their locks in order so
 * as not to cause one; retrying is right either way).
 */
export function isLedgerRace(err: unknown) {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = e.cause ?? e;
  return (
    (c.code === '23505' && (c.constraint === 'ledger_events_seq' || c.constraint === undefined)) ||
    c.code === '40P01'
  );
}

/**
 * A transaction that appends to a ledger, retried when a concurrent writer took the same chain
 * position (the resident ballot path appends without taking the consultation lock).
 */
export async function inLedgerTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (!isLedgerRace(err) || attempt >= 20) throw err;
    }
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const hashEvent = (e: LedgerEventBody) => sha256(ledgerMessage(e));

/**
 * Appends one event to the consultation's chain. The caller holds the consultation row lock
 * (SELECT … FOR UPDATE) in the same transaction, so events of one consultation are strictly
 * ordered and no two get the same seq.
 */
export async function appendLedger(
  tx: Queryable,
  consultationId: string,
  kind: LedgerKind,
  payload: Record<string, unknown>,
  at: Date,
) {
  const [last] = await tx
    .select({ seq: ledgerEvents.seq, hash: ledgerEvents.hash })
    .from(ledgerEvents)
    .where(eq(ledgerEvents.consultationId, consultationId))
    .orderBy(desc(ledgerEvents.seq))
    .limit(1);
  const body: LedgerEventBody = {
    consultationId,
    seq: (last?.seq ?? 0) + 1,
    kind,
    at: at.toISOString(),
    payload: JSON.parse(JSON.stringify(payload)) as unknown,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashEvent(body);
  await tx.insert(ledgerEvents).values({ ...body, hash });
  return { seq: body.seq, hash };
}

export interface LedgerVerdict {
  ok: boolean;
  events: number;
  headHash: string;
  /** the first event that does not match, and why */
  firstBad?: { seq: number; reason: 'hash_mismatch' | 'broken_link' | 'gap' };
}

/** Recomputes every hash and link of the chain. */
export async function verifyLedger(db: Queryable, consultationId: string): Promise<LedgerVerdict> {
  const rows = await db
    .select()
    .from(ledgerEvents)
    .where(eq(ledgerEvents.consultationId, consultationId))
    .orderBy(asc(ledgerEvents.seq));
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1)
      return { ok: false, events: rows.length, headHash: prev, firstBad: { seq: i + 1, reason: 'gap' } };
    if (r.prevHash !== prev)
      return {
        ok: false,
        events: rows.length,
        headHash: prev,
        firstBad: { seq: r.seq, reason: 'broken_link' },
      };
    const expected = hashEvent({
      consultationId: r.consultationId,
      seq: r.seq,
      kind: r.kind,
      at: r.at,
      payload: r.payload,
      prevHash: r.prevHash,
    });
    if (expected !== r.hash)
      return {
        ok: false,
        events: rows.length,
        headHash: prev,
        firstBad: { seq: r.seq, reason: 'hash_mismatch' },
      };
    prev = r.hash;
  }
  return { ok: true, events: rows.length, headHash: prev };
}
