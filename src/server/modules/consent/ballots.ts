import { and, eq, sql, type SQL } from 'drizzle-orm';
import { formatAreaM2 } from '../../../core/area.ts';
import { invalidAnswer } from '../../../core/consent/survey.ts';
import type { Ballot } from '../../../core/consent/tally.ts';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { type Actor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import {
  countFailure,
  throttleState,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../platform/throttle.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { storeScan } from '../files/service.ts';
import { liftProjects } from '../projects/schema.ts';
import { appendLedger, inLedgerTransaction } from './ledger.ts';
import { ballots, consultations, electorGroups, householdCodes } from './schema.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import type { ResidentView } from './contract.ts';
import { assertStaffOf, getConsultationRow, lockConsultation, type Consultation } from './service.ts';
import type { Visitor } from '../../platform/http.ts';

/*
 * Household codes are throttled on wrong answers only: a right code resolves whatever other
 * codes failed from the same address (a community centre's network, a carrier's shared IP), and
 * only an address over its hard ceiling is refused before its code is looked up. A wrong code
 * names no consultation, but each one is a guess at every consultation at once, so a ceiling on
 * wrong codes everywhere bounds the guessing against each (docs/architecture.md, Consent).
 */

/** Wrong codes from one address: 10 free, then a wait of 1, 2, 4 … s up to a minute that a wrong code's answer tells. */
export const CODE_THROTTLE: ThrottlePolicy = {
  kind: 'code',
  free: 10,
  maxWaitSeconds: 60,
  forgetAfterSeconds: 3600,
};
/** Wrong codes from one address (forgotten an hour after the last) beyond which every code from it is refused. */
export const CODE_CEILING = 500;
/** Wrong codes from everywhere in one minute beyond which an address past its free ones is refused every code. */
export const CODES_PER_MINUTE = 300;
/** Counts wrong codes from everywhere, one key per minute. */
const CODES_EVERYWHERE: ThrottlePolicy = {
  kind: 'codes-per-minute',
  free: 0,
  maxWaitSeconds: 0,
  forgetAfterSeconds: 120,
};
const minuteOf = (now: Date) => now.toISOString().slice(0, 16);

export interface BallotInput {
  choice?: Ballot | undefined;
  answers?: Record<string, string | string[]> | undefined;
}

export const wrongCode = () =>
  new AppError(
    404,
    'wrong_code',
    '户码不正确，请核对信上的户码后重试',
    'This code is not correct; please check the code on your letter',
    'code',
  );

const wrongCodeAndWait = (retryAfter: number) =>
  new AppError(
    429,
    'code_throttled',
    `户码不正确。输错次数过多，请 ${retryAfter} 秒后再试，或联系居委会`,
    `This code is not correct, and too many wrong codes came from here; try again in ${retryAfter} seconds or ask your residents' committee`,
    'code',
    { retryAfter },
  );

const codesRefused = (retryAfter: number) =>
  new AppError(
    429,
    'code_throttled',
    `此网络输错户码过多，请 ${retryAfter} 秒后再试，或联系居委会`,
    `Too many wrong codes came from this network; try again in ${retryAfter} seconds or ask your residents' committee`,
    'code',
    { retryAfter },
  );

/** What decides whether an address's code is looked up at all, read as columns of a query. */
export interface CodeGateState {
  fromAddress: ThrottleState | null;
  everywhere: ThrottleState | null;
}

/** The CodeGateState columns for a client address (a value or a column of the query). */
export const codeGateColumns = (address: string | SQL, now: Date) =>
  sql`${throttleState(CODE_THROTTLE, { address }, now)} as "fromAddress", ${throttleState(CODES_EVERYWHERE, { address: '', subject: minuteOf(now) }, now)} as "everywhere"`;

/**
 * Null when the address's code may be looked up; otherwise the refusal. The ceiling is hard
 * (a right code is refused too), and drops to the free wrong codes while codes are being guessed
 * everywhere, until that minute ends.
 */
export function codeGate({ fromAddress, everywhere }: CodeGateState, now: Date): AppError | null {
  const guessedEverywhere = (everywhere?.failures ?? 0) >= CODES_PER_MINUTE;
  const ceiling = guessedEverywhere ? CODE_THROTTLE.free : CODE_CEILING;
  if (!fromAddress || fromAddress.failures < ceiling) return null;
  return codesRefused(guessedEverywhere ? 60 - now.getUTCSeconds() : fromAddress.forgottenIn);
}

/** Refuses the code of an address over its ceiling, before it is looked up. */
async function gateCode(db: Queryable, { ip, now }: Visitor) {
  const [state] = rowsOf<CodeGateState>(await db.execute(sql`select ${codeGateColumns(ip, now)}`));
  const refused = codeGate(state!, now);
  if (refused) throw refused;
}

/** Counts a wrong code from the address and everywhere; the answer says it is wrong, and to wait when it must. */
async function countWrongCode(db: Queryable, { ip, now }: Visitor): Promise<AppError> {
  const fromAddress = await countFailure(db, CODE_THROTTLE, { address: ip }, now);
  await countFailure(db, CODES_EVERYWHERE, { address: '', subject: minuteOf(now) }, now);
  return fromAddress!.retryAfter > 0 ? wrongCodeAndWait(fromAddress!.retryAfter) : wrongCode();
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Finds the household of a code (by its MAC, code-keys.ts); a wrong code says so and nothing more. */
export async function resolveCode(db: Queryable, code: PresentedCode, visitor: Visitor) {
  await gateCode(db, visitor);
  const [row] = code.mac
    ? await db
        .select({ hc: householdCodes, g: electorGroups, c: consultations, projectName: liftProjects.name })
        .from(householdCodes)
        .innerJoin(electorGroups, eq(electorGroups.id, householdCodes.groupId))
        .innerJoin(consultations, eq(consultations.id, householdCodes.consultationId))
        .innerJoin(liftProjects, eq(liftProjects.id, consultations.projectId))
        .where(eq(householdCodes.codeMac, code.mac))
    : [];
  if (!row) throw await countWrongCode(db, visitor);
  return row;
}

/** What the resident page shows for a code. */
export async function residentView(
  db: Queryable,
  code: PresentedCode,
  visitor: Visitor,
): Promise<ResidentView> {
  const { hc, g, c, projectName } = await resolveCode(db, code, visitor);
  const [current] = await db.select().from(ballots).where(eq(ballots.groupId, g.id));
  const state = hc.revokedAt ? 'revoked' : c.status === 'closed' ? 'closed' : 'open';
  return {
    state,
    project: projectName,
    consultation: {
      kind: c.kind,
      title: c.title,
      question: c.question,
      documentsSummary: c.documentsSummary,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      questions: c.questions,
      ruleName: c.rule?.name ?? null,
    },
    // whoever holds a revoked (lost) letter may not be the owner: show nothing of the household
    household: state === 'revoked' ? null : { label: g.label, areaM2: formatAreaM2(g.areaCenti) },
    ballot:
      current && state !== 'revoked'
        ? {
            choice: current.choice,
            answers: current.answers,
            channel: current.channel,
            confirmed: current.confirmed,
            castAt: current.castAt,
            receipt: current.ledgerHash,
          }
        : null,
    explanation: explain(state),
  };
}

export const REVOKED = {
  zh: '这封信的户码已作废，居委会已为您补发新信，请使用新信上的户码。',
  en: 'The code on this letter has been cancelled and a new letter issued; please use the code on the new letter.',
};
export const CLOSED = {
  zh: '本次征询已结束，不能再投票。结果会在小区公示。',
  en: 'This consultation has closed; voting is no longer possible. The result will be posted in the estate.',
};

function explain(state: string) {
  if (state === 'revoked') return REVOKED;
  if (state === 'closed') return CLOSED;
  return null;
}

/** The vote's choice or the survey's answers, checked against the consultation. */
export function checkBallot(c: Pick<Consultation, 'kind' | 'questions'>, input: BallotInput) {
  if (c.kind === 'vote') {
    if (!input.choice)
      throw badInput('choice', '请选择同意、不同意或弃权', 'Choose agree, disagree or abstain');
    return { choice: input.choice, answers: null };
  }
  const answers = input.answers ?? {};
  const bad = invalidAnswer(c.questions ?? [], answers);
  if (bad) throw badInput(`answers.${bad}`, '回答不在选项之内', 'The answer is not one of the options');
  return { choice: null, answers };
}

interface StaffBallot {
  choice: Ballot | null;
  answers: Record<string, string | string[]> | null;
  channel: 'paper' | 'assisted' | 'proxy';
  recordedBy?: string | null;
  witness?: string | null;
  proxyName?: string | null;
  documentId?: string | null;
  documentSha256?: string | null;
  confirmed: boolean;
}

/** Writes a staff-entered ballot of an owner group (replacing an earlier one) and its ledger event. */
async function writeStaffBallot(tx: Tx, c: Consultation, groupId: string, b: StaffBallot, actor: Actor) {
  const [previous] = await tx.select().from(ballots).where(eq(ballots.groupId, groupId));
  const ledger = await appendLedger(
    tx,
    c.id,
    'staff_entry',
    {
      group: groupId,
      choice: b.choice,
      answers: b.answers,
      channel: b.channel,
      confirmed: b.confirmed,
      by: actor.name,
      witness: b.witness ?? null,
      proxy: b.proxyName ?? null,
      document: b.documentSha256 ?? null,
      replaces: previous?.ledgerHash ?? null,
    },
    actor.at,
  );
  const values = {
    consultationId: c.id,
    groupId,
    choice: b.choice,
    answers: b.answers,
    channel: b.channel,
    recordedBy: b.recordedBy ?? null,
    witness: b.witness ?? null,
    proxyName: b.proxyName ?? null,
    documentId: b.documentId ?? null,
    confirmed: b.confirmed,
    confirmedBy: null,
    ledgerHash: ledger.hash,
    castAt: actor.at,
  };
  await tx
    .insert(ballots)
    .values(values)
    .onConflictDoUpdate({ target: [ballots.consultationId, ballots.groupId], set: values });
  return { receipt: ledger.hash, seq: ledger.seq, changed: Boolean(previous) };
}

export interface StaffBallotInput extends BallotInput {
  groupId: string;
  channel: 'paper' | 'assisted' | 'proxy';
  witness?: string | undefined;
  proxyName?: string | undefined;
  scan: { name: string; content: Buffer };
}

/**
 * Staff record a paper, assisted or proxy ballot with the scanned form (or power of attorney).
 * With double entry a paper ballot counts only after a second staff member confirms it.
 */
export async function recordStaffBallot(db: Db, access: Access, id: string, input: StaffBallotInput) {
  return inLedgerTransaction(db, async (tx) => {
    const c0 = await getConsultationRow(tx, access, id);
    assertStaffOf(access, c0);
    const c = await lockConsultation(tx, id);
    if (c.status !== 'open')
      throw conflict(
        '征询未在进行中，不能录入选票',
        'The consultation is not open; ballots cannot be recorded',
      );
    const [group] = await tx
      .select()
      .from(electorGroups)
      .where(and(eq(electorGroups.id, input.groupId), eq(electorGroups.consultationId, id)));
    if (!group)
      throw badInput(
        'groupId',
        '该户不在本次征询的业主名册中',
        'This household is not in the electorate of this consultation',
      );
    if (input.channel === 'assisted' && !input.witness)
      throw badInput('witness', '代为录入须填写见证人', 'An assisted ballot needs a witness');
    if (input.channel === 'proxy' && !input.proxyName)
      throw badInput('proxyName', '委托投票须填写受托人', 'A proxy ballot needs the proxy’s name');
    const checked = checkBallot(c, input);
    const file = await storeScan(tx, access, {
      ...input.scan,
      ownerEntity: 'ballot',
      committeeId: c.committeeId,
      projectId: c.projectId,
    });
    const confirmed = !(c.doubleEntry && input.channel === 'paper');
    const result = await writeStaffBallot(
      tx,
      c,
      group.id,
      {
        ...checked,
        channel: input.channel,
        recordedBy: access.user.id,
        witness: input.witness ?? null,
        proxyName: input.proxyName ?? null,
        documentId: file.id,
        documentSha256: file.sha256,
        confirmed,
      },
      access.actor,
    );
    await recordAudit(tx, access.actor, {
      action: 'ballot_recorded',
      entity: 'consultation',
      entityId: id,
      projectId: c.projectId,
      ...auditScope(access, c.committeeId),
      after: {
        group: group.id,
        channel: input.channel,
        choice: checked.choice,
        confirmed,
        document: file.id,
      },
    });
    return { ...result, confirmed, documentId: file.id };
  });
}

/** The second staff member confirms a paper ballot; the one who entered it cannot. */
export async function confirmBallot(
  db: Db,
  access: Access,
  id: string,
  groupId: string,
  choice: Ballot | undefined,
) {
  return inLedgerTransaction(db, async (tx) => {
    const c0 = await getConsultationRow(tx, access, id);
    assertStaffOf(access, c0);
    const c = await lockConsultation(tx, id);
    if (c.status !== 'open') throw conflict('征询未在进行中', 'The consultation is not open');
    const [b] = await tx
      .select()
      .from(ballots)
      .where(and(eq(ballots.consultationId, id), eq(ballots.groupId, groupId)));
    if (!b || b.confirmed) throw notFound({ zh: '待确认的选票', en: 'Ballot awaiting confirmation' });
    if (b.recordedBy === access.user.id)
      throw conflict(
        '录入人不能确认自己录入的选票，请另一位工作人员核对',
        'The person who entered a ballot cannot confirm it; a second staff member must check it',
        'groupId',
      );
    if (c.kind === 'vote' && choice !== b.choice)
      throw conflict(
        '两次录入的选择不一致，请核对纸质选票',
        'The two entries differ; check the paper ballot',
        'choice',
      );
    const ledger = await appendLedger(
      tx,
      id,
      'confirmed',
      { group: groupId, choice: b.choice, by: access.user.username, confirms: b.ledgerHash },
      access.now,
    );
    await tx
      .update(ballots)
      .set({ confirmed: true, confirmedBy: access.user.id, ledgerHash: ledger.hash })
      .where(eq(ballots.id, b.id));
    await recordAudit(tx, access.actor, {
      action: 'ballot_confirmed',
      entity: 'consultation',
      entityId: id,
      projectId: c.projectId,
      ...auditScope(access, c.committeeId),
      after: { group: groupId },
    });
    return { receipt: ledger.hash };
  });
}
