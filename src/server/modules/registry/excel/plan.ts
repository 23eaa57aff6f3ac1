/** What an import will write: the checked rows matched against what is stored in the caller's scope. */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { maskIdNumber } from '../../../../core/privacy.ts';
import { canWriteCommittee, type Access } from '../../../platform/access.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { identityConflictText, mayChangeIdentity } from '../policy.ts';
import { buildings, committees, estates, persons, stairwells, unitOwners, units } from '../schema.ts';
import { ownerCommitteesOf } from '../service.ts';
import { chunks } from '../../../platform/db/bulk.ts';
import { IssueList, isMasked, joinKey, type ImportRow, type OwnerCells } from './rows.ts';

/**
 * The rows of one table as the import will leave them: each key matched to a stored row (and
 * updated where the file differs) or to a new one. Children point at new rows by their
 * pre-made ids, so everything is inserted in bulk afterwards.
 */
export class TablePlan<R extends { id: string }> {
  private readonly byKey = new Map<string, R>();
  private readonly byId = new Map<string, R>();
  private readonly createdIds = new Set<string>();
  private readonly touchedIds = new Set<string>();
  readonly inserts: R[] = [];
  /** stored rows the file changes: their values before, by id */
  readonly changed = new Map<string, Partial<R>>();

  constructor(stored: Iterable<[string, R]>) {
    for (const [key, row] of stored) this.alias(key, row);
  }

  find(key: string): R | undefined {
    return this.byKey.get(key);
  }

  /** The row for key only if it was stored before this import (rows of the file agree already). */
  findStored(key: string): R | undefined {
    const row = this.byKey.get(key);
    return row && !this.createdIds.has(row.id) ? row : undefined;
  }

  /** Another key for the same row (an owner found by name who now gets an ID number). */
  alias(key: string, row: R) {
    this.byKey.set(key, row);
    this.byId.set(row.id, row);
  }

  /** The row for key (made when new) with the wanted values; '' and undefined keep the stored value. */
  upsert(key: string, make: () => R, wanted: Partial<R> = {}): R {
    let row = this.byKey.get(key);
    if (!row) {
      row = make();
      this.alias(key, row);
      this.inserts.push(row);
      this.createdIds.add(row.id);
    }
    this.touchedIds.add(row.id);
    for (const [field, value] of Object.entries(wanted) as [keyof R, R[keyof R]][]) {
      if (value === undefined || value === '' || row[field] === value) continue;
      if (!this.createdIds.has(row.id)) {
        const before: Partial<R> = this.changed.get(row.id) ?? {};
        if (!(field in before)) before[field] = row[field];
        this.changed.set(row.id, before);
      }
      row[field] = value;
    }
    return row;
  }

  updatedRows(): R[] {
    return [...this.changed.keys()].map((id) => this.byId.get(id)!);
  }

  tally() {
    return { count: this.touchedIds.size, created: this.createdIds.size, updated: this.changed.size };
  }
}

type EstateRow = { id: string; committeeId: string; name: string; address: string };
type BuildingRow = {
  id: string;
  estateId: string;
  committeeId: string;
  name: string;
  floors: number;
  address: string;
};
type StairwellRow = { id: string; buildingId: string; committeeId: string; name: string };
type UnitRow = {
  id: string;
  stairwellId: string;
  committeeId: string;
  floor: number;
  room: string;
  areaCenti: number;
};
type PersonRow = { id: string; name: string; idNumber: string | null };
/** An ownership with the phone its committee recorded; `id` (unit/person) names it in the plan only. */
type LinkRow = { id: string; unitId: string; personId: string; phone: string | null };
const linkKey = (unitId: string, personId: string) => `${unitId}/${personId}`;

const ID_QUERY_CHUNK = 1000;
/**
 * What the committees of the file already hold, as maps keyed the way the file names things, and
 * for each person found where else they own (which decides who may change their identity).
 */
export async function loadStored(tx: Queryable, committeeIds: string[], idNumbers: string[]) {
  const inCommittees = (col: PgColumn) => inArray(col, committeeIds);
  const estateRows = await tx
    .select({
      id: estates.id,
      committeeId: estates.committeeId,
      name: estates.name,
      address: estates.address,
    })
    .from(estates)
    .where(inCommittees(estates.committeeId));
  const buildingRows = await tx
    .select({
      id: buildings.id,
      estateId: buildings.estateId,
      committeeId: buildings.committeeId,
      name: buildings.name,
      floors: buildings.floors,
      address: buildings.address,
    })
    .from(buildings)
    .where(inCommittees(buildings.committeeId));
  const stairwellRows = await tx
    .select({
      id: stairwells.id,
      buildingId: stairwells.buildingId,
      committeeId: stairwells.committeeId,
      name: stairwells.name,
    })
    .from(stairwells)
    .where(inCommittees(stairwells.committeeId));
  const unitRows = await tx
    .select({
      id: units.id,
      stairwellId: units.stairwellId,
      committeeId: units.committeeId,
      floor: units.floor,
      room: units.room,
      areaCenti: units.areaCenti,
    })
    .from(units)
    .where(inCommittees(units.committeeId));
  const personColumns = { id: persons.id, name: persons.name, idNumber: persons.idNumber };
  const ownerRows = await tx
    .select({ unitId: unitOwners.unitId, phone: unitOwners.phone, ...personColumns })
    .from(unitOwners)
    .innerJoin(units, eq(units.id, unitOwners.unitId))
    .innerJoin(persons, eq(persons.id, unitOwners.personId))
    .where(inCommittees(units.committeeId));
  const personRows: PersonRow[] = [];
  for (const ids of chunks(idNumbers, ID_QUERY_CHUNK))
    personRows.push(...(await tx.select(personColumns).from(persons).where(inArray(persons.idNumber, ids))));

  const ownersOfUnit = new Map<string, PersonRow[]>();
  const storedPersons = new Map<string, PersonRow>(personRows.map((p) => [p.id, p]));
  for (const { unitId, phone: _phone, ...p } of ownerRows) {
    const person = storedPersons.get(p.id) ?? p;
    storedPersons.set(p.id, person);
    ownersOfUnit.set(unitId, [...(ownersOfUnit.get(unitId) ?? []), person]);
  }
  const ownerCommittees = new Map<string, Set<string>>();
  for (const ids of chunks([...storedPersons.keys()], ID_QUERY_CHUNK))
    for (const [id, owners] of await ownerCommitteesOf(tx, ids)) ownerCommittees.set(id, owners);
  return {
    estates: new TablePlan<EstateRow>(estateRows.map((r) => [joinKey(r.committeeId, r.name), r])),
    buildings: new TablePlan<BuildingRow>(buildingRows.map((r) => [joinKey(r.estateId, r.name), r])),
    stairwells: new TablePlan<StairwellRow>(stairwellRows.map((r) => [joinKey(r.buildingId, r.name), r])),
    units: new TablePlan<UnitRow>(unitRows.map((r) => [joinKey(r.stairwellId, r.room), r])),
    persons: new TablePlan<PersonRow>([...storedPersons.values()].map((p) => [personKey(p), p])),
    ownersOfUnit,
    ownerCommittees,
    links: new TablePlan<LinkRow>(
      ownerRows.map((o) => [
        linkKey(o.unitId, o.id),
        { id: linkKey(o.unitId, o.id), unitId: o.unitId, personId: o.id, phone: o.phone },
      ]),
    ),
  };
}

/** Persons are found by ID number; one without is found through the units it owns. */
const personKey = (p: PersonRow) => p.idNumber ?? `person:${p.id}`;

type Stored = Awaited<ReturnType<typeof loadStored>>;

/** The committees where a stored person owns a unit; none for a person new to the store. */
const ownersOf = (stored: Stored, personId: string) =>
  stored.ownerCommittees.get(personId) ?? new Set<string>();

/** The committee of each row, by name, among those of the caller's street(s). */
export async function resolveCommittees(tx: Queryable, access: Access, rows: ImportRow[], issues: IssueList) {
  const streetIds = [
    ...new Set(
      access.committeeIds.map((id) => access.streetOf.get(id)).filter((s): s is string => Boolean(s)),
    ),
  ];
  const known = streetIds.length
    ? await tx
        .select({ id: committees.id, name: committees.name })
        .from(committees)
        .where(inArray(committees.streetId, streetIds))
    : [];
  const idsByName = new Map<string, string[]>();
  for (const c of known) idsByName.set(c.name, [...(idsByName.get(c.name) ?? []), c.id]);
  const committeeOf = new Map<string, string>();
  const placed: ImportRow[] = [];
  for (const r of rows) {
    const ids = idsByName.get(r.committee) ?? [];
    if (ids.length === 0)
      issues.add(
        r.row,
        'committee',
        `居委会“${r.committee}”不存在，请核对名称`,
        `No residents' committee named “${r.committee}”; check the name`,
      );
    else if (ids.length > 1)
      issues.add(
        r.row,
        'committee',
        `有多个名为“${r.committee}”的居委会，请按街道分别导入`,
        `Several committees are named “${r.committee}”; import each street on its own`,
      );
    else if (!canWriteCommittee(access, ids[0]!))
      issues.add(
        r.row,
        'committee',
        `无权导入“${r.committee}”的数据：只能导入您负责的居委会`,
        `You may not import rows of “${r.committee}”: only the committees you are responsible for`,
      );
    else {
      committeeOf.set(r.committee, ids[0]!);
      placed.push(r);
    }
  }
  return { committeeOf, placed };
}

/** The stored unit a row names, if every level above it is stored too. */
function storedUnitOf(stored: Stored, r: ImportRow, committeeId: string) {
  const estate = stored.estates.find(joinKey(committeeId, r.estate));
  const building = estate && stored.buildings.find(joinKey(estate.id, r.building));
  const stairwell = building && stored.stairwells.find(joinKey(building.id, r.stairwell));
  return stairwell && stored.units.find(joinKey(stairwell.id, r.room));
}

/**
 * A full ID number new to the store, on a stored unit whose owner of that name has no ID
 * number yet, is that owner: the import fills the number in rather than adding a twin. Done
 * before any row is placed, so the outcome does not depend on row order.
 */
function claimOwnersWithoutId(
  access: Access,
  stored: Stored,
  rows: ImportRow[],
  committeeOf: Map<string, string>,
) {
  const claimed = new Set<string>();
  for (const r of rows) {
    const id = r.owner?.idNumber;
    if (!id || isMasked(id) || stored.persons.find(id)) continue;
    const unit = storedUnitOf(stored, r, committeeOf.get(r.committee)!);
    const twin =
      unit &&
      stored.ownersOfUnit
        .get(unit.id)
        ?.find(
          (p) =>
            p.name === r.owner!.name &&
            !p.idNumber &&
            !claimed.has(p.id) &&
            mayChangeIdentity(access, ownersOf(stored, p.id)),
        );
    if (!twin) continue;
    claimed.add(twin.id);
    stored.persons.alias(id, twin);
  }
}

/** Places every row into the plans; rows that clash with the store become issues. */
export function planRows(
  access: Access,
  stored: Stored,
  rows: ImportRow[],
  committeeOf: Map<string, string>,
  issues: IssueList,
) {
  claimOwnersWithoutId(access, stored, rows, committeeOf);
  const linkRow = new Map<string, number>();
  for (const r of rows) {
    const committeeId = committeeOf.get(r.committee)!;
    const estate = stored.estates.upsert(
      joinKey(committeeId, r.estate),
      () => ({ id: randomUUID(), committeeId, name: r.estate, address: r.estateAddress }),
      { address: r.estateAddress },
    );
    const buildingKey = joinKey(estate.id, r.building);
    const storedFloors = stored.buildings.findStored(buildingKey)?.floors;
    if (storedFloors !== undefined && storedFloors !== r.floors) {
      issues.add(
        r.row,
        'floors',
        `该楼幢已登记为 ${storedFloors} 层，与本行不一致；如需修改层数，请先在楼幢页面修改`,
        `The building is registered with ${storedFloors} floors; change its floors on the building page first`,
      );
      continue;
    }
    const building = stored.buildings.upsert(
      buildingKey,
      () => ({
        id: randomUUID(),
        estateId: estate.id,
        committeeId,
        name: r.building,
        floors: r.floors,
        address: r.buildingAddress,
      }),
      { address: r.buildingAddress },
    );
    const stairwell = stored.stairwells.upsert(joinKey(building.id, r.stairwell), () => ({
      id: randomUUID(),
      buildingId: building.id,
      committeeId,
      name: r.stairwell,
    }));
    const unitKey = joinKey(stairwell.id, r.room);
    const unit = stored.units.upsert(
      unitKey,
      () => ({
        id: randomUUID(),
        stairwellId: stairwell.id,
        committeeId,
        floor: r.floor,
        room: r.room,
        areaCenti: r.areaCenti,
      }),
      { floor: r.floor, areaCenti: r.areaCenti },
    );
    if (!r.owner) continue;

    const person = placeOwner(access, stored, r, r.owner, unit.id, issues);
    if (!person) continue;
    const link = linkKey(unit.id, person.id);
    const sameOwnerRow = linkRow.get(link);
    if (sameOwnerRow !== undefined) {
      issues.add(
        r.row,
        'ownerName',
        `与第 ${sameOwnerRow} 行重复：同一业主在同一房屋登记了两次`,
        `Duplicates row ${sameOwnerRow}: the same owner of the same unit`,
      );
      continue;
    }
    linkRow.set(link, r.row);
    // the phone is this committee's record, on this ownership only; empty or masked keeps it
    stored.links.upsert(link, () => ({ id: link, unitId: unit.id, personId: person.id, phone: null }), {
      phone: isMasked(r.owner.phone) ? '' : r.owner.phone,
    });
  }
}

/**
 * The person a row's owner cells name, created when new; null (with an issue) when it clashes.
 * A known ID number with the same name is the same person, whoever recorded them; with another
 * name the row is refused without naming what is stored, unless no unit refers to the person.
 */
function placeOwner(
  access: Access,
  stored: Stored,
  r: ImportRow,
  owner: OwnerCells,
  unitId: string,
  issues: IssueList,
): PersonRow | null {
  const make = (idNumber: string | null) => () => ({ id: randomUUID(), name: owner.name, idNumber });
  if (owner.idNumber && !isMasked(owner.idNumber)) {
    const known = stored.persons.findStored(owner.idNumber);
    const owners = known ? ownersOf(stored, known.id) : new Set<string>();
    if (known && known.name !== owner.name && owners.size) {
      const text = identityConflictText(mayChangeIdentity(access, owners));
      issues.add(r.row, 'ownerName', text.zh, text.en);
      return null;
    }
    return stored.persons.upsert(owner.idNumber, make(owner.idNumber), {
      idNumber: owner.idNumber,
      name: owner.name,
    });
  }
  const namesakes = (stored.ownersOfUnit.get(unitId) ?? []).filter((p) => p.name === owner.name);
  if (isMasked(owner.idNumber)) {
    const same = namesakes.find((p) => maskIdNumber(p.idNumber) === owner.idNumber);
    if (!same) {
      issues.add(
        r.row,
        'idNumber',
        '身份证号是脱敏号码（含 *），此房屋没有对应的同名业主；请填写完整号码',
        'The ID number is masked (with *) and matches no owner of this unit by that name; enter the full number',
      );
      return null;
    }
    return stored.persons.upsert(personKey(same), () => same);
  }
  const same = namesakes[0];
  return same
    ? stored.persons.upsert(personKey(same), () => same)
    : stored.persons.upsert(joinKey('new', unitId, owner.name), make(null));
}
