import { sql } from 'drizzle-orm';
import { GENESIS_HASH, type LedgerEventBody } from '../../../core/consent/ledger.ts';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import { auditEvents } from '../audit/schema.ts';
import { householdActor } from '../../platform/actor.ts';
import type { Visitor } from '../../platform/http.ts';
import { committees } from '../registry/schema.ts';
import { checkBallot, type BallotInput } from '../consent/ballots.ts';
import { hashEvent, isLedgerRace } from '../consent/ledger.ts';
import { ballots, consultations, householdCodes, ledgerEvents } from '../consent/schema.ts';
import { codeGate, codeGateColumns, resolveCode, wrongCode, type CodeGateState } from './codes.ts';
import { CLOSED, REVOKED } from './vote.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import type { OnlineReceipt } from '../consent/contract.ts';
import type { Consultation } from '../consent/service.ts';

/*
 * Online ballots are the one write residents make in numbers, all at once when the letters
 * arrive. They are written in batches (group commit): while one batch is being written, the
 * ballots that arrive wait, then go together — one statement reads every code of the batch with
 * its consultation, the household's ballot and the chain's head; one statement appends every
 * ledger event, upserts the ballots and writes the audit rows. A quiet moment gives a batch of
 * one, so nobody waits for others. Ballots of one consultation are chained in arrival order
 * inside the batch, so they no longer collide with each other; a staff write (or another app
 * instance) that takes a chain position first makes the write fail on the unique
 * (consultation_id, seq), and the batch is read again and retried, seeing what it did.
 *
 * The next batch is read while the previous one is being written, and planned on top of what
 * that one will leave (its chain heads and its households' receipts). It is written only once
 * the previous write landed as planned; otherwise it is read and planned again.
 */

interface Pending {
  /** its MAC; null when it cannot be a code at all */
  code: PresentedCode;
  visitor: Visitor;
  input: BallotInput;
  resolve: (r: OnlineReceipt) => void;
  reject: (err: unknown) => void;
}

interface CodeRow extends CodeGateState {
  i: number;
  consultationId: string;
  projectId: string;
  streetId: string;
  status: Consultation['status'];
  kind: Consultation['kind'];
  committeeId: string;
  questions: Consultation['questions'];
  revokedAt: string | null;
  groupId: string;
  previousReceipt: string | null;
  lastSeq: number | null;
  lastHash: string | null;
}

/** Large enough to absorb a burst, small enough to keep one statement's parameters modest. */
const MAX_BATCH = 200;
const MAX_RACE_RETRIES = 20;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

class BallotQueue {
  private waiting: Pending[] = [];
  private draining = false;
  constructor(private readonly db: Db) {}

  submit(p: Pending) {
    this.waiting.push(p);
    if (!this.draining) void this.drain();
  }

  private async drain() {
    this.draining = true;
    let inFlight: { planned: Planned; landed: Promise<boolean> } | null = null;
    try {
      for (;;) {
        if (this.waiting.length === 0) {
          if (!inFlight) break;
          await inFlight.landed;
          inFlight = null;
          continue;
        }
        const batch = this.waiting.splice(0, MAX_BATCH);
        let planned = await readAndPlan(this.db, batch, inFlight?.planned.leaves);
        if (inFlight && !(await inFlight.landed)) planned = planned && (await readAndPlan(this.db, batch));
        inFlight = planned ? { planned, landed: writePlanned(this.db, planned) } : null;
      }
    } finally {
      this.draining = false;
    }
  }
}

const queues = new WeakMap<Db, BallotQueue>();

/**
 * A resident votes (or changes the vote) with their household code until closing; the answer
 * carries the receipt, the hash of the ballot's ledger event.
 */
export function castOnline(
  db: Db,
  code: PresentedCode,
  visitor: Visitor,
  input: BallotInput,
): Promise<OnlineReceipt> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new BallotQueue(db)));
  const q = queue;
  return new Promise((resolve, reject) => q.submit({ code, visitor, input, resolve, reject }));
}

/** Reads the batch's codes; the row of pending[i] has i. */
async function readCodes(db: Db, batch: Pending[]) {
  // the throttle is read as of when the batch's last ballot arrived
  const now = batch.at(-1)!.visitor.now;
  const wanted = batch.flatMap((p, i) => (p.code.mac ? [{ i, code_mac: p.code.mac, ip: p.visitor.ip }] : []));
  if (wanted.length === 0) return new Map<number, CodeRow>();
  const rows = rowsOf<CodeRow>(
    await db.execute(sql`
      select x.i, c.id as "consultationId", c.project_id as "projectId", cm.street_id as "streetId", c.status, c.kind, c.committee_id as "committeeId", c.questions,
             hc.revoked_at as "revokedAt", hc.group_id as "groupId", b.ledger_hash as "previousReceipt",
             l.seq as "lastSeq", l.hash as "lastHash",
             ${codeGateColumns(sql`x.ip`, now)}
      from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as x(i int, code_mac text, ip text)
      join ${householdCodes} hc on hc.code_mac = x.code_mac
      join ${consultations} c on c.id = hc.consultation_id
      join ${committees} cm on cm.id = c.committee_id
      left join ${ballots} b on b.consultation_id = hc.consultation_id and b.group_id = hc.group_id
      left join lateral (select e.seq, e.hash from ${ledgerEvents} e where e.consultation_id = c.id order by e.seq desc limit 1) l on true`),
  );
  return new Map(rows.map((r) => [r.i, r]));
}

type Outcome = { ok: OnlineReceipt } | { error: unknown } | { unknownCode: true };

interface Writes {
  events: (LedgerEventBody & { hash: string })[];
  ballots: Map<
    string,
    {
      consultation_id: string;
      group_id: string;
      choice: string | null;
      answers: unknown;
      ledger_hash: string;
      cast_at: string;
    }
  >;
  audits: {
    at: string;
    actor_name: string;
    action: string;
    entity_id: string;
    street_id: string;
    committee_id: string;
    project_id: string;
    after: unknown;
  }[];
}

/** What a written batch leaves: the chain heads and the households' receipts it changed. */
interface Leaves {
  heads: Map<string, { seq: number; hash: string }>;
  receipts: Map<string, string>;
}

interface Planned {
  batch: Pending[];
  outcomes: Outcome[];
  writes: Writes;
  leaves: Leaves;
}

/**
 * What each ballot of the batch becomes, chaining the ballots of one consultation in order,
 * on top of what the batch being written before it leaves (`after`).
 */
function planBatch(batch: Pending[], rows: Map<number, CodeRow>, after?: Leaves): Planned {
  const heads = new Map(after?.heads);
  const receipts = new Map<string, string | null>(after?.receipts);
  const leaves: Leaves = { heads: new Map(), receipts: new Map() };
  const writes: Writes = { events: [], ballots: new Map(), audits: [] };
  const outcomes: Outcome[] = batch.map((p, i) => {
    const row = rows.get(i);
    if (!row) return { unknownCode: true };
    try {
      const refused = codeGate(row, p.visitor.now);
      if (refused) throw refused;
      if (row.revokedAt) throw new AppError(410, 'code_revoked', REVOKED.zh, REVOKED.en, 'code');
      if (row.status !== 'open') throw new AppError(409, 'consultation_closed', CLOSED.zh, CLOSED.en, 'code');
      const checked = checkBallot(row, p.input);
      const head = heads.get(row.consultationId) ?? {
        seq: row.lastSeq ?? 0,
        hash: row.lastHash ?? GENESIS_HASH,
      };
      const previous = receipts.has(row.groupId) ? receipts.get(row.groupId)! : row.previousReceipt;
      const actorName = householdActor(row.groupId, p.visitor.now).name;
      const body: LedgerEventBody = {
        consultationId: row.consultationId,
        seq: head.seq + 1,
        kind: previous ? 'changed' : 'cast',
        // when the ballot arrived, not when its batch was written
        at: p.visitor.now.toISOString(),
        payload: {
          group: row.groupId,
          choice: checked.choice,
          answers: checked.answers,
          channel: 'online',
          confirmed: true,
          by: actorName,
          witness: null,
          proxy: null,
          document: null,
          replaces: previous,
        },
        prevHash: head.hash,
      };
      const hash = hashEvent(body);
      for (const m of [heads, leaves.heads]) m.set(row.consultationId, { seq: body.seq, hash });
      for (const m of [receipts, leaves.receipts]) m.set(row.groupId, hash);
      writes.events.push({ ...body, hash });
      // the household's last ballot of the batch is its ballot
      writes.ballots.set(row.groupId, {
        consultation_id: row.consultationId,
        group_id: row.groupId,
        choice: checked.choice,
        answers: checked.answers,
        ledger_hash: hash,
        cast_at: body.at,
      });
      writes.audits.push({
        at: body.at,
        actor_name: actorName,
        action: previous ? 'ballot_changed' : 'ballot_cast',
        entity_id: row.consultationId,
        street_id: row.streetId,
        committee_id: row.committeeId,
        project_id: row.projectId,
        after: { group: row.groupId, channel: 'online', receipt: hash },
      });
      return { ok: { receipt: hash, seq: body.seq, changed: Boolean(previous), castAt: body.at } };
    } catch (error) {
      return { error };
    }
  });
  return { batch, outcomes, writes, leaves };
}

/**
 * One statement: the ledger events, the ballots and the audit rows, all or nothing. It first
 * takes a key-share lock on each consultation, in id order, so a staff transaction holding one
 * (close, revoke, a staff entry: FOR UPDATE) is waited for before any chain position is taken;
 * afterwards the position is found taken (a unique violation, read again), never a deadlock.
 * Rows go in in consultation order, so two instances' batches cannot deadlock either.
 */
async function write(db: Db, w: Writes) {
  const events = w.events.map((e) => ({
    consultation_id: e.consultationId,
    seq: e.seq,
    kind: e.kind,
    at: e.at,
    payload: e.payload,
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
  const consultationIds = [...new Set(events.map((e) => e.consultation_id))];
  const result = await db.execute(sql`
    with locked as (
      select c.id from ${consultations} c where c.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(consultationIds)}::jsonb))
      order by c.id for key share),
    ledger as (
      insert into ${ledgerEvents} (consultation_id, seq, kind, at, payload, prev_hash, hash)
      select x.consultation_id, x.seq, x.kind, x.at, x.payload, x.prev_hash, x.hash
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(consultation_id uuid, seq int, kind text, at text, payload jsonb, prev_hash text, hash text)
      join locked on locked.id = x.consultation_id
      order by x.consultation_id, x.seq
      returning 1),
    ballot as (
      insert into ${ballots} (consultation_id, group_id, choice, answers, channel, confirmed, ledger_hash, cast_at)
      select x.consultation_id, x.group_id, x.choice, x.answers, 'online', true, x.ledger_hash, x.cast_at
      from jsonb_to_recordset(${JSON.stringify([...w.ballots.values()])}::jsonb) as x(consultation_id uuid, group_id uuid, choice text, answers jsonb, ledger_hash text, cast_at timestamptz)
      join locked on locked.id = x.consultation_id
      order by x.consultation_id, x.group_id
      on conflict (consultation_id, group_id) do update set choice = excluded.choice, answers = excluded.answers, channel = 'online',
        recorded_by = null, witness = null, proxy_name = null, document_id = null, confirmed = true, confirmed_by = null,
        ledger_hash = excluded.ledger_hash, cast_at = excluded.cast_at
      returning 1),
    audit as (
      insert into ${auditEvents} (at, actor_name, action, entity, entity_id, street_id, committee_id, project_id, after)
      select x.at, x.actor_name, x.action, 'consultation', x.entity_id, x.street_id, x.committee_id, x.project_id, x.after
      from jsonb_to_recordset(${JSON.stringify(w.audits)}::jsonb) as x(at timestamptz, actor_name text, action text, entity_id text, street_id uuid, committee_id uuid, project_id uuid, after jsonb)
      join locked on locked.id::text = x.entity_id
      returning 1)
    select (select count(*)::int from ledger) as events, (select count(*)::int from ballot) as ballots, (select count(*)::int from audit) as audits`);
  const [counts] = rowsOf<{ events: number; ballots: number; audits: number }>(result);
  // a consultation that vanished would drop its rows silently: the batch is written afresh instead
  if (
    counts?.events !== events.length ||
    counts.ballots !== w.ballots.size ||
    counts.audits !== w.audits.length
  )
    throw new Error(`ballot batch wrote ${JSON.stringify(counts)} of ${events.length} events`);
}

/** Reads and plans a batch; a failed read fails its ballots (null). */
async function readAndPlan(db: Db, batch: Pending[], after?: Leaves): Promise<Planned | null> {
  try {
    return planBatch(batch, await readCodes(db, batch), after);
  } catch (err) {
    for (const p of batch) p.reject(err);
    return null;
  }
}

/**
 * Writes a planned batch and settles its ballots; true when it landed as planned. Otherwise
 * (a chain position taken meanwhile, or an error) the batch is written afresh.
 */
async function writePlanned(db: Db, planned: Planned): Promise<boolean> {
  if (planned.writes.events.length > 0) {
    try {
      await write(db, planned.writes);
    } catch {
      await writeAfresh(db, planned.batch);
      return false;
    }
  }
  // the answers need not hold up the next batch (a wrong code costs a few queries of its own)
  void settle(db, planned);
  return true;
}

/** Reads, plans and writes a batch until no concurrent writer is in the way; never throws. */
async function writeAfresh(db: Db, batch: Pending[]): Promise<void> {
  let planned: Planned;
  try {
    for (let attempt = 0; ; attempt++) {
      planned = planBatch(batch, await readCodes(db, batch));
      if (planned.writes.events.length === 0) break;
      try {
        await write(db, planned.writes);
        break;
      } catch (err) {
        if (isLedgerRace(err) && attempt < MAX_RACE_RETRIES) continue;
        throw err;
      }
    }
  } catch (err) {
    // not a race: write the ballots one by one, so only the one at fault fails
    if (batch.length > 1) {
      for (const p of batch) await writeAfresh(db, [p]);
      return;
    }
    batch[0]!.reject(err);
    return;
  }
  await settle(db, planned);
}

async function settle(db: Db, { batch, outcomes }: Planned) {
  for (const [i, p] of batch.entries()) {
    const o = outcomes[i]!;
    if ('ok' in o) p.resolve(o.ok);
    else if ('error' in o) p.reject(o.error);
    // refuses an address over its ceiling, or counts the wrong code and says so
    else await resolveCode(db, p.code, p.visitor).then(() => p.reject(wrongCode()), p.reject);
  }
}
