/**
 * The ledger as people read it: staff browse a consultation's events (masked, searchable by
 * receipt number), and anyone holding a receipt number checks what the ledger recorded for it,
 * with nothing of who voted. A receipt number is a prefix of an event's hash
 * (core/consent/receipts.ts), found through the hash indexes of `ledger_events`.
 */
import { and, asc, desc, eq, inArray, like, lt, sql } from 'drizzle-orm';
import { BALLOT_KINDS, type LedgerKind } from '../../../core/consent/ledger.ts';
import { receiptOf } from '../../../core/consent/receipts.ts';
import { AppError } from '../../../core/errors.ts';
import { maskName } from '../../../core/privacy.ts';
import type { Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { Visitor } from '../../platform/http.ts';
import { countFailure, waitOf, type ThrottlePolicy } from '../../platform/throttle.ts';
import { liftProjects } from '../projects/schema.ts';
import type { LedgerEntry, LedgerPage, ReceiptCheck } from './contract.ts';
import { ballots, consultations, electorGroups, ledgerEvents } from './schema.ts';
import { getConsultationRow } from './service.ts';

type BallotKind = (typeof BALLOT_KINDS)[number];
type Channel = NonNullable<LedgerEntry['channel']>;

/** What the payload of an event may hold (consent/ballots.ts, household/online-ballots.ts, service.ts). */
interface Payload {
  group?: string;
  choice?: LedgerEntry['choice'];
  channel?: Channel;
  confirmed?: boolean;
  replaces?: string | null;
  confirms?: string;
}

const isBallotKind = (kind: string): kind is BallotKind => (BALLOT_KINDS as readonly string[]).includes(kind);
/** A confirmation is the second entry of a paper ballot; the others say their channel. */
const channelOf = (kind: string, p: Payload): Channel | null =>
  kind === 'confirmed' ? 'paper' : isBallotKind(kind) ? (p.channel ?? null) : null;

/** The household an event concerns (null for the opening and the closing). */
const groupOfEvent = sql<string | null>`(${ledgerEvents.payload}->>'group')::uuid`;

/** The events whose hash starts with `hex` (a receipt number, or its first digits). */
const hashStarts = (hex: string) => like(ledgerEvents.hash, `${hex}%`);

/**
 * A page of the consultation's ledger, newest first (keyset on seq, nothing counted), each event
 * with its household masked and the choice the tally shows; `receipt` keeps the events whose
 * receipt number starts with it.
 */
export async function ledgerPage(
  db: Queryable,
  access: Access,
  id: string,
  q: { receipt?: string | undefined; before?: number | undefined; limit: number },
): Promise<LedgerPage> {
  await getConsultationRow(db, access, id);
  const rows = await db
    .select({
      seq: ledgerEvents.seq,
      at: ledgerEvents.at,
      kind: ledgerEvents.kind,
      hash: ledgerEvents.hash,
      payload: ledgerEvents.payload,
      label: electorGroups.label,
      owners: electorGroups.owners,
    })
    .from(ledgerEvents)
    .leftJoin(
      electorGroups,
      and(eq(electorGroups.consultationId, ledgerEvents.consultationId), eq(electorGroups.id, groupOfEvent)),
    )
    .where(
      and(
        eq(ledgerEvents.consultationId, id),
        q.receipt ? hashStarts(q.receipt) : undefined,
        q.before ? lt(ledgerEvents.seq, q.before) : undefined,
      ),
    )
    .orderBy(desc(ledgerEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => {
      const p = r.payload as Payload;
      const earlier = p.replaces ?? p.confirms ?? null;
      return {
        seq: r.seq,
        at: r.at,
        kind: r.kind as LedgerKind,
        receipt: receiptOf(r.hash),
        hash: r.hash,
        household:
          r.label === null
            ? null
            : { label: r.label, ownersMasked: (r.owners ?? []).map((o) => maskName(o.name)!) },
        choice: isBallotKind(r.kind) ? (p.choice ?? null) : null,
        channel: channelOf(r.kind, p),
        needsCheck: r.kind === 'staff_entry' && p.confirmed === false,
        earlier: earlier ? receiptOf(earlier) : null,
      };
    }),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.seq : null,
  };
}

// ---------------------------------------------------------------- the public check

/**
 * Wrong receipt numbers from one address: 20 free, then a wait of 1, 2, 4 … s up to a minute
 * before the next is looked up. A receipt number is 64 bits, so the wait only keeps a script
 * from flooding the lookup; what a lucky guess would show is one vote, with nothing of who cast it.
 */
const RECEIPT_THROTTLE: ThrottlePolicy = {
  kind: 'receipt',
  free: 20,
  maxWaitSeconds: 60,
  forgetAfterSeconds: 3600,
};

const unknownReceipt = () =>
  new AppError(
    404,
    'unknown_receipt',
    '账本中没有这个回执号。请核对回执上的 16 位数字和字母，或联系居委会',
    'There is no such receipt number in the ledger. Check the 16 digits and letters on your receipt, or ask your residents’ committee',
    'receipt',
  );

const tooManyReceipts = (retryAfter: number) =>
  new AppError(
    429,
    'receipt_throttled',
    `从这里查询的回执号错误过多，请 ${retryAfter} 秒后再试`,
    `Too many wrong receipt numbers came from here; try again in ${retryAfter} seconds`,
    'receipt',
    { retryAfter },
  );

/**
 * What the ledger recorded for a receipt number: the consultation, when, how and which choice,
 * and whether it is still the household's ballot — never the household, its units or names.
 */
export async function checkReceipt(db: Queryable, hex: string, visitor: Visitor): Promise<ReceiptCheck> {
  const wait = await waitOf(db, RECEIPT_THROTTLE, { address: visitor.ip }, visitor.now);
  if (wait > 0) throw tooManyReceipts(wait);
  const [row] = await db
    .select({
      seq: ledgerEvents.seq,
      at: ledgerEvents.at,
      kind: ledgerEvents.kind,
      hash: ledgerEvents.hash,
      payload: ledgerEvents.payload,
      consultationId: ledgerEvents.consultationId,
      c: {
        kind: consultations.kind,
        title: consultations.title,
        status: consultations.status,
        closesOn: consultations.closesOn,
        closedAt: consultations.closedAt,
      },
      project: liftProjects.name,
      current: { hash: ballots.ledgerHash, confirmed: ballots.confirmed },
    })
    .from(ledgerEvents)
    .innerJoin(consultations, eq(consultations.id, ledgerEvents.consultationId))
    .innerJoin(liftProjects, eq(liftProjects.id, consultations.projectId))
    .leftJoin(
      ballots,
      and(eq(ballots.consultationId, ledgerEvents.consultationId), eq(ballots.groupId, groupOfEvent)),
    )
    .where(and(hashStarts(hex), inArray(ledgerEvents.kind, [...BALLOT_KINDS])))
    .orderBy(asc(ledgerEvents.id))
    .limit(1);
  if (!row) {
    await countFailure(db, RECEIPT_THROTTLE, { address: visitor.ip }, visitor.now);
    throw unknownReceipt();
  }
  const p = row.payload as Payload;
  const kind = row.kind as BallotKind;
  const mine = row.current?.hash === row.hash;
  // the household's ballot now, when it is another event: its confirmation, or a later ballot
  const [later] =
    row.current && !mine
      ? await db
          .select({ at: ledgerEvents.at, kind: ledgerEvents.kind, payload: ledgerEvents.payload })
          .from(ledgerEvents)
          .where(
            and(eq(ledgerEvents.consultationId, row.consultationId), eq(ledgerEvents.hash, row.current.hash)),
          )
      : [];
  const laterPayload = later?.payload as Payload | undefined;
  return {
    receipt: receiptOf(row.hash),
    project: row.project,
    consultation: row.c,
    entry: { seq: row.seq, at: row.at, kind, channel: channelOf(kind, p)!, choice: p.choice ?? null },
    standing: mine
      ? row.current!.confirmed
        ? 'current'
        : 'awaiting_check'
      : later?.kind === 'confirmed' && laterPayload?.confirms === row.hash
        ? 'confirmed'
        : 'replaced',
    later:
      later && laterPayload
        ? { at: later.at, kind: later.kind as BallotKind, channel: channelOf(later.kind, laterPayload)! }
        : null,
  };
}
