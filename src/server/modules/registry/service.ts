import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { formatAreaM2 } from '../../../core/area.ts';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors.ts';
import { maskIdNumber, maskPhone } from '../../../core/privacy.ts';
import {
  assertCanWriteCommittee,
  auditScope,
  canWriteCommittee,
  type Access,
} from '../../platform/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type {
  BuildingDetail,
  BuildingListItem,
  Committee,
  EstateDetail,
  EstateListItem,
  Owner,
  Person,
  StairwellDetail,
  StairwellListItem,
  Unit,
} from './contract.ts';
import { identityConflictText, mayChangeIdentity, registryScope } from './policy.ts';
import { buildings, committees, estates, persons, stairwells, streets, unitOwners, units } from './schema.ts';
import { containing as like } from '../../platform/db/like.ts';

export const ENTITY = {
  committee: { zh: '居委会', en: "Residents' committee" },
  estate: { zh: '小区', en: 'Estate' },
  building: { zh: '楼幢', en: 'Building' },
  stairwell: { zh: '单元（门洞）', en: 'Stairwell' },
  unit: { zh: '房屋（户）', en: 'Unit' },
  person: { zh: '业主', en: 'Owner' },
  owner: { zh: '产权关系', en: 'Ownership' },
} as const;

export interface ListParams {
  page: number;
  pageSize: number;
  q?: string | undefined;
}

const offset = (p: ListParams) => (p.page - 1) * p.pageSize;
const where = (...parts: (SQL | undefined)[]) => and(...parts.filter(Boolean));

// ---------------------------------------------------------------- committees

export async function listCommittees(db: Queryable, access: Access): Promise<Committee[]> {
  const visibleIds = access.assigned
    ? (await db.select({ c: estates.committeeId }).from(estates).where(registryScope(access, 'estate'))).map(
        (r) => r.c,
      )
    : access.committeeIds;
  if (!visibleIds.length) return [];
  return db
    .select({
      id: committees.id,
      name: committees.name,
      streetId: committees.streetId,
      streetName: streets.name,
      estateCount: sql<number>`(select count(*)::int from ${estates} where ${estates.committeeId} = ${committees.id})`,
    })
    .from(committees)
    .innerJoin(streets, eq(streets.id, committees.streetId))
    .where(inArray(committees.id, visibleIds))
    .orderBy(asc(committees.name));
}

// ---------------------------------------------------------------- generic audited writes

/** Inserts one registry row and audits it in the same transaction. */
async function insertAudited<T extends PgTable>(
  tx: Queryable,
  access: Access,
  entity: keyof typeof ENTITY,
  table: T,
  values: T['$inferInsert'],
  committeeId: string,
) {
  const [row] = (await tx
    .insert(table)
    .values(values as never)
    .returning()) as Record<string, unknown>[];
  await recordAudit(tx, access.actor, {
    action: 'create',
    entity,
    entityId: String(row!.id),
    ...auditScope(access, committeeId),
    after: row,
  });
  return row as T['$inferSelect'];
}

async function updateAudited<T extends PgTable & { id: never }>(
  tx: Queryable,
  access: Access,
  entity: keyof typeof ENTITY,
  table: T,
  before: Record<string, unknown>,
  patch: Record<string, unknown>,
  committeeId: string,
) {
  const idCol = (table as unknown as { id: Parameters<typeof eq>[0] }).id;
  const [row] = (await tx
    .update(table)
    .set({ ...patch, updatedAt: access.now } as never)
    .where(eq(idCol, before.id))
    .returning()) as Record<string, unknown>[];
  const diff = changedFields(before, row!);
  await recordAudit(tx, access.actor, {
    action: 'update',
    entity,
    entityId: String(before.id),
    ...auditScope(access, committeeId),
    ...diff,
  });
  return row as T['$inferSelect'];
}

async function deleteAudited(
  tx: Queryable,
  access: Access,
  entity: keyof typeof ENTITY,
  table: PgTable,
  before: Record<string, unknown>,
  committeeId: string,
) {
  const idCol = (table as unknown as { id: Parameters<typeof eq>[0] }).id;
  await tx.delete(table).where(eq(idCol, before.id));
  await recordAudit(tx, access.actor, {
    action: 'delete',
    entity,
    entityId: String(before.id),
    ...auditScope(access, committeeId),
    before,
  });
}

/** Refuses a delete while rows depend on the record, naming what depends on it. */
function assertNoDependents(found: number, what: { zh: string; en: string }) {
  if (found > 0)
    throw conflict(
      `仍有 ${found} 个${what.zh}属于它，不能删除；请先删除或迁移它们`,
      `${found} ${what.en.toLowerCase()}(s) still belong to it; delete or move them first`,
    );
}

// ---------------------------------------------------------------- estates

export interface EstateInput {
  committeeId: string;
  name: string;
  address?: string | undefined;
}

export async function listEstates(
  db: Queryable,
  access: Access,
  p: ListParams & { committeeId?: string | undefined },
): Promise<{ items: EstateListItem[]; total: number }> {
  const cond = where(
    registryScope(access, 'estate'),
    p.committeeId ? eq(estates.committeeId, p.committeeId) : undefined,
    p.q ? or(ilike(estates.name, like(p.q)), ilike(estates.address, like(p.q))) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(estates).where(cond);
  const items = await db
    .select({
      id: estates.id,
      name: estates.name,
      address: estates.address,
      committeeId: estates.committeeId,
      committeeName: committees.name,
      buildingCount: sql<number>`(select count(*)::int from ${buildings} where ${buildings.estateId} = ${estates.id})`,
    })
    .from(estates)
    .innerJoin(committees, eq(committees.id, estates.committeeId))
    .where(cond)
    .orderBy(asc(committees.name), asc(estates.name))
    .limit(p.pageSize)
    .offset(offset(p));
  return { items, total: total?.n ?? 0 };
}

export async function getEstate(
  db: Queryable,
  access: Access,
  id: string,
): Promise<EstateDetail & typeof estates.$inferSelect> {
  const [row] = await db
    .select({ estate: estates, committeeName: committees.name })
    .from(estates)
    .innerJoin(committees, eq(committees.id, estates.committeeId))
    .where(and(eq(estates.id, id), registryScope(access, 'estate')));
  if (!row) throw notFound(ENTITY.estate);
  return { ...row.estate, committeeName: row.committeeName };
}

export async function createEstate(db: Db, access: Access, input: EstateInput) {
  if (!access.committeeIds.includes(input.committeeId))
    throw badInput('committeeId', '不在您管辖范围内的居委会', 'The committee is not in your scope');
  assertCanWriteCommittee(access, input.committeeId);
  return db.transaction((tx) =>
    insertAudited(
      tx,
      access,
      'estate',
      estates,
      { committeeId: input.committeeId, name: input.name, address: input.address ?? '' },
      input.committeeId,
    ),
  );
}

export async function updateEstate(
  db: Db,
  access: Access,
  id: string,
  patch: Partial<Omit<EstateInput, 'committeeId'>>,
) {
  return db.transaction(async (tx) => {
    const before = await getEstate(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    const { committeeName: _n, ...row } = before;
    return updateAudited(tx, access, 'estate', estates as never, row, patch, before.committeeId);
  });
}

export async function deleteEstate(db: Db, access: Access, id: string) {
  await db.transaction(async (tx) => {
    const { committeeName: _n, ...before } = await getEstate(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    const [n] = await tx.select({ n: count() }).from(buildings).where(eq(buildings.estateId, id));
    assertNoDependents(n?.n ?? 0, ENTITY.building);
    await deleteAudited(tx, access, 'estate', estates, before, before.committeeId);
  });
}

// ---------------------------------------------------------------- buildings

export interface BuildingInput {
  estateId: string;
  name: string;
  floors: number;
  address?: string | undefined;
}

export async function listBuildings(
  db: Queryable,
  access: Access,
  p: ListParams & { estateId?: string | undefined; committeeId?: string | undefined },
): Promise<{ items: BuildingListItem[]; total: number }> {
  const cond = where(
    registryScope(access, 'building'),
    p.estateId ? eq(buildings.estateId, p.estateId) : undefined,
    p.committeeId ? eq(buildings.committeeId, p.committeeId) : undefined,
    p.q
      ? or(
          ilike(buildings.name, like(p.q)),
          ilike(buildings.address, like(p.q)),
          ilike(estates.name, like(p.q)),
        )
      : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(buildings)
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .where(cond);
  const items = await db
    .select({
      id: buildings.id,
      name: buildings.name,
      floors: buildings.floors,
      address: buildings.address,
      estateId: buildings.estateId,
      estateName: estates.name,
      committeeId: buildings.committeeId,
      stairwellCount: sql<number>`(select count(*)::int from ${stairwells} where ${stairwells.buildingId} = ${buildings.id})`,
    })
    .from(buildings)
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .where(cond)
    .orderBy(asc(estates.name), sql`length(${buildings.name})`, asc(buildings.name))
    .limit(p.pageSize)
    .offset(offset(p));
  return { items, total: total?.n ?? 0 };
}

export async function getBuilding(
  db: Queryable,
  access: Access,
  id: string,
): Promise<BuildingDetail & typeof buildings.$inferSelect> {
  const [row] = await db
    .select({ building: buildings, estateName: estates.name, committeeName: committees.name })
    .from(buildings)
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .innerJoin(committees, eq(committees.id, buildings.committeeId))
    .where(and(eq(buildings.id, id), registryScope(access, 'building')));
  if (!row) throw notFound(ENTITY.building);
  return { ...row.building, estateName: row.estateName, committeeName: row.committeeName };
}

export async function createBuilding(db: Db, access: Access, input: BuildingInput) {
  return db.transaction(async (tx) => {
    const estate = await getEstate(tx, access, input.estateId).catch(() => {
      throw badInput('estateId', '找不到该小区', 'No such estate in your scope');
    });
    assertCanWriteCommittee(access, estate.committeeId);
    return insertAudited(
      tx,
      access,
      'building',
      buildings,
      { ...input, address: input.address ?? '', committeeId: estate.committeeId },
      estate.committeeId,
    );
  });
}

export async function updateBuilding(
  db: Db,
  access: Access,
  id: string,
  patch: Partial<Omit<BuildingInput, 'estateId'>>,
) {
  return db.transaction(async (tx) => {
    const { estateName: _e, committeeName: _c, ...before } = await getBuilding(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    if (patch.floors !== undefined) {
      const [top] = await tx
        .select({ max: sql<number | null>`max(${units.floor})` })
        .from(units)
        .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
        .where(eq(stairwells.buildingId, id));
      if (top?.max != null && patch.floors < top.max)
        throw badInput(
          'floors',
          `已有房屋在 ${top.max} 层，层数不能少于 ${top.max}`,
          `Units exist on floor ${top.max}; floors cannot be fewer than ${top.max}`,
        );
    }
    return updateAudited(tx, access, 'building', buildings as never, before, patch, before.committeeId);
  });
}

export async function deleteBuilding(db: Db, access: Access, id: string) {
  await db.transaction(async (tx) => {
    const { estateName: _e, committeeName: _c, ...before } = await getBuilding(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    const [n] = await tx.select({ n: count() }).from(stairwells).where(eq(stairwells.buildingId, id));
    assertNoDependents(n?.n ?? 0, ENTITY.stairwell);
    await deleteAudited(tx, access, 'building', buildings, before, before.committeeId);
  });
}

// ---------------------------------------------------------------- stairwells

export interface StairwellInput {
  buildingId: string;
  name: string;
}

export async function listStairwells(
  db: Queryable,
  access: Access,
  p: ListParams & { buildingId?: string | undefined; estateId?: string | undefined },
): Promise<{ items: StairwellListItem[]; total: number }> {
  const cond = where(
    registryScope(access, 'stairwell'),
    p.buildingId ? eq(stairwells.buildingId, p.buildingId) : undefined,
    p.estateId ? eq(buildings.estateId, p.estateId) : undefined,
    p.q
      ? or(
          ilike(stairwells.name, like(p.q)),
          ilike(buildings.name, like(p.q)),
          ilike(estates.name, like(p.q)),
        )
      : undefined,
  );
  const from = () =>
    db
      .select({
        id: stairwells.id,
        name: stairwells.name,
        buildingId: stairwells.buildingId,
        buildingName: buildings.name,
        floors: buildings.floors,
        estateId: buildings.estateId,
        estateName: estates.name,
        committeeId: stairwells.committeeId,
        unitCount: sql<number>`(select count(*)::int from ${units} where ${units.stairwellId} = ${stairwells.id})`,
      })
      .from(stairwells)
      .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
      .innerJoin(estates, eq(estates.id, buildings.estateId));
  const [total] = await db
    .select({ n: count() })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .where(cond);
  const items = await from()
    .where(cond)
    .orderBy(asc(estates.name), sql`length(${buildings.name})`, asc(buildings.name), asc(stairwells.name))
    .limit(p.pageSize)
    .offset(offset(p));
  return { items, total: total?.n ?? 0 };
}

export async function getStairwellRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select()
    .from(stairwells)
    .where(and(eq(stairwells.id, id), registryScope(access, 'stairwell')));
  if (!row) throw notFound(ENTITY.stairwell);
  return row;
}

/** A stairwell with everything its elevation diagram needs: floors, units and their owners. */
export async function getStairwell(db: Queryable, access: Access, id: string): Promise<StairwellDetail> {
  const sw = await getStairwellRow(db, access, id);
  const [ctx] = await db
    .select({
      building: buildings,
      estateName: estates.name,
      estateId: estates.id,
      committeeName: committees.name,
    })
    .from(buildings)
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .innerJoin(committees, eq(committees.id, buildings.committeeId))
    .where(eq(buildings.id, sw.buildingId));
  const unitRows = await listUnitsWithOwners(db, access, eq(units.stairwellId, id));
  return {
    ...sw,
    buildingName: ctx!.building.name,
    floors: ctx!.building.floors,
    address: ctx!.building.address,
    estateId: ctx!.estateId,
    estateName: ctx!.estateName,
    committeeName: ctx!.committeeName,
    units: unitRows,
  };
}

export async function createStairwell(db: Db, access: Access, input: StairwellInput) {
  return db.transaction(async (tx) => {
    const building = await getBuilding(tx, access, input.buildingId).catch(() => {
      throw badInput('buildingId', '找不到该楼幢', 'No such building in your scope');
    });
    assertCanWriteCommittee(access, building.committeeId);
    return insertAudited(
      tx,
      access,
      'stairwell',
      stairwells,
      { ...input, committeeId: building.committeeId },
      building.committeeId,
    );
  });
}

export async function updateStairwell(
  db: Db,
  access: Access,
  id: string,
  patch: { name?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const before = await getStairwellRow(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    return updateAudited(tx, access, 'stairwell', stairwells as never, before, patch, before.committeeId);
  });
}

export async function deleteStairwell(db: Db, access: Access, id: string) {
  await db.transaction(async (tx) => {
    const before = await getStairwellRow(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    const [n] = await tx.select({ n: count() }).from(units).where(eq(units.stairwellId, id));
    assertNoDependents(n?.n ?? 0, ENTITY.unit);
    // a lift project's stairwell key is ON DELETE RESTRICT: the database refuses (409 in_use),
    // so the registry need not know the projects module above it
    await deleteAudited(tx, access, 'stairwell', stairwells, before, before.committeeId);
  });
}

// ---------------------------------------------------------------- units and owners

/** An owner as a view shows them; the phone is those recorded on the ownerships the caller sees, joined with " / ". */
export type OwnerView = Owner;

type Identity = { id: string; name: string; idNumber: string | null };

/**
 * A person as a view shows them: the shared identity and the phones of the ownerships the caller
 * sees, masked (PIPL) unless revealed.
 */
export function presentPerson(p: Identity, phones: (string | null)[], reveal = false): OwnerView {
  const shown = [...new Set(phones.filter((phone): phone is string => Boolean(phone)))].map((phone) =>
    reveal ? phone : maskPhone(phone),
  );
  return {
    id: p.id,
    name: p.name,
    idNumber: reveal ? p.idNumber : maskIdNumber(p.idNumber),
    phone: shown.length ? shown.join(' / ') : null,
  };
}

async function ownersOf(db: Queryable, unitIds: string[]) {
  const map = new Map<string, OwnerView[]>();
  if (!unitIds.length) return map;
  const rows = await db
    .select({
      unitId: unitOwners.unitId,
      phone: unitOwners.phone,
      id: persons.id,
      name: persons.name,
      idNumber: persons.idNumber,
    })
    .from(unitOwners)
    .innerJoin(persons, eq(persons.id, unitOwners.personId))
    .where(inArray(unitOwners.unitId, unitIds))
    .orderBy(asc(unitOwners.createdAt), asc(persons.name));
  for (const { unitId, phone, ...p } of rows) {
    const list = map.get(unitId) ?? [];
    list.push(presentPerson(p, [phone]));
    map.set(unitId, list);
  }
  return map;
}

function presentUnit(u: typeof units.$inferSelect, owners: OwnerView[]): Unit {
  return {
    id: u.id,
    stairwellId: u.stairwellId,
    committeeId: u.committeeId,
    floor: u.floor,
    room: u.room,
    areaCenti: u.areaCenti,
    areaM2: formatAreaM2(u.areaCenti),
    owners,
  };
}

async function listUnitsWithOwners(db: Queryable, access: Access, cond: SQL | undefined, page?: ListParams) {
  let query = db
    .select()
    .from(units)
    .where(where(registryScope(access, 'unit'), cond))
    .orderBy(asc(units.floor), asc(units.room))
    .$dynamic();
  if (page) query = query.limit(page.pageSize).offset(offset(page));
  const rows = await query;
  const owners = await ownersOf(
    db,
    rows.map((u) => u.id),
  );
  return rows.map((u) => presentUnit(u, owners.get(u.id) ?? []));
}

export async function listUnits(
  db: Queryable,
  access: Access,
  p: ListParams & { stairwellId?: string | undefined },
) {
  const q = p.q
    ? or(
        ilike(units.room, like(p.q)),
        sql`exists (select 1 from ${unitOwners} uo join ${persons} pp on pp.id = uo.person_id where uo.unit_id = ${units.id} and pp.name ilike ${like(p.q)})`,
      )
    : undefined;
  const cond = where(p.stairwellId ? eq(units.stairwellId, p.stairwellId) : undefined, q);
  const [total] = await db
    .select({ n: count() })
    .from(units)
    .where(where(registryScope(access, 'unit'), cond));
  return { items: await listUnitsWithOwners(db, access, cond, p), total: total?.n ?? 0 };
}

export async function getUnitRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, id), registryScope(access, 'unit')));
  if (!row) throw notFound(ENTITY.unit);
  return row;
}

export async function getUnit(db: Queryable, access: Access, id: string) {
  const row = await getUnitRow(db, access, id);
  return presentUnit(row, (await ownersOf(db, [id])).get(id) ?? []);
}

export interface UnitInput {
  stairwellId: string;
  floor: number;
  room: string;
  areaCenti: number;
}

async function assertFloorWithinBuilding(tx: Queryable, stairwellId: string, floor: number) {
  const [b] = await tx
    .select({ floors: buildings.floors })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(eq(stairwells.id, stairwellId));
  if (b && floor > b.floors)
    throw badInput(
      'floor',
      `楼层 ${floor} 超过楼幢层数 ${b.floors}`,
      `Floor ${floor} is above the building's ${b.floors} floors`,
    );
}

export async function createUnit(db: Db, access: Access, input: UnitInput) {
  return db.transaction(async (tx) => {
    const sw = await getStairwellRow(tx, access, input.stairwellId).catch(() => {
      throw badInput('stairwellId', '找不到该单元', 'No such stairwell in your scope');
    });
    assertCanWriteCommittee(access, sw.committeeId);
    await assertFloorWithinBuilding(tx, sw.id, input.floor);
    const row = await insertAudited(
      tx,
      access,
      'unit',
      units,
      { ...input, committeeId: sw.committeeId },
      sw.committeeId,
    );
    return presentUnit(row, []);
  });
}

export async function updateUnit(
  db: Db,
  access: Access,
  id: string,
  patch: Partial<Omit<UnitInput, 'stairwellId'>>,
) {
  return db.transaction(async (tx) => {
    const before = await getUnitRow(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    if (patch.floor !== undefined) await assertFloorWithinBuilding(tx, before.stairwellId, patch.floor);
    const row = await updateAudited(tx, access, 'unit', units as never, before, patch, before.committeeId);
    return presentUnit(row, (await ownersOf(tx, [id])).get(id) ?? []);
  });
}

export async function deleteUnit(db: Db, access: Access, id: string) {
  await db.transaction(async (tx) => {
    const before = await getUnitRow(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    const owners = (await ownersOf(tx, [id])).get(id) ?? [];
    await deleteAudited(
      tx,
      access,
      'unit',
      units,
      { ...before, owners: owners.map((o) => o.name) },
      before.committeeId,
    );
  });
}

export interface PersonInput {
  name: string;
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
}

/** Every committee where each person owns a unit, whoever asks: the owners of their identity. */
export async function ownerCommitteesOf(db: Queryable, personIds: string[]) {
  const map = new Map<string, Set<string>>(personIds.map((id) => [id, new Set()]));
  if (!personIds.length) return map;
  const rows = await db
    .selectDistinct({ personId: unitOwners.personId, committeeId: units.committeeId })
    .from(unitOwners)
    .innerJoin(units, eq(units.id, unitOwners.unitId))
    .where(inArray(unitOwners.personId, personIds));
  for (const r of rows) map.get(r.personId)!.add(r.committeeId);
  return map;
}

/**
 * The person an ID number names, for a link to a unit: the same name is the same person (one
 * head), and nothing stored is echoed; another name is refused without naming it, unless no
 * unit refers to the person any more, which leaves the caller's name the only record.
 */
async function personByIdNumber(tx: Queryable, access: Access, input: PersonInput & { idNumber: string }) {
  const [same] = await tx.select().from(persons).where(eq(persons.idNumber, input.idNumber));
  if (!same || same.name === input.name) return same;
  const owners = (await ownerCommitteesOf(tx, [same.id])).get(same.id)!;
  if (owners.size) {
    const text = identityConflictText(mayChangeIdentity(access, owners));
    throw conflict(text.zh, text.en, 'idNumber');
  }
  const [renamed] = await tx
    .update(persons)
    .set({ name: input.name, updatedAt: access.now })
    .where(eq(persons.id, same.id))
    .returning();
  return renamed;
}

/**
 * Adds an owner to a unit: an existing person (by id, or by ID number) or a new one, with the
 * phone this committee records for them. One person across several units is what lets the
 * consent rules count them as one head.
 */
export async function addOwner(
  db: Db,
  access: Access,
  unitId: string,
  input: { personId: string } | PersonInput,
) {
  return db.transaction(async (tx) => {
    const unit = await getUnitRow(tx, access, unitId);
    assertCanWriteCommittee(access, unit.committeeId);
    let personId: string;
    let phone: string | null = null;
    if ('personId' in input) {
      await getPersonRow(tx, access, input.personId).catch(() => {
        throw badInput('personId', '找不到该业主', 'No such owner in your scope');
      });
      personId = input.personId;
    } else {
      phone = input.phone || null;
      const known = input.idNumber
        ? await personByIdNumber(tx, access, { ...input, idNumber: input.idNumber })
        : undefined;
      if (known) personId = known.id;
      else {
        const [created] = await tx
          .insert(persons)
          .values({ name: input.name, idNumber: input.idNumber || null })
          .returning();
        personId = created!.id;
        await recordAudit(tx, access.actor, {
          action: 'create',
          entity: 'person',
          entityId: personId,
          ...auditScope(access, unit.committeeId),
          after: presentPerson(created!, []),
        });
      }
    }
    const [exists] = await tx
      .select()
      .from(unitOwners)
      .where(and(eq(unitOwners.unitId, unitId), eq(unitOwners.personId, personId)));
    if (exists)
      throw conflict('该业主已登记在此房屋', 'This owner is already registered for the unit', 'personId');
    await tx.insert(unitOwners).values({ unitId, personId, phone });
    await recordAudit(tx, access.actor, {
      action: 'add_owner',
      entity: 'unit',
      entityId: unitId,
      ...auditScope(access, unit.committeeId),
      after: { personId, phone: maskPhone(phone) },
    });
    return getUnit(tx, access, unitId);
  });
}

export async function removeOwner(db: Db, access: Access, unitId: string, personId: string) {
  return db.transaction(async (tx) => {
    const unit = await getUnitRow(tx, access, unitId);
    assertCanWriteCommittee(access, unit.committeeId);
    const removed = await tx
      .delete(unitOwners)
      .where(and(eq(unitOwners.unitId, unitId), eq(unitOwners.personId, personId)))
      .returning();
    if (!removed.length) throw notFound(ENTITY.person);
    await recordAudit(tx, access.actor, {
      action: 'remove_owner',
      entity: 'unit',
      entityId: unitId,
      ...auditScope(access, unit.committeeId),
      before: { personId },
    });
    return getUnit(tx, access, unitId);
  });
}

// ---------------------------------------------------------------- persons

/** Persons are visible through the units they own. */
const personVisible = (access: Access) =>
  sql`exists (select 1 from ${unitOwners} uo join ${units} on ${units.id} = uo.unit_id where uo.person_id = ${persons.id} and ${registryScope(access, 'unit')})`;

async function getPersonRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), personVisible(access)));
  if (!row) throw notFound(ENTITY.person);
  return row;
}

/** A committee in the caller's scope where this person owns a unit (the audit scope of a reveal). */
async function visibleCommitteeOf(db: Queryable, access: Access, personId: string) {
  const rows = await db
    .select({ committeeId: units.committeeId })
    .from(unitOwners)
    .innerJoin(units, eq(units.id, unitOwners.unitId))
    .where(and(eq(unitOwners.personId, personId), registryScope(access, 'unit')));
  return rows[0]?.committeeId ?? null;
}

/** Owners by name, or by their full ID number (how the street admin finds the record a conflict names). */
export async function listPersons(db: Queryable, access: Access, p: ListParams) {
  const cond = where(
    personVisible(access),
    p.q ? or(ilike(persons.name, like(p.q)), eq(persons.idNumber, p.q.toUpperCase())) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(persons).where(cond);
  const rows = await db
    .select()
    .from(persons)
    .where(cond)
    .orderBy(asc(persons.name))
    .limit(p.pageSize)
    .offset(offset(p));
  const seen = await ownershipsInScope(
    db,
    access,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentWithUnits(r, seen.get(r.id), false)), total: total?.n ?? 0 };
}

interface Ownerships {
  units: { unitId: string; label: string; stairwellId: string }[];
  phones: (string | null)[];
}

/** Each person's ownerships the caller sees: the units, and the phones recorded on them. */
async function ownershipsInScope(db: Queryable, access: Access, personIds: string[]) {
  const map = new Map<string, Ownerships>();
  if (!personIds.length) return map;
  const rows = await db
    .select({
      personId: unitOwners.personId,
      phone: unitOwners.phone,
      unitId: units.id,
      room: units.room,
      stairwellId: units.stairwellId,
      stairwell: stairwells.name,
      building: buildings.name,
      estate: estates.name,
    })
    .from(unitOwners)
    .innerJoin(units, eq(units.id, unitOwners.unitId))
    .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .where(and(inArray(unitOwners.personId, personIds), registryScope(access, 'unit')))
    .orderBy(asc(unitOwners.createdAt));
  for (const r of rows) {
    const seen = map.get(r.personId) ?? { units: [], phones: [] };
    seen.units.push({
      unitId: r.unitId,
      stairwellId: r.stairwellId,
      label: `${r.estate} ${r.building} ${r.stairwell} ${r.room}室`,
    });
    seen.phones.push(r.phone);
    map.set(r.personId, seen);
  }
  return map;
}

const presentWithUnits = (p: Identity, seen: Ownerships | undefined, reveal: boolean): Person => ({
  ...presentPerson(p, seen?.phones ?? [], reveal),
  units: seen?.units ?? [],
});

/**
 * One person as the caller may see them: the identity and only their ownerships in scope. With
 * `reveal` the full ID number and phones, for roles that contact owners; a reveal discloses
 * personal data, so it is a POST and audited.
 */
export async function getPerson(db: Queryable, access: Access, id: string, reveal = false) {
  const row = await getPersonRow(db, access, id);
  if (reveal) {
    if (!access.seesPersonalData) throw forbidden();
    await recordAudit(db, access.actor, {
      action: 'reveal',
      entity: 'person',
      entityId: id,
      ...auditScope(access, await visibleCommitteeOf(db, access, id)),
      summary: '查看完整身份证号和电话',
    });
  }
  return presentWithUnits(row, (await ownershipsInScope(db, access, [id])).get(id), reveal);
}

/**
 * Changes an owner. The phone is this caller's record: it is set on their ownerships in the
 * committees they write and nowhere else. The name and ID number are shared by every committee
 * where the person owns, so they change only for a caller who writes all of those.
 */
export async function updatePerson(db: Db, access: Access, id: string, patch: Partial<PersonInput>) {
  return db.transaction(async (tx) => {
    const before = await getPersonRow(tx, access, id);
    const owners = (await ownerCommitteesOf(tx, [id])).get(id)!;
    const writable = [...owners].filter((c) => canWriteCommittee(access, c));
    if (!writable.length) throw forbidden();
    const { phone, ...identity } = patch;
    const changed = (['name', 'idNumber'] as const).filter(
      (k) => identity[k] !== undefined && (identity[k] || null) !== before[k],
    );
    if (changed.length && !mayChangeIdentity(access, owners))
      throw conflict(
        '此业主也在其他居委会登记了房屋，姓名和身份证号须请街道管理员核实更正',
        'This owner also owns units recorded by another committee; ask the street admin to correct the name or ID number',
        changed[0],
      );
    const shownBefore = await getPerson(tx, access, id);
    if (changed.length)
      await tx
        .update(persons)
        .set({ ...Object.fromEntries(changed.map((k) => [k, identity[k] || null])), updatedAt: access.now })
        .where(eq(persons.id, id));
    if (phone !== undefined) {
      const ownUnits = tx.select({ id: units.id }).from(units).where(inArray(units.committeeId, writable));
      await tx
        .update(unitOwners)
        .set({ phone: phone || null })
        .where(and(eq(unitOwners.personId, id), inArray(unitOwners.unitId, ownUnits)));
    }
    const shown = await getPerson(tx, access, id);
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      ...auditScope(access, writable[0]!),
      ...changedFields(shownBefore, shown),
    });
    return shown;
  });
}
