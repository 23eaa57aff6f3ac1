/**
 * The registry in Excel: the import template, the import (read, validate every row, then write
 * everything in one transaction or nothing at all) and the export in the same layout, so an
 * export can be edited and imported again. The layout, reading, row checks and the plan of
 * writes are in excel/.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { formatAreaM2 } from '../../../core/area.ts';
import { badInput, forbidden, notFound } from '../../../core/errors.ts';
import { maskIdNumber, maskPhone } from '../../../core/privacy.ts';
import { auditScope, canWriteCommittee, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import type { EntityCounts, ImportResult } from './contract.ts';
import { registryScope } from './policy.ts';
import { buildings, committees, estates, persons, stairwells, unitOwners, units } from './schema.ts';
import { ENTITY } from './service.ts';
import { importRejected, type SheetRow } from './excel/layout.ts';
import { readRegistrySheet, writeRegistryWorkbook } from './excel/workbook.ts';
import { IssueList, checkRows, isMasked } from './excel/rows.ts';
import { TablePlan, loadStored, planRows, resolveCommittees } from './excel/plan.ts';
import { insertInChunks, updateInChunks } from '../../platform/db/bulk.ts';

// ---------------------------------------------------------------- import

export type { EntityCounts, ImportResult };

export type ImportPhase = 'parse' | 'validate' | 'write';

/** Audit scope of a write touching these committees: the one committee, else their one street. */
function scopeOfCommittees(access: Access, committeeIds: string[]) {
  if (committeeIds.length === 1) return auditScope(access, committeeIds[0]!);
  const streetIds = new Set(committeeIds.map((id) => access.streetOf.get(id)));
  return { committeeId: null, streetId: streetIds.size === 1 ? ([...streetIds][0] ?? null) : null };
}

export const masked = (p: { idNumber?: string | null; phone?: string | null }) => ({
  ...p,
  ...('idNumber' in p ? { idNumber: maskIdNumber(p.idNumber) } : {}),
  ...('phone' in p ? { phone: maskPhone(p.phone) } : {}),
});

/** The stored rows the import changed, field by field, for the audit event. */
function changesOf<R extends { id: string }>(
  entity: keyof typeof ENTITY,
  plan: TablePlan<R>,
  present: (r: Partial<R>) => object = (r) => r,
) {
  return plan.updatedRows().map((row) => {
    const before = plan.changed.get(row.id)!;
    const after = Object.fromEntries(Object.keys(before).map((k) => [k, row[k as keyof R]])) as Partial<R>;
    return { entity, id: row.id, before: present(before), after: present(after) };
  });
}

/**
 * Imports the registry sheet for the caller's committees: every row is checked (cells, rows
 * against each other, then against the store) before anything is written; one bad row and the
 * whole file is refused with every issue listed. Otherwise one transaction upserts estates,
 * buildings, stairwells, units, persons and ownerships in bulk, and audits the import.
 */
export async function importRegistry(
  db: Db,
  access: Access,
  file: Buffer,
  opts: { onPhase?: (phase: ImportPhase, ms: number) => void } = {},
): Promise<ImportResult> {
  if (!access.committeeIds.some((id) => canWriteCommittee(access, id))) throw forbidden();
  let started = performance.now();
  const phaseDone = (phase: ImportPhase) => {
    const now = performance.now();
    opts.onPhase?.(phase, now - started);
    started = now;
  };

  const lines = await readRegistrySheet(file);
  if (!lines.length) throw badInput('file', '文件中没有数据行', 'The file has no data rows');
  phaseDone('parse');

  return db.transaction(async (tx) => {
    const checked = checkRows(lines);
    const issues = new IssueList();
    issues.items.push(...checked.issues);
    const { committeeOf, placed } = await resolveCommittees(tx, access, checked.rows, issues);
    const idNumbers = [
      ...new Set(placed.map((r) => r.owner?.idNumber ?? '').filter((id) => id && !isMasked(id))),
    ];
    const committeeIds = [...new Set(committeeOf.values())];
    const stored = await loadStored(tx, committeeIds, idNumbers);
    planRows(access, stored, placed, committeeOf, issues);
    if (issues.items.length) throw importRejected(issues.items);
    phaseDone('validate');

    await insertInChunks(tx, estates, stored.estates.inserts);
    await updateInChunks(
      tx,
      estates,
      { id: estates.id },
      { address: estates.address },
      stored.estates.updatedRows(),
    );
    await insertInChunks(tx, buildings, stored.buildings.inserts);
    await updateInChunks(
      tx,
      buildings,
      { id: buildings.id },
      { address: buildings.address },
      stored.buildings.updatedRows(),
    );
    await insertInChunks(tx, stairwells, stored.stairwells.inserts);
    await insertInChunks(tx, units, stored.units.inserts);
    await updateInChunks(
      tx,
      units,
      { id: units.id },
      { floor: units.floor, areaCenti: units.areaCenti },
      stored.units.updatedRows(),
    );
    await insertInChunks(tx, persons, stored.persons.inserts);
    await updateInChunks(
      tx,
      persons,
      { id: persons.id },
      { name: persons.name, idNumber: persons.idNumber },
      stored.persons.updatedRows(),
    );
    await insertInChunks(
      tx,
      unitOwners,
      stored.links.inserts.map(({ id: _key, ...link }) => link),
    );
    await updateInChunks(
      tx,
      unitOwners,
      { unitId: unitOwners.unitId, personId: unitOwners.personId },
      { phone: unitOwners.phone },
      stored.links.updatedRows(),
    );

    const tallies = {
      estates: stored.estates.tally(),
      buildings: stored.buildings.tally(),
      stairwells: stored.stairwells.tally(),
      units: stored.units.tally(),
      persons: stored.persons.tally(),
      owners: stored.links.tally(),
    };
    const pick = (field: 'count' | 'created' | 'updated') =>
      Object.fromEntries(Object.entries(tallies).map(([k, t]) => [k, t[field]])) as EntityCounts;
    const result: ImportResult = {
      ok: true,
      counts: pick('count'),
      created: pick('created'),
      updated: pick('updated'),
    };
    const changes = [
      ...changesOf('estate', stored.estates),
      ...changesOf('building', stored.buildings),
      ...changesOf('unit', stored.units),
      ...changesOf('person', stored.persons, masked),
      ...changesOf('owner', stored.links, masked),
    ];
    await recordAudit(tx, access.actor, {
      action: 'import',
      entity: 'registry',
      ...scopeOfCommittees(access, committeeIds),
      summary: `Excel 导入房屋与业主 ${lines.length} 行 / Registry import of ${lines.length} rows`,
      after: {
        rows: lines.length,
        committees: [...committeeOf.keys()],
        counts: result.counts,
        created: result.created,
        updated: result.updated,
        changes,
      },
    });
    phaseDone('write');
    return result;
  });
}

// ---------------------------------------------------------------- export

/**
 * Every unit-owner in the caller's scope (optionally one committee) in the import layout. ID
 * numbers and phones are masked unless `full` is asked by a role that may see them; a full
 * export discloses personal data and is audited.
 */
export async function exportRegistry(
  db: Db,
  access: Access,
  opts: { committeeId?: string | undefined; full: boolean },
) {
  if (opts.full && !access.seesPersonalData) throw forbidden();
  if (opts.committeeId && !access.assigned && !access.committeeIds.includes(opts.committeeId))
    throw notFound(ENTITY.committee);
  const lines = await db
    .select({
      committee: committees.name,
      estate: estates.name,
      estateAddress: estates.address,
      building: buildings.name,
      floors: buildings.floors,
      buildingAddress: buildings.address,
      stairwell: stairwells.name,
      floor: units.floor,
      room: units.room,
      areaCenti: units.areaCenti,
      ownerName: persons.name,
      idNumber: persons.idNumber,
      phone: unitOwners.phone,
    })
    .from(units)
    .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .innerJoin(committees, eq(committees.id, units.committeeId))
    .leftJoin(unitOwners, eq(unitOwners.unitId, units.id))
    .leftJoin(persons, eq(persons.id, unitOwners.personId))
    .where(
      and(
        registryScope(access, 'unit'),
        opts.committeeId ? eq(units.committeeId, opts.committeeId) : undefined,
      ),
    )
    .orderBy(
      asc(committees.name),
      asc(estates.name),
      sql`length(${buildings.name})`,
      asc(buildings.name),
      asc(stairwells.name),
      asc(units.floor),
      sql`length(${units.room})`,
      asc(units.room),
      asc(unitOwners.createdAt),
      asc(persons.name),
    );
  const reveal = (value: string | null, mask: (v: string | null) => string | null) =>
    (opts.full ? value : mask(value)) ?? '';
  const rows: SheetRow[] = lines.map(({ areaCenti, ownerName, idNumber, phone, ...unit }) => ({
    ...unit,
    area: formatAreaM2(areaCenti),
    ownerName: ownerName ?? '',
    idNumber: reveal(idNumber, maskIdNumber),
    phone: reveal(phone, maskPhone),
  }));
  if (opts.full) {
    await recordAudit(db, access.actor, {
      action: 'export_full',
      entity: 'registry',
      ...scopeOfCommittees(access, opts.committeeId ? [opts.committeeId] : access.committeeIds),
      summary: `导出含完整身份证号和电话的房屋与业主表 ${rows.length} 行 / Registry export with full ID numbers and phones, ${rows.length} rows`,
      after: { rows: rows.length, committeeId: opts.committeeId ?? null },
    });
  }
  return { file: await writeRegistryWorkbook(rows), rows: rows.length };
}
