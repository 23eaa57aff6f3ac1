import { and, eq } from 'drizzle-orm';
import { invalidAnswer } from '../../../core/consent/survey.ts';
import type { Ballot } from '../../../core/consent/tally.ts';
import { badInput, conflict, notFound } from '../../../core/errors.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { type Actor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { storeScan } from '../files/service.ts';
import { appendLedger, inLedgerTransaction } from './ledger.ts';
import { ballots, electorGroups } from './schema.ts';
import { assertStaffOf, getConsultationRow, lockConsultation, type Consultation } from './service.ts';

export interface BallotInput {
  choice?: Ballot | undefined;
  answers?: Record<string, string | string[]> | undefined;
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
