import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { formatAreaM2 } from '../../../core/area.ts';
import { codeFromRandom, normaliseCode } from '../../../core/consent/codes.ts';
import { findRule, type ConsentRule } from '../../../core/consent/rules.ts';
import { DEFAULT_SURVEY_QUESTIONS, type SurveyQuestion } from '../../../core/consent/survey.ts';
import type { SurveyPurpose } from '../../../core/followup.ts';
import {
  additionalAgreeNeeded,
  countBallots,
  evaluate,
  groupUnits,
  type GroupBallot,
  type OwnerGroup,
} from '../../../core/consent/tally.ts';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors.ts';
import { maskName } from '../../../core/privacy.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { projectScope } from '../projects/service.ts';
import { liftProjects } from '../projects/schema.ts';
import { buildings, persons, stairwells, unitOwners, units } from '../registry/schema.ts';
import type { CodeKeys } from '../../platform/code-keys.ts';
import type { ConsultationDetail, TallyGroup } from './contract.ts';
import { appendLedger, inLedgerTransaction, verifyLedger, type LedgerVerdict } from './ledger.ts';
import { ballots, consultations, electorGroups, electorUnits, householdCodes } from './schema.ts';

export const CONSULTATION = { zh: '征询', en: 'Consultation' };

export type Consultation = typeof consultations.$inferSelect;

export const newHouseholdCode = () => {
  const bytes = randomBytes(64);
  let i = 0;
  return codeFromRandom(() => (i < bytes.length ? bytes[i++]! : randomBytes(1)[0]!));
};

/** A new code for a household, as it is stored: its MAC and its sealed form, never in clear. */
export function issueCode(keys: CodeKeys, consultationId: string, groupId: string) {
  const code = newHouseholdCode();
  return {
    code,
    row: {
      consultationId,
      groupId,
      codeMac: keys.mac(normaliseCode(code)!),
      codeSealed: keys.seal(code, { consultationId, groupId }),
    },
  };
}

// ---------------------------------------------------------------- reading

/** A consultation the caller may see (through its project). */
export async function getConsultationRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({ c: consultations })
    .from(consultations)
    .innerJoin(liftProjects, eq(liftProjects.id, consultations.projectId))
    .where(and(eq(consultations.id, id), projectScope(access)));
  if (!row) throw notFound(CONSULTATION);
  return row.c;
}

/** Locks the consultation row for this transaction: ballots and ledger appends queue behind it. */
export async function lockConsultation(tx: Tx, id: string) {
  const [row] = await tx.select().from(consultations).where(eq(consultations.id, id)).for('update');
  if (!row) throw notFound(CONSULTATION);
  return row;
}

export async function listConsultations(db: Queryable, access: Access, projectId: string) {
  const [project] = await db
    .select({ id: liftProjects.id })
    .from(liftProjects)
    .where(and(eq(liftProjects.id, projectId), projectScope(access)));
  if (!project) throw notFound({ zh: '加装电梯项目', en: 'Lift project' });
  const rows = await db
    .select({
      c: consultations,
      electors: sql<number>`(select count(*)::int from ${electorGroups} where ${electorGroups.consultationId} = ${consultations.id})`,
      ballots: sql<number>`(select count(*)::int from ${ballots} where ${ballots.consultationId} = ${consultations.id} and ${ballots.confirmed})`,
    })
    .from(consultations)
    .innerJoin(liftProjects, eq(liftProjects.id, consultations.projectId))
    .where(and(eq(consultations.projectId, projectId), projectScope(access)))
    .orderBy(desc(consultations.createdAt));
  return rows.map((r) => ({ ...present(r.c), electors: r.electors, ballotsCast: r.ballots }));
}

/** A consultation the caller may see, as the API shows it. */
export async function getConsultation(db: Queryable, access: Access, id: string) {
  return present(await getConsultationRow(db, access, id));
}

/** Recomputes the chain of a consultation the caller may see. */
export async function checkLedger(db: Queryable, access: Access, id: string): Promise<LedgerVerdict> {
  await getConsultationRow(db, access, id);
  return verifyLedger(db, id);
}

/** The consultation as the API shows it (no internal columns). */
export function present(c: Consultation): ConsultationDetail {
  return {
    id: c.id,
    projectId: c.projectId,
    committeeId: c.committeeId,
    kind: c.kind,
    purpose: c.purpose,
    title: c.title,
    question: c.question,
    documentsSummary: c.documentsSummary,
    rule: c.rule,
    questions: c.questions,
    scopeKind: c.scopeKind,
    scopeId: c.scopeId,
    status: c.status,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    doubleEntry: c.doubleEntry,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    result: c.result,
  };
}

// ---------------------------------------------------------------- drafting

export interface ConsultationInput {
  projectId: string;
  kind: 'survey' | 'vote';
  title: string;
  question: string;
  documentsSummary?: string | undefined;
  ruleId?: string | undefined;
  customRule?: ConsentRule | undefined;
  questions?: SurveyQuestion[] | undefined;
  scopeKind: 'stairwell' | 'building' | 'estate';
  opensOn?: string | undefined;
  closesOn?: string | undefined;
  doubleEntry?: boolean | undefined;
}

function chooseRule(input: {
  kind: string;
  ruleId?: string | undefined;
  customRule?: ConsentRule | undefined;
}): ConsentRule | null {
  if (input.kind !== 'vote') return null;
  if (input.customRule) return input.customRule;
  if (!input.ruleId) throw badInput('ruleId', '表决须选择表决规则', 'A vote needs a voting rule');
  const rule = findRule(input.ruleId);
  if (!rule) throw badInput('ruleId', `未知的表决规则：${input.ruleId}`, `Unknown rule: ${input.ruleId}`);
  return rule;
}

async function scopeIdFor(tx: Queryable, stairwellId: string, kind: ConsultationInput['scopeKind']) {
  if (kind === 'stairwell') return stairwellId;
  const [row] = await tx
    .select({ buildingId: stairwells.buildingId, estateId: buildings.estateId })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(eq(stairwells.id, stairwellId));
  return kind === 'building' ? row!.buildingId : row!.estateId;
}

export async function createConsultation(db: Db, access: Access, input: ConsultationInput) {
  return db.transaction(async (tx) => {
    const [project] = await tx
      .select()
      .from(liftProjects)
      .where(and(eq(liftProjects.id, input.projectId), projectScope(access)));
    if (!project) throw badInput('projectId', '找不到该项目', 'No such project in your scope');
    assertCanWriteCommittee(access, project.committeeId);
    return present(await insertDraft(tx, access, project, input));
  });
}

/**
 * Writes a draft consultation of a project the caller may write (checked by the caller, in whose
 * transaction it runs), with its audit row. A survey is a willingness survey unless said otherwise.
 */
export async function insertDraft(
  tx: Tx,
  access: Access,
  project: typeof liftProjects.$inferSelect,
  input: Omit<ConsultationInput, 'projectId'>,
  purpose: SurveyPurpose = 'willingness',
) {
  if (input.opensOn && input.closesOn && input.closesOn < input.opensOn)
    throw badInput('closesOn', '截止日期早于开始日期', 'The closing date is before the opening date');
  const [row] = await tx
    .insert(consultations)
    .values({
      projectId: project.id,
      committeeId: project.committeeId,
      kind: input.kind,
      purpose,
      title: input.title,
      question: input.question,
      documentsSummary: input.documentsSummary ?? '',
      rule: chooseRule(input),
      questions: input.kind === 'survey' ? (input.questions ?? DEFAULT_SURVEY_QUESTIONS) : null,
      scopeKind: input.scopeKind,
      scopeId: await scopeIdFor(tx, project.stairwellId, input.scopeKind),
      opensOn: input.opensOn ?? null,
      closesOn: input.closesOn ?? null,
      doubleEntry: input.doubleEntry ?? false,
    })
    .returning();
  await recordAudit(tx, access.actor, {
    action: 'create',
    entity: 'consultation',
    entityId: row!.id,
    projectId: project.id,
    ...auditScope(access, project.committeeId),
    after: present(row!),
  });
  return row!;
}

export async function updateDraft(
  db: Db,
  access: Access,
  id: string,
  patch: Partial<Omit<ConsultationInput, 'projectId' | 'kind'>>,
) {
  return db.transaction(async (tx) => {
    const before = await getConsultationRow(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    if (before.status !== 'draft')
      throw conflict(
        '征询已开始，不能修改内容',
        'The consultation is open; its content can no longer change',
      );
    const { ruleId, customRule, scopeKind, ...rest } = patch;
    const values: Partial<Consultation> = { ...rest, updatedAt: access.now };
    if (ruleId || customRule) values.rule = chooseRule({ kind: before.kind, ruleId, customRule });
    if (scopeKind) {
      const [project] = await tx.select().from(liftProjects).where(eq(liftProjects.id, before.projectId));
      values.scopeKind = scopeKind;
      values.scopeId = await scopeIdFor(tx, project!.stairwellId, scopeKind);
    }
    const [row] = await tx.update(consultations).set(values).where(eq(consultations.id, id)).returning();
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'consultation',
      entityId: id,
      projectId: before.projectId,
      ...auditScope(access, before.committeeId),
      ...changedFields(present(before), present(row!)),
    });
    return present(row!);
  });
}

// ---------------------------------------------------------------- opening: freeze the electorate

async function unitsInScope(tx: Queryable, c: Consultation) {
  const cond =
    c.scopeKind === 'stairwell'
      ? eq(units.stairwellId, c.scopeId)
      : c.scopeKind === 'building'
        ? eq(stairwells.buildingId, c.scopeId)
        : eq(buildings.estateId, c.scopeId);
  const rows = await tx
    .select({
      id: units.id,
      stairwellId: units.stairwellId,
      floor: units.floor,
      room: units.room,
      areaCenti: units.areaCenti,
      stairwell: stairwells.name,
      building: buildings.name,
    })
    .from(units)
    .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(cond)
    .orderBy(asc(buildings.name), asc(stairwells.name), asc(units.floor), asc(units.room));
  const owners = rows.length
    ? await tx
        .select({ unitId: unitOwners.unitId, personId: persons.id, name: persons.name })
        .from(unitOwners)
        .innerJoin(persons, eq(persons.id, unitOwners.personId))
        .where(
          inArray(
            unitOwners.unitId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({ ...r, owners: owners.filter((o) => o.unitId === r.id) }));
}

/**
 * Opens the consultation: the electorate (units, owner groups, areas) is frozen from the
 * registry as it stands, one household code is issued per owner group, and the ledger starts.
 */
export async function openConsultation(db: Db, access: Access, id: string, keys: CodeKeys) {
  return db.transaction(async (tx) => {
    const c = await getConsultationRow(tx, access, id);
    assertCanWriteCommittee(access, c.committeeId);
    await lockConsultation(tx, id);
    if (c.status !== 'draft')
      throw conflict('征询已经开始或结束', 'The consultation is already open or closed');
    if (c.kind === 'vote' && !c.rule)
      throw badInput('ruleId', '表决须选择表决规则', 'A vote needs a voting rule');
    return present(await openLocked(tx, access, c, keys));
  });
}

/**
 * Opens a draft the caller has locked and may write, in the caller's transaction: the electorate
 * frozen, a code per owner group, the ledger's first event and the audit row.
 */
export async function openLocked(tx: Tx, access: Access, c: Consultation, keys: CodeKeys) {
  const id = c.id;
  const electorate = await unitsInScope(tx, c);
  if (!electorate.length)
    throw conflict(
      '范围内没有登记的房屋，无法开始征询',
      'There are no registered units in scope; nothing to consult',
    );
  const groups = groupUnits(
    electorate.map((u) => ({ id: u.id, areaCenti: u.areaCenti, owners: u.owners.map((o) => o.personId) })),
  );
  const byId = new Map(electorate.map((u) => [u.id, u]));
  const groupRows = groups.map((g) => {
    const first = byId.get(g.unitIds[0]!)!;
    const owners = first.owners
      .map((o) => ({ personId: o.personId, name: o.name }))
      .sort((a, b) => a.personId.localeCompare(b.personId));
    const rooms = g.unitIds.map((u) => `${byId.get(u)!.room}室`).join('、');
    const where = c.scopeKind === 'stairwell' ? '' : `${first.building}${first.stairwell} `;
    return {
      consultationId: id,
      groupKey: g.key,
      owners,
      areaCenti: g.areaCenti,
      label: `${where}${rooms}`,
    };
  });
  const inserted = await tx
    .insert(electorGroups)
    .values(groupRows)
    .returning({ id: electorGroups.id, groupKey: electorGroups.groupKey });
  const groupIdByKey = new Map(inserted.map((g) => [g.groupKey, g.id]));
  await tx.insert(electorUnits).values(
    groups.flatMap((g) =>
      g.unitIds.map((unitId) => {
        const u = byId.get(unitId)!;
        return {
          consultationId: id,
          groupId: groupIdByKey.get(g.key)!,
          unitId,
          stairwellId: u.stairwellId,
          floor: u.floor,
          room: u.room,
          areaCenti: u.areaCenti,
        };
      }),
    ),
  );
  await tx.insert(householdCodes).values(inserted.map((g) => issueCode(keys, id, g.id).row));
  const totalArea = groups.reduce((s, g) => s + g.areaCenti, 0);
  const ledger = await appendLedger(
    tx,
    id,
    'open',
    {
      rule: c.rule,
      heads: groups.length,
      areaCenti: totalArea,
      electorate: groups.map((g) => ({
        group: groupIdByKey.get(g.key),
        units: g.unitIds,
        areaCenti: g.areaCenti,
      })),
    },
    access.now,
  );
  const [row] = await tx
    .update(consultations)
    .set({ status: 'open', openedAt: access.now, updatedAt: access.now })
    .where(eq(consultations.id, id))
    .returning();
  await recordAudit(tx, access.actor, {
    action: 'open',
    entity: 'consultation',
    entityId: id,
    projectId: c.projectId,
    ...auditScope(access, c.committeeId),
    after: { heads: groups.length, areaM2: formatAreaM2(totalArea), ledgerHash: ledger.hash },
  });
  return row!;
}

// ---------------------------------------------------------------- the tally

/** A household of the frozen electorate with its ballot, as the tally counts it. */
type CountedGroup = Omit<TallyGroup, 'areaM2'>;

async function groupsWithBallots(db: Queryable, consultationId: string): Promise<CountedGroup[]> {
  const rows = await db
    .select({ g: electorGroups, b: ballots })
    .from(electorGroups)
    .leftJoin(ballots, eq(ballots.groupId, electorGroups.id))
    .where(eq(electorGroups.consultationId, consultationId))
    .orderBy(asc(electorGroups.label));
  return rows.map(({ g, b }) => ({
    id: g.id,
    label: g.label,
    ownersMasked: g.owners.map((o) => maskName(o.name)!),
    areaCenti: g.areaCenti,
    ballot: b?.confirmed ? (b.choice ?? null) : null,
    pending: Boolean(b && !b.confirmed),
    answered: Boolean(b?.confirmed),
    channel: b?.channel ?? null,
  }));
}

const asOwnerGroup = (g: CountedGroup): OwnerGroup => ({
  key: g.id,
  unitIds: [],
  owners: [],
  areaCenti: g.areaCenti,
});

/** Counts, thresholds, outcome and how many more must agree, from the frozen electorate. */
export function computeTally(rule: ConsentRule | null, groups: CountedGroup[]) {
  const gb: GroupBallot[] = groups.map((g) => ({ group: asOwnerGroup(g), ballot: g.ballot }));
  const counts = countBallots(gb);
  const answered = groups.filter((g) => g.answered).length;
  if (!rule) return { counts, answered, outcome: null, needed: null };
  const outcome = evaluate(rule, counts);
  const needed = additionalAgreeNeeded(rule, gb);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return {
    counts,
    answered,
    outcome,
    needed: {
      count: needed.count,
      candidates: needed.groups
        .map((g) => byId.get(g.key)!)
        .map(({ id, label, ownersMasked, areaCenti, ballot }) => ({
          id,
          label,
          ownersMasked,
          areaM2: formatAreaM2(areaCenti),
          ballot,
        })),
    },
  };
}

export async function getTally(db: Queryable, access: Access, id: string) {
  const c = await getConsultationRow(db, access, id);
  const groups = await groupsWithBallots(db, id);
  const unitRows = await db
    .select()
    .from(electorUnits)
    .where(eq(electorUnits.consultationId, id))
    .orderBy(asc(electorUnits.floor), asc(electorUnits.room));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  return {
    consultation: present(c),
    ...computeTally(c.rule, groups),
    groups: groups.map((g) => ({ ...g, areaM2: formatAreaM2(g.areaCenti) })),
    units: unitRows.map((u) => {
      const g = groupById.get(u.groupId)!;
      return {
        unitId: u.unitId,
        stairwellId: u.stairwellId,
        groupId: u.groupId,
        floor: u.floor,
        room: u.room,
        areaM2: formatAreaM2(u.areaCenti),
        ballot: g.ballot,
        pending: g.pending,
        answered: g.answered,
      };
    }),
  };
}

/** Survey replies counted per question and option (free text listed). */
export async function surveyResults(db: Queryable, access: Access, id: string) {
  const c = await getConsultationRow(db, access, id);
  if (c.kind !== 'survey') throw badInput('id', '这不是意向征询', 'This consultation is not a survey');
  const rows = await db
    .select({ answers: ballots.answers })
    .from(ballots)
    .where(and(eq(ballots.consultationId, id), eq(ballots.confirmed, true)));
  return { replies: rows.length, questions: countAnswers(c.questions ?? [], rows) };
}

/** Replies counted per question and option; free texts listed (a survey's results, a follow-up's). */
export function countAnswers(
  questions: readonly SurveyQuestion[],
  rows: readonly { answers: Record<string, string | string[]> | null }[],
) {
  return questions.map((q) => {
    const values = rows.map((r) => r.answers?.[q.id]).filter((v) => v !== undefined);
    if (q.kind === 'text')
      return {
        id: q.id,
        kind: q.kind,
        text: q.text,
        texts: values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''),
      };
    const counts = Object.fromEntries((q.options ?? []).map((o) => [o.id, 0]));
    for (const v of values)
      for (const choice of Array.isArray(v) ? v : [v]) if (choice in counts) counts[choice]! += 1;
    return { id: q.id, kind: q.kind, text: q.text, options: q.options, counts };
  });
}

// ---------------------------------------------------------------- closing

export async function closeConsultation(db: Db, access: Access, id: string) {
  return inLedgerTransaction(db, async (tx) => {
    const c = await getConsultationRow(tx, access, id);
    assertCanWriteCommittee(access, c.committeeId);
    await lockConsultation(tx, id);
    if (c.status !== 'open')
      throw conflict('只有进行中的征询可以结束', 'Only an open consultation can be closed');
    const groups = await groupsWithBallots(tx, id);
    const tally = computeTally(c.rule, groups);
    const pending = groups.filter((g) => g.pending).length;
    const result = { ...tally, pendingUnconfirmed: pending, ruleId: c.rule?.id ?? null };
    const ledger = await appendLedger(
      tx,
      id,
      'close',
      { counts: tally.counts, outcome: tally.outcome, pendingUnconfirmed: pending },
      access.now,
    );
    const [row] = await tx
      .update(consultations)
      .set({
        status: 'closed',
        closedAt: access.now,
        result: { ...result, ledgerHeadHash: ledger.hash },
        updatedAt: access.now,
      })
      .where(eq(consultations.id, id))
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'close',
      entity: 'consultation',
      entityId: id,
      projectId: c.projectId,
      ...auditScope(access, c.committeeId),
      after: { outcome: tally.outcome, counts: tally.counts, ledgerHash: ledger.hash },
    });
    return present(row!);
  });
}

// ---------------------------------------------------------------- codes

/** A consultation's active codes with their households, decrypted (no access check: callers check). */
export async function activeCodes(db: Queryable, keys: CodeKeys, consultationId: string) {
  const rows = await db
    .select({
      groupId: electorGroups.id,
      label: electorGroups.label,
      owners: electorGroups.owners,
      sealed: householdCodes.codeSealed,
    })
    .from(householdCodes)
    .innerJoin(electorGroups, eq(electorGroups.id, householdCodes.groupId))
    .where(and(eq(householdCodes.consultationId, consultationId), isNull(householdCodes.revokedAt)))
    .orderBy(asc(electorGroups.label));
  return rows.map((r) => ({
    groupId: r.groupId,
    label: r.label,
    ownersMasked: r.owners.map((o) => maskName(o.name)!),
    code: keys.open(r.sealed, { consultationId, groupId: r.groupId }),
  }));
}

/**
 * Active codes with their households, for printing letters (staff of the committee only). Each
 * time codes are decrypted for someone, the audit log says who, which consultation, how many and
 * what for (the list on screen or the Word letters).
 */
export async function listCodes(
  db: Queryable,
  access: Access,
  id: string,
  keys: CodeKeys,
  purpose: 'list' | 'letters' = 'list',
) {
  const c = await getConsultationRow(db, access, id);
  assertCanWriteCommittee(access, c.committeeId);
  const codes = await activeCodes(db, keys, id);
  await recordAudit(db, access.actor, {
    action: 'read_codes',
    entity: 'consultation',
    entityId: id,
    projectId: c.projectId,
    ...auditScope(access, c.committeeId),
    summary: purpose === 'letters' ? `下载告知书（${codes.length} 户）` : `查看户码（${codes.length} 户）`,
    after: { purpose, households: codes.length },
  });
  return { consultation: c, codes };
}

/** A lost letter: its code stops working and a new code is issued (ledger and audit). */
export async function reissueCode(
  db: Db,
  access: Access,
  id: string,
  groupId: string,
  reason: string,
  keys: CodeKeys,
) {
  return inLedgerTransaction(db, async (tx) => {
    const c = await getConsultationRow(tx, access, id);
    assertCanWriteCommittee(access, c.committeeId);
    await lockConsultation(tx, id);
    if (c.status !== 'open')
      throw conflict(
        '只有进行中的征询可以补发户码',
        'Codes can be reissued only while the consultation is open',
      );
    const revoked = await tx
      .update(householdCodes)
      .set({ revokedAt: access.now, revokedReason: reason })
      .where(
        and(
          eq(householdCodes.groupId, groupId),
          eq(householdCodes.consultationId, id),
          isNull(householdCodes.revokedAt),
        ),
      )
      .returning({ id: householdCodes.id });
    if (!revoked.length) throw notFound({ zh: '户码', en: 'Household code' });
    const { code, row } = issueCode(keys, id, groupId);
    await tx.insert(householdCodes).values(row);
    await appendLedger(
      tx,
      id,
      'code_revoked',
      { group: groupId, reason, by: access.user.username },
      access.now,
    );
    await recordAudit(tx, access.actor, {
      action: 'reissue_code',
      entity: 'consultation',
      entityId: id,
      projectId: c.projectId,
      ...auditScope(access, c.committeeId),
      after: { groupId, reason },
    });
    return { groupId, code };
  });
}

export function assertStaffOf(access: Access, c: Consultation) {
  if (access.user.role !== 'street_admin' && access.user.role !== 'committee_staff') throw forbidden();
  assertCanWriteCommittee(access, c.committeeId);
}
