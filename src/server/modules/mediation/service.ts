/**
 * Mediation (矛盾调解) of a project's disputes: cases with their parties, sessions (with the
 * governances they drew on), outcome and agreement; a case may come from an objection to a
 * notice, and settling the case settles the objection.
 */
import { OBJECTION_NOUN, type ObjectionStatus } from '../../../core/notices.ts';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { badInput, conflict, notFound } from '../../../core/errors.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { electorUnits } from '../consent/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { storeScan } from '../files/service.ts';
import { objections } from '../notices/schema.ts';
import { objectionRow, projectUnits } from '../notices/objections.ts';
import { nameFor } from '../notices/present.ts';
import { projectAudit, projectInScope, projectScope } from '../projects/service.ts';
import { liftProjects } from '../projects/schema.ts';
import type { CaseDetail, CaseListItem, MediationCase, MediationSession } from './contract.ts';
import { mediationCases, mediationParties, mediationSessions } from './schema.ts';
import {
  GOVERNANCE_LABELS,
  MEDIATION_KIND_LABELS,
  OUTCOME_LABELS,
  type Governance,
  type MediationKind,
  type Outcome,
  type PartyRole,
} from '../../../core/mediation.ts';

const CASE = { zh: '调解案件', en: 'Mediation case' };

type CaseRow = typeof mediationCases.$inferSelect;

export interface PartyInput {
  unitId?: string | undefined;
  name?: string | undefined;
  role?: PartyRole | undefined;
}

// ---------------------------------------------------------------- reading

function presentCase(
  c: CaseRow,
  agreement: { name: string; mime: string; size: number; sha256: string } | null = null,
): MediationCase {
  return {
    id: c.id,
    projectId: c.projectId,
    committeeId: c.committeeId,
    kind: c.kind,
    kindLabel: MEDIATION_KIND_LABELS[c.kind],
    title: c.title,
    description: c.description,
    sourceObjectionId: c.sourceObjectionId,
    sourceComplaint: c.sourceComplaint,
    outcome: c.outcome,
    outcomeLabel: OUTCOME_LABELS[c.outcome],
    outcomeNote: c.outcomeNote,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    agreement: c.agreementFileId ? { fileId: c.agreementFileId, ...agreement } : null,
    createdByName: c.createdByName,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

async function caseRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({ c: mediationCases, stairwellId: liftProjects.stairwellId })
    .from(mediationCases)
    .innerJoin(liftProjects, eq(liftProjects.id, mediationCases.projectId))
    .where(and(eq(mediationCases.id, id), projectScope(access)));
  if (!row) throw notFound(CASE);
  return row;
}

export interface CaseQuery {
  projectId?: string | undefined;
  committeeId?: string | undefined;
  status?: Outcome | undefined;
  page: number;
  pageSize: number;
}

/** Cases the caller sees, newest first; `status: 'open'` gives a committee's open cases. */
export async function listCases(
  db: Queryable,
  access: Access,
  q: CaseQuery,
): Promise<{ items: CaseListItem[]; total: number }> {
  const cond = and(
    projectScope(access),
    q.projectId ? eq(mediationCases.projectId, q.projectId) : undefined,
    q.committeeId ? eq(mediationCases.committeeId, q.committeeId) : undefined,
    q.status ? eq(mediationCases.outcome, q.status) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(mediationCases)
    .innerJoin(liftProjects, eq(liftProjects.id, mediationCases.projectId))
    .where(cond);
  const rows = await db
    .select({
      c: mediationCases,
      projectName: liftProjects.name,
      sessions: sql<number>`(select count(*)::int from ${mediationSessions} where ${mediationSessions.caseId} = ${mediationCases.id})`,
      lastSessionOn: sql<
        string | null
      >`(select max(${mediationSessions.heldOn})::text from ${mediationSessions} where ${mediationSessions.caseId} = ${mediationCases.id})`,
    })
    .from(mediationCases)
    .innerJoin(liftProjects, eq(liftProjects.id, mediationCases.projectId))
    .where(cond)
    .orderBy(desc(mediationCases.openedOn), desc(mediationCases.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      ...presentCase(r.c),
      projectName: r.projectName,
      sessionCount: r.sessions,
      lastSessionOn: r.lastSessionOn,
    })),
    total: total?.n ?? 0,
  };
}

export async function listProjectCases(
  db: Queryable,
  access: Access,
  projectId: string,
): Promise<CaseListItem[]> {
  await projectInScope(db, access, projectId);
  return (await listCases(db, access, { projectId, page: 1, pageSize: 500 })).items;
}

export async function getCase(db: Queryable, access: Access, id: string): Promise<CaseDetail> {
  const { c, stairwellId } = await caseRow(db, access, id);
  const parties = await db
    .select()
    .from(mediationParties)
    .where(eq(mediationParties.caseId, id))
    .orderBy(asc(mediationParties.position));
  const labels = await projectUnits(
    db,
    { id: c.projectId, stairwellId },
    parties.map((p) => p.unitId).filter((u): u is string => Boolean(u)),
  );
  const sessions = await db
    .select()
    .from(mediationSessions)
    .where(eq(mediationSessions.caseId, id))
    .orderBy(asc(mediationSessions.heldOn), asc(mediationSessions.createdAt));
  const [agreement] = c.agreementFileId
    ? await db
        .select({
          name: storedFiles.name,
          mime: storedFiles.mime,
          size: storedFiles.size,
          sha256: storedFiles.sha256,
        })
        .from(storedFiles)
        .where(eq(storedFiles.id, c.agreementFileId))
    : [];
  const [source] = c.sourceObjectionId
    ? await db.select().from(objections).where(eq(objections.id, c.sourceObjectionId))
    : [];
  const name = (n: string) => nameFor(access, n);
  return {
    ...presentCase(c, agreement ?? null),
    parties: parties.map((p) => ({
      id: p.id,
      unitId: p.unitId,
      unitLabel: p.unitId ? (labels.get(p.unitId) ?? null) : null,
      name: name(p.name),
      role: p.role,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.heldOn,
      notes: s.notes,
      governance: s.governance,
      governanceLabels: s.governance.map((g) => GOVERNANCE_LABELS[g]),
      attendees: s.attendees,
      byName: s.byName,
      createdAt: s.createdAt,
    })),
    sourceObjection: source
      ? {
          id: source.id,
          noticeId: source.noticeId,
          text: source.text,
          fromLabel: source.fromLabel,
          fromName: name(source.fromName),
          receivedOn: source.receivedOn,
          status: source.status,
        }
      : null,
  };
}

export async function agreementFile(db: Queryable, access: Access, id: string) {
  const { c } = await caseRow(db, access, id);
  const [row] = c.agreementFileId
    ? await db
        .select({ name: storedFiles.name, mime: storedFiles.mime, content: storedFiles.content })
        .from(storedFiles)
        .where(eq(storedFiles.id, c.agreementFileId))
    : [];
  if (!row) throw notFound({ zh: '调解协议', en: 'Agreement document' });
  return row;
}

// ---------------------------------------------------------------- writing

const audit = (
  access: Access,
  c: CaseRow,
  action: string,
  extra: { summary?: string; before?: unknown; after?: unknown } = {},
) => projectAudit(access, 'mediation_case', c, action, extra);

/** Parties checked against the project: a unit must be one of its units; a party needs a unit or a name. */
async function checkParties(
  tx: Queryable,
  project: { id: string; stairwellId: string },
  parties: PartyInput[],
) {
  const labels = await projectUnits(
    tx,
    project,
    parties.map((p) => p.unitId).filter((u): u is string => Boolean(u)),
  );
  parties.forEach((p, i) => {
    if (!p.unitId && !p.name)
      throw badInput(`parties.${i}`, '当事人须填写房屋或姓名', 'A party needs a unit or a name');
    if (p.unitId && !labels.has(p.unitId))
      throw badInput(`parties.${i}.unitId`, '该房屋不在本项目范围内', 'This unit is not within the project');
  });
  return parties.map((p, i) => ({
    position: i,
    unitId: p.unitId ?? null,
    name: p.name ?? '',
    role: p.role ?? ('other' as const),
  }));
}

export interface CaseInput {
  kind: MediationKind;
  title: string;
  description?: string | undefined;
  complaint?: string | undefined;
  openedOn?: string | undefined;
  parties?: PartyInput[] | undefined;
}

async function insertCase(
  tx: Tx,
  access: Access,
  project: { id: string; committeeId: string; stairwellId: string },
  input: CaseInput,
  sourceObjectionId: string | null,
) {
  const today = access.today;
  const openedOn = input.openedOn ?? today;
  if (openedOn > today)
    throw badInput('openedOn', '立案日期不能晚于今天', 'The opening date cannot be in the future');
  const parties = await checkParties(tx, project, input.parties ?? []);
  const [row] = await tx
    .insert(mediationCases)
    .values({
      projectId: project.id,
      committeeId: project.committeeId,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      sourceObjectionId,
      sourceComplaint: input.complaint ?? null,
      openedOn,
      createdByName: access.user.displayName,
    })
    .returning();
  if (parties.length)
    await tx.insert(mediationParties).values(parties.map((p) => ({ ...p, caseId: row!.id })));
  await recordAudit(
    tx,
    access.actor,
    audit(access, row!, 'create', { after: { ...presentCase(row!), parties: parties.length } }),
  );
  return row!;
}

/** A case opened by staff from a complaint (or any dispute they learn of). */
export async function createCase(
  db: Db,
  access: Access,
  input: CaseInput & { projectId: string },
): Promise<CaseDetail> {
  const id = await db.transaction(async (tx) => {
    const p = await projectInScope(tx, access, input.projectId, 'projectId');
    assertCanWriteCommittee(access, p.committeeId);
    return (await insertCase(tx, access, p, input, null)).id;
  });
  return getCase(db, access, id);
}

/**
 * An objection that is not settled goes to mediation: a case linked to it, with the objector
 * as the applicant; the objection counts as escalated while the case is open.
 */
export async function escalateObjection(
  db: Db,
  access: Access,
  objectionId: string,
  input: Partial<CaseInput>,
): Promise<CaseDetail> {
  const id = await db.transaction(async (tx) => {
    const { o, notice } = await objectionRow(tx, access, objectionId);
    assertCanWriteCommittee(access, o.committeeId);
    if (o.status === 'escalated')
      throw conflict('该异议已在调解中', 'This objection is already in mediation');
    if (o.status === 'settled' || o.status === 'withdrawn')
      throw conflict('该异议已经办结，无需调解', 'This objection is resolved; it needs no mediation');
    const p = await projectInScope(tx, access, o.projectId);
    // the objector: the unit staff named, or the first unit of the household whose code was used
    const [groupUnit] = o.fromGroupId
      ? await tx
          .select({ unitId: electorUnits.unitId })
          .from(electorUnits)
          .where(eq(electorUnits.groupId, o.fromGroupId))
          .limit(1)
      : [];
    const unitId = o.fromUnitId ?? groupUnit?.unitId;
    const objector: PartyInput = {
      unitId,
      name: o.fromName || (unitId ? undefined : o.fromLabel) || undefined,
      role: 'applicant',
    };
    const parties = input.parties ?? (objector.unitId || objector.name ? [objector] : []);
    const row = await insertCase(
      tx,
      access,
      p,
      {
        kind: input.kind ?? 'other',
        title: input.title ?? `${OBJECTION_NOUN[notice.kind].zh}调解：${notice.title}`,
        description: input.description ?? o.text,
        openedOn: input.openedOn,
        parties,
      },
      o.id,
    );
    await tx
      .update(objections)
      .set({ status: 'escalated', updatedAt: access.now })
      .where(eq(objections.id, o.id));
    await recordAudit(tx, access.actor, {
      action: 'escalate',
      entity: 'objection',
      entityId: o.id,
      projectId: o.projectId,
      ...auditScope(access, o.committeeId),
      summary: `异议转入调解：${row.title}`,
      before: { status: o.status },
      after: { status: 'escalated', caseId: row.id },
    });
    return row.id;
  });
  return getCase(db, access, id);
}

async function openCase(tx: Queryable, access: Access, id: string) {
  const found = await caseRow(tx, access, id);
  assertCanWriteCommittee(access, found.c.committeeId);
  if (found.c.outcome !== 'open')
    throw conflict('调解已结案，不能再修改', 'The case is closed and can no longer change');
  return found;
}

export async function updateCase(
  db: Db,
  access: Access,
  id: string,
  patch: Partial<Omit<CaseInput, 'openedOn'>>,
): Promise<CaseDetail> {
  await db.transaction(async (tx) => {
    const { c, stairwellId } = await openCase(tx, access, id);
    const [row] = await tx
      .update(mediationCases)
      .set({
        kind: patch.kind ?? c.kind,
        title: patch.title ?? c.title,
        description: patch.description ?? c.description,
        sourceComplaint: patch.complaint ?? c.sourceComplaint,
        updatedAt: access.now,
      })
      .where(eq(mediationCases.id, id))
      .returning();
    if (patch.parties) {
      const parties = await checkParties(tx, { id: c.projectId, stairwellId }, patch.parties);
      await tx.delete(mediationParties).where(eq(mediationParties.caseId, id));
      if (parties.length)
        await tx.insert(mediationParties).values(parties.map((p) => ({ ...p, caseId: id })));
    }
    await recordAudit(
      tx,
      access.actor,
      audit(access, row!, 'update', {
        before: presentCase(c),
        after: { ...presentCase(row!), parties: patch.parties?.length },
      }),
    );
  });
  return getCase(db, access, id);
}

export interface SessionInput {
  heldOn: string;
  notes: string;
  governance: Governance[];
  attendees?: string | undefined;
}

export async function addSession(
  db: Db,
  access: Access,
  id: string,
  input: SessionInput,
): Promise<MediationSession> {
  return db.transaction(async (tx) => {
    const { c } = await openCase(tx, access, id);
    if (input.heldOn > access.today)
      throw badInput('heldOn', '调解日期不能晚于今天', 'The session date cannot be in the future');
    if (input.heldOn < c.openedOn)
      throw badInput(
        'heldOn',
        `调解日期早于立案日期 ${c.openedOn}`,
        `The session date is before the case was opened (${c.openedOn})`,
      );
    const governance = [...new Set(input.governance)];
    const [row] = await tx
      .insert(mediationSessions)
      .values({
        caseId: id,
        heldOn: input.heldOn,
        notes: input.notes,
        governance,
        attendees: input.attendees ?? '',
        byName: access.user.displayName,
      })
      .returning();
    await tx.update(mediationCases).set({ updatedAt: access.now }).where(eq(mediationCases.id, id));
    await recordAudit(
      tx,
      access.actor,
      audit(access, c, 'session', {
        summary: `${c.title}：${input.heldOn} 调解（${governance.map((g) => GOVERNANCE_LABELS[g].zh).join('、')}）`,
        after: row,
      }),
    );
    return { ...row!, governanceLabels: governance.map((g) => GOVERNANCE_LABELS[g]) };
  });
}

/** The signed agreement (scan); a new upload replaces the link, the old file stays stored. */
export async function attachAgreement(
  db: Db,
  access: Access,
  id: string,
  file: { name: string; content: Buffer },
): Promise<CaseDetail> {
  await db.transaction(async (tx) => {
    const { c } = await caseRow(tx, access, id);
    assertCanWriteCommittee(access, c.committeeId);
    const stored = await storeScan(tx, access, {
      ...file,
      ownerEntity: 'mediation_case',
      committeeId: c.committeeId,
      projectId: c.projectId,
    });
    await tx
      .update(mediationCases)
      .set({ agreementFileId: stored.id, updatedAt: access.now })
      .where(eq(mediationCases.id, id));
    await recordAudit(
      tx,
      access.actor,
      audit(access, c, 'agreement', {
        summary: `${c.title}：上传调解协议`,
        before: { agreementFileId: c.agreementFileId },
        after: { agreementFileId: stored.id, file: stored },
      }),
    );
  });
  return getCase(db, access, id);
}

/** What closing a case does to the objection it came from. */
function objectionAfter(outcome: Exclude<Outcome, 'open'>, o: { answer: string | null }): ObjectionStatus {
  if (outcome === 'agreed') return 'settled';
  if (outcome === 'withdrawn') return 'withdrawn';
  return o.answer ? 'answered' : 'open';
}

/**
 * Closes a case with its outcome. A case that was mediated (agreed, partly agreed or failed)
 * needs at least one session; an agreed case settles its objection, a withdrawn one withdraws it,
 * and otherwise the objection is unresolved again (it may be answered or escalated anew).
 */
export async function closeCase(
  db: Db,
  access: Access,
  id: string,
  input: { outcome: Exclude<Outcome, 'open'>; note?: string | undefined; closedOn?: string | undefined },
): Promise<CaseDetail> {
  await db.transaction(async (tx) => {
    const { c } = await openCase(tx, access, id);
    const today = access.today;
    const closedOn = input.closedOn ?? today;
    if (closedOn > today)
      throw badInput('closedOn', '结案日期不能晚于今天', 'The closing date cannot be in the future');
    if (closedOn < c.openedOn)
      throw badInput(
        'closedOn',
        `结案日期早于立案日期 ${c.openedOn}`,
        `The closing date is before the case was opened (${c.openedOn})`,
      );
    if (input.outcome !== 'withdrawn') {
      const [sessions] = await tx
        .select({ n: count() })
        .from(mediationSessions)
        .where(eq(mediationSessions.caseId, id));
      if (!sessions?.n)
        throw conflict(
          '尚无调解记录，请先记录至少一次调解',
          'No session is recorded yet; record at least one mediation session first',
          'outcome',
        );
    }
    const [row] = await tx
      .update(mediationCases)
      .set({ outcome: input.outcome, outcomeNote: input.note ?? '', closedOn, updatedAt: access.now })
      .where(eq(mediationCases.id, id))
      .returning();
    await recordAudit(
      tx,
      access.actor,
      audit(access, c, 'close', {
        summary: `${c.title}：结案（${OUTCOME_LABELS[input.outcome].zh}）`,
        before: { outcome: c.outcome },
        after: { outcome: row!.outcome, note: row!.outcomeNote, closedOn },
      }),
    );
    if (!c.sourceObjectionId) return;
    const [o] = await tx
      .select()
      .from(objections)
      .where(and(eq(objections.id, c.sourceObjectionId), eq(objections.status, 'escalated')));
    if (!o) return;
    const status = objectionAfter(input.outcome, o);
    await tx
      .update(objections)
      .set({ status, settledAt: status === 'settled' ? access.now : null, updatedAt: access.now })
      .where(eq(objections.id, o.id));
    await recordAudit(tx, access.actor, {
      action: status === 'settled' ? 'settle' : 'mediation_closed',
      entity: 'objection',
      entityId: o.id,
      projectId: o.projectId,
      ...auditScope(access, o.committeeId),
      summary: `调解结案（${OUTCOME_LABELS[input.outcome].zh}），异议${status === 'settled' ? '已化解' : status === 'withdrawn' ? '已撤回' : '仍未化解'}`,
      before: { status: o.status },
      after: { status, caseId: id },
    });
  });
  return getCase(db, access, id);
}
