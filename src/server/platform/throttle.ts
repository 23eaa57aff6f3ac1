import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './db/client.ts';
import { throttles } from './db/platform-schema.ts';

/**
 * How failures of one kind of credential (a password, a household code) are slowed. Each key
 * counts its failures in one row of `throttles`, changed by one atomic upsert, so concurrent
 * attempts are counted one after another and cannot all pass, on one instance or many.
 */
export interface ThrottlePolicy {
  kind: string;
  /** failures that cost no wait */
  free: number;
  /** each failure beyond the free ones doubles the wait, from 1 s up to this */
  maxWaitSeconds: number;
  /** a key without a failure for this long starts again from nothing */
  forgetAfterSeconds: number;
}

/** Whom a count is about: an address ('' for everywhere) and what was tried ('' for anything). */
export interface ThrottleKey {
  address: string;
  subject?: string;
}

export interface Counted {
  failures: number;
  /** seconds until the key may try again; 0 when it may now */
  retryAfter: number;
}

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;
const forgottenBefore = (p: ThrottlePolicy, now: Date) =>
  sql`(${at(now)} - make_interval(secs => ${p.forgetAfterSeconds}))`;
/** The wait after `n` failures: none for the free ones, then 1, 2, 4 … s up to the policy's maximum. */
const waitAfter = (p: ThrottlePolicy, n: SQL) =>
  sql`make_interval(secs => case when ${n} <= ${p.free} then 0 else least(power(2, least(${n} - ${p.free} - 1, 30)), ${p.maxWaitSeconds}) end)`;
const secondsUntil = (then: Date, now: Date) =>
  Math.max(0, Math.ceil((then.getTime() - now.getTime()) / 1000));
/** The key's row; without an address, the subject's rows from every address. */
const keyOf = (p: ThrottlePolicy, key: Partial<ThrottleKey>) =>
  and(
    eq(throttles.kind, p.kind),
    key.address === undefined ? undefined : eq(throttles.address, key.address),
    eq(throttles.subject, key.subject ?? ''),
  )!;

/**
 * Counts a failure of `key`. With `unlessWaiting` nothing is counted while the key must wait
 * (null then): an attempt takes its place this way before the credential is checked, so of
 * concurrent attempts only those the policy allows are checked at all.
 */
export async function countFailure(
  db: Queryable,
  p: ThrottlePolicy,
  key: ThrottleKey,
  now: Date,
  opts: { unlessWaiting?: boolean } = {},
): Promise<Counted | null> {
  const forgotten = sql`${throttles.lastFailureAt} <= ${forgottenBefore(p, now)}`;
  const failures = sql`(case when ${forgotten} then 1 else ${throttles.failures} + 1 end)`;
  const [row] = await db
    .insert(throttles)
    .values({
      kind: p.kind,
      address: key.address,
      subject: key.subject ?? '',
      failures: 1,
      nextAllowedAt: sql`${at(now)} + ${waitAfter(p, sql`1`)}`,
      lastFailureAt: now,
    })
    .onConflictDoUpdate({
      target: [throttles.kind, throttles.address, throttles.subject],
      set: { failures, nextAllowedAt: sql`${at(now)} + ${waitAfter(p, failures)}`, lastFailureAt: now },
      // a key whose failures are still free is not waiting, whatever the timestamps say: a
      // concurrent attempt that read the clock a moment before the last one counted must pass
      ...(opts.unlessWaiting
        ? {
            setWhere: sql`${throttles.failures} <= ${p.free} or ${throttles.nextAllowedAt} <= ${at(now)} or ${forgotten}`,
          }
        : {}),
    })
    .returning({ failures: throttles.failures, nextAllowedAt: throttles.nextAllowedAt });
  if (!row) return null;
  // a key starting afresh sweeps away the forgotten ones of its kind, skipping any another
  // transaction holds (waiting for it could deadlock with a login's two rows)
  if (row.failures === 1)
    await db.execute(sql`delete from ${throttles} where (kind, address, subject) in (select kind, address, subject from ${throttles}
      where kind = ${p.kind} and last_failure_at <= ${forgottenBefore(p, now)} for update skip locked)`);
  return { failures: row.failures, retryAfter: secondsUntil(row.nextAllowedAt, now) };
}

/** Seconds a key must still wait (0 when it need not): for saying when a refused attempt may come back. */
export async function waitOf(db: Queryable, p: ThrottlePolicy, key: ThrottleKey, now: Date): Promise<number> {
  const [row] = await db
    .select({ nextAllowedAt: throttles.nextAllowedAt })
    .from(throttles)
    .where(keyOf(p, key));
  return row ? secondsUntil(row.nextAllowedAt, now) : 0;
}

/**
 * Forgets failures: all of a key's (a success, an unlock; without an address, from everywhere),
 * or the one an attempt counted for itself before it succeeded. Returns how many keys changed.
 */
export async function forgive(
  db: Queryable,
  p: ThrottlePolicy,
  key: Partial<ThrottleKey>,
  how: 'all' | 'one',
): Promise<number> {
  const changed =
    how === 'all'
      ? await db.delete(throttles).where(keyOf(p, key)).returning({ kind: throttles.kind })
      : await db
          .update(throttles)
          .set({ failures: sql`greatest(${throttles.failures} - 1, 0)` })
          .where(keyOf(p, key))
          .returning({ kind: throttles.kind });
  return changed.length;
}

/** A key's failures not yet forgotten, and in how many seconds they will be. */
export interface ThrottleState {
  failures: number;
  forgottenIn: number;
}

/** A key's ThrottleState as a value in a query (null when it has none); the address may be a column. */
export const throttleState = (
  p: ThrottlePolicy,
  key: { address: string | SQL; subject?: string },
  now: Date,
) =>
  sql<ThrottleState | null>`(select json_build_object('failures', t.failures, 'forgottenIn', ceil(extract(epoch from t.last_failure_at - ${forgottenBefore(p, now)}))::int)
    from ${throttles} t where t.kind = ${p.kind} and t.address = ${key.address} and t.subject = ${key.subject ?? ''} and t.last_failure_at > ${forgottenBefore(p, now)})`;
